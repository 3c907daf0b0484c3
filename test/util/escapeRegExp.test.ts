import { expect, it } from 'vitest';
import { escapeRegExp } from '../../src/util/escapeRegExp.js';

it.each(['U.S.', 'C++', '$1.5 (bn)', 'a|b', '[x]{2}', 'back\\slash', '^start$', 'why?*'])('matches %j literally', (text) => {
  const re = new RegExp(`^${escapeRegExp(text)}$`);
  expect(re.test(text)).toBe(true);
  expect(re.test(`${text}x`)).toBe(false);
});
