import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/discord/ConversationStore.js';
import { loadConfig } from '../../src/config.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-conv-'));
  file = path.join(dir, 'data', 'conversations.jsonl');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const turn = (q: string) => ({ question: q, answer: `Answer to ${q} [1]` });
const lines = async () => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

describe('ConversationStore', () => {
  it('remembers conversations across a restart, the latest version of each', async () => {
    const store = await ConversationStore.open(file);
    store.set('answer-1', [turn('who leads the working group?')]);
    store.set('thread-9', [turn('what is the Trump Route?')]);
    store.set('answer-1', [turn('who leads the working group?'), turn('when was that?')]);
    await store.flush();

    const reopened = await ConversationStore.open(file);
    expect(reopened.get('answer-1')?.map((t) => t.question)).toEqual(['who leads the working group?', 'when was that?']);
    expect(reopened.get('thread-9')).toEqual([turn('what is the Trump Route?')]);
    expect(reopened.has('unknown')).toBe(false);
    expect(reopened.size).toBe(2);
  });

  it('forgets a conversation not continued within the retention window, in memory and after a restart', async () => {
    let now = 1_000_000;
    const day = 86_400_000;
    const store = await ConversationStore.open(file, { retentionMs: 7 * day, now: () => now });
    store.set('old', [turn('a')]);
    now += 6 * day;
    store.set('recent', [turn('b')]);
    await store.flush();
    now += 2 * day;
    expect(store.get('old')).toBeUndefined();
    expect(store.get('recent')).toEqual([turn('b')]);
    const reopened = await ConversationStore.open(file, { retentionMs: 7 * day, now: () => now });
    expect(reopened.has('old')).toBe(false);
    expect(reopened.has('recent')).toBe(true);
  });

  it('keeps at most its capacity, forgetting the least recently used, also after a restart', async () => {
    const store = await ConversationStore.open(file, { capacity: 3 });
    for (const k of ['a', 'b', 'c']) store.set(k, [turn(k)]);
    store.get('a'); // used: now the most recent
    store.set('d', [turn('d')]);
    expect(['a', 'b', 'c', 'd'].filter((k) => store.has(k))).toEqual(['a', 'c', 'd']);
    await store.flush();
    const reopened = await ConversationStore.open(file, { capacity: 3 });
    expect(reopened.size).toBe(3);
    expect(reopened.has('d')).toBe(true);
  });

  it('rewrites the journal compactly once it grows, without losing a live conversation', async () => {
    const store = await ConversationStore.open(file, { capacity: 5 });
    for (let i = 0; i < 400; i++) store.set(`k${i % 7}`, [turn(`question ${i}`)]);
    await store.flush();
    // 2 × capacity + 100 lines at most before a rewrite leaves only the live ones.
    expect((await lines()).length).toBeLessThanOrEqual(2 * 5 + 100 + 1);
    const reopened = await ConversationStore.open(file, { capacity: 5 });
    expect(reopened.get('k0')?.[0]?.question).toBe('question 399');
    expect(reopened.get('k6')?.[0]?.question).toBe('question 398');
    expect(reopened.size).toBe(5);
    // The rewrite goes through a temporary file that is renamed over the journal: none is left behind.
    expect(await readdir(path.dirname(file))).toEqual(['conversations.jsonl']);
  });

  it('skips damaged lines and keeps the readable ones', async () => {
    const store = await ConversationStore.open(file);
    store.set('good', [turn('x')]);
    await store.flush();
    await writeFile(file, `${await readFile(file, 'utf8')}{"key":"half\n\u0000\u0001binary\n{"key":"wrong","turns":"no","at":1}\n`);
    const onError: string[] = [];
    const reopened = await ConversationStore.open(file, { onError: (m) => onError.push(m) });
    expect(reopened.get('good')).toEqual([turn('x')]);
    expect(reopened.size).toBe(1);
    expect(onError).toEqual([]);
  });

  it('keeps answering from memory when the journal cannot be written, and reports it', async () => {
    // The data "directory" is a file: every write fails.
    await writeFile(path.join(dir, 'data'), 'not a directory');
    const errors: string[] = [];
    const store = await ConversationStore.open(file, { onError: (m) => errors.push(m) });
    expect(() => store.set('k', [turn('q')])).not.toThrow();
    await store.flush();
    expect(store.get('k')).toEqual([turn('q')]);
    expect(errors).toEqual([`Could not read conversations from ${file}; starting without them.`, `Could not save a conversation to ${file}.`]);
  });

  it('is memory-only when retention is 0 days', async () => {
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), DISCORD_CONVERSATION_DAYS: '0' }, dir);
    const store = await ConversationStore.fromConfig(config);
    store.set('k', [turn('q')]);
    await store.flush();
    expect(store.file).toBeUndefined();
    expect(store.get('k')).toEqual([turn('q')]);
    await expect(readFile(file)).rejects.toThrow();
  });

  it('keeps them for DISCORD_CONVERSATION_DAYS (7 by default) in DATA_DIR/conversations.jsonl', async () => {
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data') }, dir);
    expect(config.discord.conversationRetentionDays).toBe(7);
    const store = await ConversationStore.fromConfig(config);
    expect(store.file).toBe(file);
    expect(() => loadConfig({ DISCORD_CONVERSATION_DAYS: '-1' }, dir)).toThrow(/DISCORD_CONVERSATION_DAYS/);
  });

  it('gives each shard of a ShardingManager its own file (discord.js sets SHARDS in each shard process)', async () => {
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), SHARDS: '3' }, dir);
    expect(config.discord.shardIds).toEqual([3]);
    expect((await ConversationStore.fromConfig(config)).file).toBe(path.join(dir, 'data', 'conversations.shard-3.jsonl'));
  });
});
