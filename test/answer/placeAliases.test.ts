import { describe, expect, it } from 'vitest';
import { isCapital, mentionsAlias, placeAliases } from '../../src/answer/placeAliases.js';

describe('placeAliases', () => {
  it.each([
    ['Washington', ['United States', 'US', 'USA', 'America']],
    ['Baku', ['Azerbaijan']],
    ['azerbaijan', ['Baku']],
    ['Yerevan', ['Armenia']],
    ['United States', ['Washington', 'US', 'America']],
    ['America', ['United States', 'US', 'Washington']],
    ['Britain', ['United Kingdom', 'UK', 'London']],
  ])('%s has the other names %j', (place, names) => {
    expect(placeAliases(place)).toEqual(expect.arrayContaining(names));
  });

  it.each(['Hooker', 'Nakhchivan', ''])('%j is no country or capital', (place) => {
    expect(placeAliases(place)).toEqual([]);
  });
});

describe('mentionsAlias', () => {
  it.each<[string, string, boolean]>([
    ['Aliyev paid a visit to the United States on August 7-8, 2025.', 'Washington', true],
    ['The US and Azerbaijan signed a memorandum.', 'Washington', true],
    ['Official Baku expressed dissatisfaction.', 'Azerbaijan', true],
    // A people's name stands for the country: "Japanese officials", "the Turkish government".
    ['Japanese officials say the tanks are nearly full.', 'Japan', true],
    ['The Turkish government declared a state of emergency.', 'Türkiye', true],
    ['Dutch salvage crews arrived.', 'Netherlands', true],
    // The pronoun "us" is not the United States, and a name inside another word does not count.
    ['Let us begin the talks.', 'Washington', false],
    ['The Bakunin archive opened.', 'Azerbaijan', false],
    ['Talks were held in Paris.', 'Washington', false],
  ])('%j mentions %s under another name: %s', (text, place, expected) => {
    expect(mentionsAlias(text, place)).toBe(expected);
  });
});

describe('isCapital', () => {
  it.each<[string, boolean]>([
    ['Washington', true],
    ['paris', true],
    ['France', false],
    ['Eastport', false],
  ])('%s -> %s', (place, capital) => {
    expect(isCapital(place)).toBe(capital);
  });
});
