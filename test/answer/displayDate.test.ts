import { describe, expect, it } from 'vitest';
import { calendarDay, datelineGloss, displayDate, formatDay, shortDate } from '../../src/answer/displayDate.js';

describe('displayDate', () => {
  // 12 March 2031 is a Wednesday.
  it.each<[string, string | null, string]>([
    ['on Tuesday', '2031-03-12', '11 March 2031 (on Tuesday)'],
    ['March 10', '2031-03-12', '10 March 2031'],
    ['today', '2031-03-12', '12 March 2031 (today)'],
    ['yesterday', '2031-03-12', '11 March 2031 (yesterday)'],
    ['this morning', '2031-03-12', '12 March 2031 (this morning)'],
    ['March 10, 2029', '2031-03-12', 'March 10, 2029'],
    // The year told in words, not the article's: two days after its date, yet last year's.
    ['March 14 last year', '2031-03-12', '14 March 2030'],
    ['March 14', '2031-03-12', '14 March 2031'],
    ['today', null, 'today'],
    ['on Tuesday', '2031-03', 'on Tuesday'],
  ])('%j in an article of %s -> %j', (text, date, shown) => {
    expect(displayDate(text, date)).toBe(shown);
  });
});

describe('datelineGloss and shortDate', () => {
  it('name the dateline of an undated article for a weekday, and nothing else', () => {
    expect(datelineGloss('Monday', { date: null, datelineDay: '04-15' })).toBe('Article dated April 15, year not given');
    expect(datelineGloss('April 3', { date: null, datelineDay: '04-15' })).toBeUndefined();
    expect(datelineGloss('Monday', { date: '2031-04-15', datelineDay: null })).toBeUndefined();
  });

  it('give no short answer for a weekday nothing places', () => {
    expect(shortDate('Monday', { date: null })).toBeUndefined();
    expect(shortDate('Monday', { date: null, datelineDay: '04-15' })).toBe('Monday (article dated April 15, year not given)');
    expect(shortDate('May 10, 2031', { date: null })).toBe('May 10, 2031');
  });
});

describe('calendarDay', () => {
  it.each<[string, string | null, string | undefined, 'written' | 'placed' | undefined]>([
    ['May 10, 2029', null, '10 May 2029', 'written'],
    ['on Tuesday', '2031-03-12', '11 March 2031', 'placed'],
    ['March 10', '2031-03-12', '10 March 2031', 'placed'],
    // A month, a year, or a weekday nothing places is no day.
    ['in March 2031', '2031-03-12', undefined, undefined],
    ['on Tuesday', null, undefined, undefined],
    // A day just after the article's date is last year's, too far back to place safely.
    ['March 20', '2031-03-12', undefined, undefined],
  ])('%j in an article of %s is %s (%s)', (text, date, day, how) => {
    const found = calendarDay(text, date);
    expect(found && formatDay(found.time)).toBe(day);
    expect(found?.how).toBe(how);
  });
});
