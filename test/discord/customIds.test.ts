import { expect, it } from 'vitest';
import { encodeButton, parseButton, type ButtonAction } from '../../src/discord/customIds.js';

it.each<[ButtonAction]>([
  [{ kind: 'feedback', vote: 'up', key: '1234567890123456789' }],
  [{ kind: 'feedback', vote: 'down', key: '1234567890123456789' }],
  [{ kind: 'thread', key: '1234567890123456789' }],
  [{ kind: 'page', key: '1234567890123456789', page: 3 }],
])('round-trips %o within Discord’s 100-char custom_id limit', (action) => {
  const id = encodeButton(action);
  expect(id.length).toBeLessThanOrEqual(100);
  expect(parseButton(id)).toEqual(action);
});

it.each(['', 'fb:maybe:1', 'tl:1:x', 'th:', 'other:thing', 'tl-label:1'])('ignores foreign id %j', (id) => {
  expect(parseButton(id)).toBeUndefined();
});
