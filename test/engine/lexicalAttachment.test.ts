import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { EmbeddingModel } from '../../src/embeddings/EmbeddingModel.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import { lexicalAttachments, loadLexical, settleLexical } from '../../src/engine/lexicalAttachment.js';
import type { PendingLexical } from '../../src/engine/lexicalAttachment.js';
import { LexicalIndex } from '../../src/retrieval/LexicalIndex.js';
import { LEGACY_LEXICAL_FILES, LEXICAL_CHANGES_FILE, LEXICAL_INDEX_FILE } from '../../src/store/lexicalFiles.js';
import { updateIndex } from '../../src/store/buildIndex.js';
import type { BuiltIndex, CorpusFile } from '../../src/store/buildIndex.js';
import type { Chunking } from '../../src/store/IndexManifest.js';
import { openIndex } from '../../src/store/openIndex.js';
import type { LoadedIndex } from '../../src/store/openIndex.js';
import { syntheticFile } from '../support/syntheticPassages.js';

const chunking: Chunking = { maxChars: 1000, overlapSentences: 0, cleanerVersion: 'test-1' };
const TOPICS = ['grain harvest', 'railway strike', 'harbour dredging', 'postal reform', 'tariff debate', 'flood relief'];
/** 60 files of 2 passages: a change of a few files stays under the delta's compaction share. */
const corpus = (): CorpusFile[] =>
  Array.from({ length: 60 }, (_, i) =>
    syntheticFile(`seeds/f${String(i).padStart(2, '0')}.txt`, [
      `Bulletin ${i} on the ${TOPICS[i % TOPICS.length] ?? ''} in the northern provinces.`,
      `Officials of district ${i} answered questions about the ${TOPICS[(i + 1) % TOPICS.length] ?? ''}.`,
    ]),
  );
const QUERIES = ['zanzibar marmalade cooperative', 'grain harvest provinces', 'railway strike officials', 'Bulletin 7', 'pelican lighthouse keeper'];

let model: EmbeddingModel;
const dirs: string[] = [];
beforeAll(async () => {
  const embeddings = await WordVectorEmbeddings.load({ cacheDir: loadConfig({}, process.cwd()).paths.cache });
  model = { id: embeddings.id, dimension: embeddings.dimension, embeddings };
});
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

interface Served {
  index: LoadedIndex;
  lexical: LexicalIndex;
}

/** One engine-style build: attachments from lexicalAttachments, lexical settled after the swap. */
async function build(dir: string, files: CorpusFile[], serving: Served | undefined, warnings: string[] = []): Promise<Served & { built: BuiltIndex; pending: PendingLexical }> {
  let pending: PendingLexical | undefined;
  const warn = (m: string) => warnings.push(m);
  const built = await updateIndex({
    dir,
    files,
    model,
    chunking,
    ...(serving ? { previous: serving.index } : {}),
    attachments: async (passages, change) => {
      const out = await lexicalAttachments(passages, change, serving, warn);
      pending = out.pending;
      return out.files;
    },
  });
  if (!pending) throw new Error('no lexical index');
  const kept = pending;
  return { built, pending: kept, index: built.index, lexical: settleLexical(kept, built.index.passages, warn) };
}

const ids = (lexical: LexicalIndex, q: string) => lexical.search(q, { limit: 10 }).map((h) => [h.passage.id, h.passage.text, h.score.toFixed(6)]);

async function reopen(dir: string, warnings: string[] = []): Promise<Served> {
  const opened = await openIndex(dir, model);
  if (opened.kind !== 'ok') throw new Error(`expected ok, got ${opened.kind}`);
  return { index: opened.index, lexical: await loadLexical(opened.index, (m) => warnings.push(m)) };
}

describe('lexical index stored as a saved index plus changes', () => {
  it('carries the saved index over, writes only the changes, and loads exactly what a fresh build would search', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lexical-'));
    dirs.push(dir);
    const files = corpus();
    const first = await build(dir, files, undefined);
    const base = await first.index.attachment(LEXICAL_INDEX_FILE);
    expect(await first.index.attachment(LEXICAL_CHANGES_FILE)).toBeNull();

    // Change one file, remove another, add a third.
    const changed = syntheticFile('seeds/f03.txt', ['The zanzibar marmalade cooperative opened a depot.', 'Bulletin 3 was withdrawn.']);
    const added = syntheticFile('seeds/new.txt', ['A pelican nested on the lighthouse keeper roof.']);
    const next = [...files.slice(0, 3), changed, ...files.slice(4, 20), ...files.slice(21), added];
    const second = await build(dir, next, first);
    expect(second.pending.kind).toBe('apply');
    // The serving lexical index was brought up to date in place, at the swap.
    expect(second.lexical).toBe(first.lexical);
    expect((await second.index.attachment(LEXICAL_INDEX_FILE))?.equals(base ?? Buffer.alloc(0))).toBe(true);
    // Removed passages are named by id only: loading discards them without their text.
    const delta = JSON.parse((await second.index.attachment(LEXICAL_CHANGES_FILE))?.toString() ?? '{}') as { discarded: string[]; added: string[] };
    expect(delta.discarded.sort()).toEqual(['seeds/f03.txt#0', 'seeds/f03.txt#1', 'seeds/f20.txt#0', 'seeds/f20.txt#1']);
    expect(delta.added.sort()).toEqual(['seeds/f03.txt#0', 'seeds/f03.txt#1', 'seeds/new.txt#0']);

    const fresh = LexicalIndex.build(second.index.passages);
    const loaded = await reopen(dir);
    for (const q of QUERIES) {
      expect(ids(second.lexical, q)).toEqual(ids(fresh, q));
      expect(ids(loaded.lexical, q)).toEqual(ids(fresh, q));
    }
    expect(loaded.lexical.search('zanzibar marmalade')[0]?.passage.id).toBe('seeds/f03.txt#0');
    expect(loaded.lexical.search('Bulletin 20 provinces').map((h) => h.passage.source)).not.toContain('seeds/f20.txt');

    // A second update on top of the delta, from the reopened generation (not the in-memory one).
    const third = await build(dir, next.filter((f) => f.source !== 'seeds/new.txt'), loaded);
    const again = await reopen(dir);
    expect(again.lexical.search('pelican lighthouse')).toEqual([]);
    expect(ids(again.lexical, 'zanzibar marmalade')).toEqual(ids(LexicalIndex.build(third.index.passages), 'zanzibar marmalade'));
    const delta3 = JSON.parse((await third.index.attachment(LEXICAL_CHANGES_FILE))?.toString() ?? '{}') as { added: string[] };
    expect(delta3.added.sort()).toEqual(['seeds/f03.txt#0', 'seeds/f03.txt#1']);
  });

  it('indexes afresh, with a warning, a generation whose lexical index is in an earlier format, and saves it in the current one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lexical-'));
    dirs.push(dir);
    const files = corpus();
    const first = await build(dir, files, undefined);
    // What the earlier code left in a generation: its own files, none of the current ones.
    const attachments = path.join(first.index.dir, 'attachments');
    await rm(path.join(attachments, LEXICAL_INDEX_FILE));
    for (const name of LEGACY_LEXICAL_FILES) await writeFile(path.join(attachments, name), '{"version":2,"miniSearch":{}}');
    const warnings: string[] = [];
    const legacy = await reopen(dir, warnings);
    expect(warnings.join('\n')).toMatch(/earlier format; rebuilding the lexical index/);
    for (const q of QUERIES) expect(ids(legacy.lexical, q)).toEqual(ids(first.lexical, q));
    expect((await readdir(attachments)).sort()).toEqual([LEXICAL_INDEX_FILE]);
    const again: string[] = [];
    await reopen(dir, again);
    expect(again).toEqual([]);
  });

  it('leaves the serving lexical index untouched until the new state is settled', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lexical-'));
    dirs.push(dir);
    const files = corpus();
    const first = await build(dir, files, undefined);
    let during: string | undefined;
    const changed = syntheticFile('seeds/f05.txt', ['The zanzibar marmalade cooperative opened a depot.']);
    await updateIndex({
      dir,
      files: files.map((f) => (f.source === changed.source ? changed : f)),
      model,
      chunking,
      previous: first.index,
      attachments: async (passages, change) => {
        const out = await lexicalAttachments(passages, change, first, () => undefined);
        during = first.lexical.search('zanzibar marmalade')[0]?.passage.id ?? 'nothing';
        return out.files;
      },
    });
    expect(during).toBe('nothing');
    expect(first.lexical.search('zanzibar marmalade')).toEqual([]);
  });

  it('saves the index whole once the changes are large, and rebuilds with a warning when the changes do not match', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lexical-'));
    dirs.push(dir);
    const files = corpus();
    const first = await build(dir, files, undefined);
    const half = files.slice(0, 12);
    const second = await build(dir, [...half, syntheticFile('seeds/new.txt', ['A pelican nested on the lighthouse keeper roof.'])], first);
    expect(second.pending.kind).toBe('ready');
    expect(second.lexical).not.toBe(first.lexical);
    expect(await second.index.attachment(LEXICAL_CHANGES_FILE)).toBeNull();
    expect(first.lexical.size).toBe(120); // the private copy was updated, not the serving index
    expect((await reopen(dir)).lexical.search('pelican lighthouse')[0]?.passage.id).toBe('seeds/new.txt#0');

    // A small change gives a delta; damage it and the index is rebuilt from the passages.
    const third = await build(dir, [...half.slice(1), syntheticFile('seeds/new.txt', ['A pelican nested on the lighthouse keeper roof.'])], second);
    const gen = third.index.dir;
    expect((await readdir(path.join(gen, 'attachments'))).sort()).toEqual([LEXICAL_INDEX_FILE, LEXICAL_CHANGES_FILE].sort());
    const deltaFile = path.join(gen, 'attachments', LEXICAL_CHANGES_FILE);
    await writeFile(deltaFile, (await readFile(deltaFile, 'utf8')).replace(/"indexBytes":\d+/, '"indexBytes":1'));
    const warnings: string[] = [];
    const damaged = await reopen(dir, warnings);
    expect(warnings.join('\n')).toMatch(/do not match; rebuilding/);
    expect(damaged.lexical.size).toBe(third.index.passages.length);
    expect(damaged.lexical.search('pelican lighthouse')[0]?.passage.id).toBe('seeds/new.txt#0');

    // The rebuilt index was saved back: the next start loads it, with no warning and the same results.
    const again: string[] = [];
    const repaired = await reopen(dir, again);
    expect(again).toEqual([]);
    expect(repaired.lexical.size).toBe(third.index.passages.length);
    expect(repaired.lexical.search('pelican lighthouse')[0]?.passage.id).toBe('seeds/new.txt#0');
  });

  it('indexes afresh, as a cold build does, when most passages are new (not remove-then-add on a copy)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lexical-'));
    dirs.push(dir);
    const first = await build(dir, corpus(), undefined);
    const changed = corpus().map((f, i) => (i < 40 ? syntheticFile(f.source, [`Revised bulletin ${i} on the pelican lighthouse.`, `District ${i} replied.`]) : f));
    const warnings: string[] = [];
    const second = await build(dir, changed, first, warnings);
    expect(second.pending.kind).toBe('ready');
    expect(warnings).toEqual([]);
    // Byte for byte what a cold build of the same passages writes, and no delta.
    const stored = await second.index.attachment(LEXICAL_INDEX_FILE);
    expect(stored?.equals(LexicalIndex.build(second.index.passages).save())).toBe(true);
    expect(await second.index.attachment(LEXICAL_CHANGES_FILE)).toBeNull();
    expect(second.lexical.search('pelican lighthouse')[0]?.passage.text).toMatch(/^Revised bulletin/);
  });

  it('rebuilds, with a warning, a saved index that does not load, and saves the rebuilt one back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lexical-damaged-'));
    dirs.push(dir);
    const built = await build(dir, corpus(), undefined);
    const file = path.join(built.index.dir, 'attachments', LEXICAL_INDEX_FILE);
    await writeFile(file, (await readFile(file)).subarray(0, 1000));
    const first: string[] = [];
    const reopened = await reopen(dir, first);
    expect(first.join('\n')).toMatch(/unreadable .*damaged.*; rebuilding it/);
    for (const q of QUERIES) expect(ids(reopened.lexical, q)).toEqual(ids(built.lexical, q));
    const second: string[] = [];
    expect((await reopen(dir, second)).lexical.size).toBe(120);
    expect(second).toEqual([]);
  });

  it('saves back a lost lexical file, so it is rebuilt once, not on every start', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lexical-lost-'));
    dirs.push(dir);
    const built = await build(dir, corpus(), undefined);
    await rm(path.join(built.index.dir, 'attachments', LEXICAL_INDEX_FILE));
    const first: string[] = [];
    expect((await reopen(dir, first)).lexical.size).toBe(120);
    expect(first.join('\n')).toMatch(/no stored lexical index; rebuilding it/);
    const second: string[] = [];
    expect((await reopen(dir, second)).lexical.size).toBe(120);
    expect(second).toEqual([]);
  });
});
