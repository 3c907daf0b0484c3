import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../src/store/asciiJson.js';

describe('asciiJson', () => {
  it.each<[string, unknown]>([
    ['plain ASCII', { text: 'The ministers met.', n: 3, list: [1, null, true] }],
    ['curly quotes and dashes', { text: 'They signed “the declaration” — in Washington.' }],
    ['letters outside Latin-1 and in keys', { 'Ağdam': 'Ильхам Алиев, Փաշինյան' }],
    ['characters outside the BMP (surrogate pairs)', ['flag 🇦🇿 and 🤝']],
    ['a lone surrogate', ['broken \ud800 text']],
    ['quotes, backslashes and control characters', ['a "quoted" \\ path\n\ttab']],
  ])('writes %s as ASCII that parses back to the same value', (_what, value) => {
    const json = asciiJson(value);
    expect(/^[\x20-\x7e]*$/.test(json)).toBe(true);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('leaves ASCII-only JSON as JSON.stringify writes it', () => {
    const value = { a: 'plain', b: [1, 2.5, 'x'] };
    expect(asciiJson(value)).toBe(JSON.stringify(value));
  });
});
