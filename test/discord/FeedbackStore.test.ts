import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FeedbackStore, type FeedbackEntry } from '../../src/discord/FeedbackStore.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-feedback-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const entry = (over: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
  answerId: '1001',
  vote: 'up',
  question: 'Who leads the working group?',
  answer: 'Rubio leads it [1].',
  sources: [{ n: 1, source: 'seeds/000_a.txt', title: 'A, "quoted" title', quote: 'Rubio will lead.' }],
  userId: '42',
  guildId: '7',
  channelId: '8',
  at: '2026-01-01T00:00:00.000Z',
  ...over,
});

it('survives a restart: a new store on the same file reads what the old one wrote', async () => {
  const file = path.join(dir, 'nested', 'feedback.jsonl');
  await new FeedbackStore(file).record(entry());
  await new FeedbackStore(file).record(entry({ userId: '43', vote: 'down' }));
  const { entries } = await new FeedbackStore(file).read();
  expect(entries.map((e) => [e.userId, e.vote])).toEqual([
    ['42', 'up'],
    ['43', 'down'],
  ]);
});

it('skips a corrupt line instead of failing, and keeps it in the file', async () => {
  const store = new FeedbackStore(path.join(dir, 'feedback.jsonl'));
  await store.record(entry());
  await appendFile(store.file, '{"half written\n');
  await store.record(entry({ answerId: '1002' }));
  const { entries, badLines } = await store.read();
  expect(entries).toHaveLength(2);
  expect(badLines).toBe(1);
  expect(await readFile(store.file, 'utf8')).toContain('half written');
});

it('exports one row per user and answer, the latest vote winning, as JSONL', async () => {
  const store = new FeedbackStore(path.join(dir, 'feedback.jsonl'));
  await store.record(entry({ vote: 'up' }));
  await store.record(entry({ vote: 'down', at: '2026-01-01T00:01:00.000Z' }));
  await store.record(entry({ userId: '99' }));
  const lines = (await store.exportFeedback('jsonl')).trim().split('\n').map((l) => JSON.parse(l) as FeedbackEntry);
  expect(lines.map((l) => [l.userId, l.vote])).toEqual([
    ['42', 'down'],
    ['99', 'up'],
  ]);
});

it('exports RFC 4180 CSV with quoting, and neutralises spreadsheet formulas', async () => {
  const store = new FeedbackStore(path.join(dir, 'feedback.jsonl'));
  await store.record(entry({ question: '=HYPERLINK("x")', answer: 'Line one\nline two' }));
  const csv = await store.exportFeedback('csv');
  const [header, row] = csv.split('\r\n');
  expect(header).toBe('at,vote,userId,guildId,channelId,answerId,question,answer,sources');
  expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  expect(csv).toContain('"Line one\nline two"');
  expect(csv).toContain('"[1] A, ""quoted"" title"');
});

it('a missing file is an empty store', async () => {
  expect(await new FeedbackStore(path.join(dir, 'none.jsonl')).exportFeedback('csv')).toBe('at,vote,userId,guildId,channelId,answerId,question,answer,sources\r\n');
});
