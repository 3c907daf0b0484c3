import { expect, it } from 'vitest';
import { RateLimiter, rateLimitMessage } from '../../src/discord/RateLimiter.js';

it.each([
  ['allows up to the limit, then says how long to wait', 3, 60, [0, 1000, 2000, 3000], ['allowed', 'allowed', 'allowed', 'limited:57']],
  ['frees a slot once the oldest hit leaves the window', 2, 10, [0, 1000, 10_000, 10_500], ['allowed', 'allowed', 'allowed', 'limited:1']],
  ['a limit of 0 disables limiting', 0, 60, [0, 0, 0, 0, 0], ['allowed', 'allowed', 'allowed', 'allowed', 'allowed']],
])('%s', (_name, limit, windowSeconds, times, expected) => {
  let now = 0;
  const limiter = new RateLimiter(limit, windowSeconds, () => now);
  const got = times.map((t) => {
    now = t;
    const d = limiter.take('u1');
    return d.kind === 'allowed' ? 'allowed' : `limited:${d.retryAfterSeconds}`;
  });
  expect(got).toEqual(expected);
});

it('limits each user separately', () => {
  const limiter = new RateLimiter(1, 60, () => 0);
  expect(limiter.take('a').kind).toBe('allowed');
  expect(limiter.take('b').kind).toBe('allowed');
  expect(limiter.take('a').kind).toBe('limited');
});

it('tells the user when to come back', () => {
  expect(rateLimitMessage(12)).toMatch(/try again in 12 s/);
});
