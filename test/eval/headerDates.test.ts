import { describe, expect, it } from 'vitest';
import { headerOf, statedDates } from '../../scripts/lib/headerDates.js';

describe('headerDates (the evaluation’s own reading of header dates)', () => {
  it.each<[string, string[]]>([
    ['By Jane Roe | Nov 18, 2031, 1:12 AM GMT+1 | 214 Comments', ['2031-11-18']],
    ['Updated Feb. 2, 2031, 4:40 p.m. | Published Jan. 8, 2031', ['2031-02-02', '2031-01-08']],
    ['By John Doe | 17:05, 13 MAR 2031 | UPDATED 18:20, 13 MAR 2031', ['2031-03-13']],
    ['Washington, 17th of May 2031 (TDI): talks began', ['2031-05-17']],
    ['Posted 2031-04-22', ['2031-04-22']],
    ['Jan. 23 (UPI) -- A man was arrested.', []],
    ['In May 2031 the port closed.', []],
  ])('%s', (text, dates) => {
    expect(statedDates(text).sort()).toEqual([...dates].sort());
  });

  it('reads the lines above the first long paragraph but photo captions and cookie banners, and that paragraph’s opening', () => {
    const long = `BAKU, 9 July 2031 — ${'The talks went on. '.repeat(20)}`;
    const head = headerOf(`Title here\n\nDivers at the pier on 8 July 2031. Photo: Jane Roe\nWe use cookies (policy effective January 1, 2031).\n\nBy Jane Roe\n\n${long}\n\nLater, on 10 July 2031, more happened.`);
    expect(head.split('\n')).toEqual(['Title here', 'By Jane Roe', long.slice(0, 200)]);
    expect(statedDates(head)).toEqual(['2031-07-09']);
  });
});
