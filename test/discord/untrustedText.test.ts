import { describe, expect, it } from 'vitest';
import { untrustedText } from '../../src/discord/untrustedText.js';

describe('untrustedText', () => {
  it.each<[string, string, string]>([
    ['a masked link shows its URL', 'See [click here](https://evil.example/phish) now [1].', 'See click here (<https://evil.example/phish>) now [1].'],
    ['a masked link with an empty label is its URL', 'See [](https://evil.example/x).', 'See <https://evil.example/x>.'],
    ['a masked link in angle brackets with a title', '[docs](<https://a.example/p> "Docs")', 'docs (<https://a.example/p>)'],
    ['citation markers stay', 'Coulter leads the group [1][2].', 'Coulter leads the group [1][2].'],
    ['bold and code are shown as typed', '**Wrong** `x` ```js\nrun()```', '\\*\\*Wrong\\*\\* \\`x\\` \\`\\`\\`js\nrun()\\`\\`\\`'],
    ['a heading is not a heading', '# Breaking\nText', '\\# Breaking\nText'],
    ['a block quote and subtext are not', '> quoted\n-# small', '\\> quoted\n\\-# small'],
  ])('%s', (_name, input, expected) => {
    expect(untrustedText(input)).toBe(expected);
  });

  it.each(['@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>'])(
    'breaks the mention %s so it neither pings nor renders',
    (mention) => {
      const out = untrustedText(`Hello ${mention} there`);
      expect(out).not.toContain(mention);
      expect(out.replace(/\u200b/g, '')).toBe(`Hello ${mention} there`);
    },
  );
});
