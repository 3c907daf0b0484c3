import { describe, expect, it } from 'vitest';
import { foldLatin } from '../../src/text/foldLatin.js';

describe('foldLatin', () => {
  it.each<[string, string]>([
    ['Erdoğan', 'Erdogan'],
    ['Kılıçdaroğlu', 'Kilicdaroglu'],
    ['Wałęsa in Łódź', 'Walesa in Lodz'],
    ['Dvořák', 'Dvorak'],
    ['Ștefan Țurcanu', 'Stefan Turcanu'],
    ['Hà Nội', 'Ha Noi'],
    ['Müller, Peña, São Paulo', 'Muller, Pena, Sao Paulo'],
    ['Straße, Œuvre, Ørsted', 'Strase, Ouvre, Orsted'],
    ['東京 and Ωmega', '東京 and Ωmega'],
    ['3 × 4 ÷ 2', '3 × 4 ÷ 2'],
  ])('%j -> %j', (text, folded) => {
    expect(foldLatin(text)).toBe(folded);
  });

  it('keeps every offset: one character for one', () => {
    const text = 'Kılıçdaroğlu met Łukasz Żukowski and Nguyễn Thị Định.';
    expect(foldLatin(text)).toHaveLength(text.length);
  });
});
