import { expect, it } from 'vitest';
import { commands } from '../../src/discord/commands/index.js';

it.each([
  ['ask', true, ['rate-limit']],
  ['timeline', true, ['rate-limit']],
  ['sources', false, []],
  ['add', false, ['admin-only']],
  ['reindex', false, ['admin-only']],
])('/%s declares its input check (%s) and checks %j, which the dispatcher applies', (name, input, checks) => {
  const command = commands.find((c) => c.data.name === name);
  expect(command?.input !== undefined).toBe(input);
  expect(command?.checks?.map((c) => c.name) ?? []).toEqual(checks);
});
