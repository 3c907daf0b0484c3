import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import type { Passage } from '../../src/ingest/Passage.js';
import { HybridRetriever } from '../../src/retrieval/HybridRetriever.js';
import { LexicalIndex } from '../../src/retrieval/LexicalIndex.js';
import type { RetrievedPassage } from '../../src/retrieval/RetrievedPassage.js';
import { HnswVectorStore } from '../../src/store/HnswVectorStore.js';
import { ROOT, seedPassages } from './seedPassages.js';

const articleOf = (p: Passage) => /(\d{3})_/.exec(p.source)?.[1] ?? p.source;

let embeddings: WordVectorEmbeddings;
let passages: Passage[];

async function retrieverOver(list: Passage[]): Promise<HybridRetriever> {
  const store = new HnswVectorStore(embeddings, { dimension: embeddings.dimension });
  await store.addPassages(list, await embeddings.embedDocuments(list.map((p) => p.text)));
  return new HybridRetriever({ passages: list, lexical: LexicalIndex.build(list), store, embeddings });
}

let retriever: HybridRetriever;

beforeAll(async () => {
  embeddings = await WordVectorEmbeddings.load({ cacheDir: path.join(ROOT, '.cache') });
  passages = await seedPassages();
  retriever = await retrieverOver(passages);
});

/** Share of the shorter passage's raw text that the other covers (same article only). */
function rawOverlap(a: Passage, b: Passage): number {
  if (a.source !== b.source) return 0;
  const shared = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return shared / Math.min(a.end - a.start, b.end - b.start);
}

describe('HybridRetriever over the seeds with the offline embeddings', () => {
  it.each([
    ['Who did Hikmat Hajiyev meet in Washington?', '000'],
    ['When did the United States establish diplomatic relations with Azerbaijan?', '000'],
    ['Azerbaijani presidential aide visits American officials ahead of the climate summit', '000'],
    ['Who leads the working group on the Trump Corridor?', '001'],
    ['Why were ties between Baku and Washington cool under Biden?', '001'],
    ['What did Allison Hooker discuss with Jeyhun Bayramof?', '001'],
    ['What is the Crossroads of Peace project?', '002'],
    ['Armenian foreign minister talks with the US deputy secretary for management', '002'],
    ['What did Azerbaijan and the State Department propose against cyberattacks?', '003'],
    ['early warning systems for rapid conflict detection', '003'],
    ['When did Ilham Aliyev visit the United States?', '004'],
    ['What must Armenia change in its constitution?', '004'],
    ['road linking mainland Azerbaijan with Nakhichevan', '004'],
  ])('"%s" has article %s in the top 4', async (question, article) => {
    const top = await retriever.retrieve(question, { k: 4 });
    expect(top.map((r) => articleOf(r.passage))).toContain(article);
  });

  it('returns results sorted by score, each with lexical and dense evidence', async () => {
    const top = await retriever.retrieve('Sonata Coulter working group', { k: 6 });
    expect(top.length).toBeGreaterThan(1);
    expect(articleOf(top[0]!.passage)).toBe('001');
    for (const [i, r] of top.entries()) {
      if (i > 0) expect(r.score).toBeLessThanOrEqual(top[i - 1]!.score);
      expect(r.lexical).toBeGreaterThanOrEqual(0);
      expect(r.lexical).toBeLessThanOrEqual(1);
      expect(r.dense).toBeGreaterThanOrEqual(-1);
      expect(r.dense).toBeLessThanOrEqual(1);
    }
    expect(top[0]!.lexical).toBeGreaterThan(0.9);
    expect(top[0]!.dense).not.toBe(0);
  });

  it('reports no dense evidence for a query the word vectors know no word of', async () => {
    const query = 'Bayramof Hajiyeff';
    expect(embeddings.knownWords(query)).toBe(0);
    const top = await retriever.retrieve(query, { k: 4 });
    expect(top.map((r) => articleOf(r.passage))).toContain('001');
    for (const r of top) expect(r.dense).toBe(0);
  });

  it('is deterministic, also across freshly built retrievers', async () => {
    const question = 'US and Azerbaijan strategic partnership and the peace process';
    const strip = (rs: RetrievedPassage[]) => rs.map((r) => [r.passage.id, r.score]);
    const first = strip(await retriever.retrieve(question, { k: 6 }));
    expect(strip(await retriever.retrieve(question, { k: 6 }))).toEqual(first);
    expect(strip(await (await retrieverOver(passages)).retrieve(question, { k: 6 }))).toEqual(first);
  });

  it('never returns two passages that overlap heavily, even when a story is syndicated twice', async () => {
    // A second copy of article 004 under another name: every passage has an identical twin.
    const copies = passages
      .filter((p) => articleOf(p) === '004')
      .map((p) => ({ ...p, id: p.id.replace('004_', '104_'), source: p.source.replace('004_', '104_') }));
    const withCopies = await retrieverOver([...passages, ...copies]);
    for (const question of ['When did Ilham Aliyev visit the United States?', 'Azerbaijan US strategic partnership peace process', 'Hikmet Hajiyev']) {
      const top = await withCopies.retrieve(question, { k: 6 });
      const texts = top.map((r) => r.passage.text);
      expect(new Set(texts).size).toBe(texts.length);
      for (const [i, a] of top.entries()) {
        for (const b of top.slice(i + 1)) expect(rawOverlap(a.passage, b.passage)).toBeLessThan(0.5);
      }
    }
  });

  it('does not fill the top with one article when others match too', async () => {
    const top = await retriever.retrieve('Azerbaijan United States bilateral relations', { k: 4 });
    expect(new Set(top.map((r) => articleOf(r.passage))).size).toBeGreaterThan(1);
  });

  it.each([
    [{ sources: ['002_5592039cb36a44e3.txt'] }, ['002']],
    [{ sources: ['seeds/000_84132c475ac0a92d.txt', 'seeds/004_577e0fed1c43110c.txt'] }, ['000', '004']],
    // 001 is dated only to its month (2025-11), 003 not at all.
    [{ from: '2025' }, ['001', '004']],
    [{ from: '2025-11-10' }, ['001']],
    [{ from: '2025', to: '2025-10-31' }, ['004']],
    [{ from: '2024-06-01', to: '2024-06-30' }, ['002']],
    [{ to: '2024-05' }, ['000']],
    [{ from: '2024-05-17', to: '2024-05-17' }, ['000']],
  ])('filter %j keeps only articles %j', async (filter, allowed) => {
    const top = await retriever.retrieve('Azerbaijan Armenia United States peace partnership', { k: 8, filter });
    expect(top.length).toBeGreaterThan(0);
    for (const r of top) expect(allowed).toContain(articleOf(r.passage));
    expect(new Set(top.map((r) => articleOf(r.passage)))).toEqual(new Set(allowed));
  });

  it('returns nothing when the filter excludes everything, and rejects a malformed date', async () => {
    expect(await retriever.retrieve('Azerbaijan', { filter: { from: '2030' } })).toEqual([]);
    expect(await retriever.retrieve('Azerbaijan', { filter: { sources: ['nope.txt'] } })).toEqual([]);
    await expect(retriever.retrieve('Azerbaijan', { filter: { from: '17/05/2024' } })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('scores arbitrary texts (timeline events) against a topic, relevant ones first', async () => {
    const texts = [
      'Ilham Aliyev and Donald Trump signed a memorandum in Washington.',
      'The Malayan tiger is at risk.',
      'Hikmat Hajiyev held talks with John Bass.',
    ];
    const scores = await retriever.scoreTexts('Hikmet Hajiyev talks', texts);
    expect(scores).toHaveLength(3);
    expect(scores[2]).toBeGreaterThan(scores[0]!);
    expect(scores[2]).toBeGreaterThan(scores[1]!);
    expect(await retriever.scoreTexts('  ', texts)).toEqual([0, 0, 0]);
  });

  it('returns nothing for an empty question', async () => {
    expect(await retriever.retrieve('   ')).toEqual([]);
  });
});
