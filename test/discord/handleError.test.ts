import { expect, it } from 'vitest';
import { DossierError } from '../../src/errors.js';
import { redactSecrets, serializeError, userMessage } from '../../src/discord/handleError.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GfAkEt.0123456789abcdefghijklmnopqrstuvwxyzABCD';

it.each([
  ['the configured token', `Bad header: Bot ${TOKEN}`, 'Bad header: Bot [redacted]'],
  ['an interaction token in a webhook URL', 'PATCH https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/messages/@original failed', 'PATCH https://discord.com/api/v10/webhooks/123/[redacted]/messages/@original failed'],
  ['an interaction callback URL', '/interactions/555/aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmFiYw/callback', '/interactions/555/[redacted]/callback'],
  ['something shaped like another bot token', 'token OTk5OTk5OTk5OTk5OTk5OTk5OTk5.AbCdEf.abcdefghijklmnopqrstuvwxyz0123456789', 'token [redacted]'],
  ['ordinary text is untouched', 'Who leads the working group?', 'Who leads the working group?'],
])('redacts %s', (_name, input, expected) => {
  expect(redactSecrets(input, [TOKEN])).toBe(expected);
});

it('redacts the message, stack and causes of a logged error', () => {
  const err = new Error(`login failed for ${TOKEN}`, { cause: new Error(`inner ${TOKEN}`) });
  expect(JSON.stringify(serializeError(err, [TOKEN]))).not.toContain(TOKEN);
});

it.each([
  ['QUESTION_TOO_LONG', 'That question is 2000 characters long; the limit is 1000.', 'That question is 2000 characters long; the limit is 1000.'],
  ['INDEX_MISSING', 'ENOENT /srv/dossier/embeddings/CURRENT', "The article index isn't built yet. An admin can run /reindex."],
  ['LLM_AUTH', '401 Incorrect API key sk-abc', 'The language model rejected my credentials. Please tell the bot owner.'],
  ['INTERNAL', 'TypeError: x is undefined', 'Something went wrong on my side. It has been logged; please try again.'],
] as const)('%s becomes a message for people, without internals', (code, message, expected) => {
  expect(userMessage(new DossierError(code, message))).toBe(expected);
});

it('never shows a raw exception', () => {
  expect(userMessage(new TypeError('Cannot read properties of undefined'))).toMatch(/^Something went wrong/);
});
