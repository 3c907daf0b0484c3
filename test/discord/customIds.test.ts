import { expect, it } from 'vitest';
import { answerButtons, encodeButton, parseButton, type ButtonAction } from '../../src/discord/customIds.js';

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

it.each([
  [true, ['fb:up:k', 'fb:down:k', 'th:k']],
  [false, ['fb:up:k', 'fb:down:k']],
])('offers "Open a thread" only when DISCORD_OFFER_THREADS is %s', (thread, ids) => {
  const row = answerButtons('k', { thread })[0]?.toJSON();
  expect(row?.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual(ids);
});
