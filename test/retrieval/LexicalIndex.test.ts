import { beforeAll, describe, expect, it } from 'vitest';
import { DossierError } from '../../src/errors.js';
import type { Passage } from '../../src/ingest/Passage.js';
import { LexicalIndex } from '../../src/retrieval/LexicalIndex.js';
import { seedPassages } from './seedPassages.js';

/** `seeds/001_85d2b148091b6640.txt#2` -> `001`. */
const articleOf = (p: Passage) => /seeds\/(\d{3})_/.exec(p.source)?.[1] ?? p.source;

let passages: Passage[];
let index: LexicalIndex;

beforeAll(async () => {
  passages = await seedPassages();
  index = LexicalIndex.build(passages);
});

describe('LexicalIndex over the seed passages', () => {
  it.each([
    // Both spellings of the same person: 000 writes "Hikmat", 001 writes "Hikmet".
    { query: 'Hikmet Hajiyev', articles: ['000', '001'] },
    { query: 'Hikmat Hajiyev', articles: ['000', '001'] },
    // The user's transliteration differs from both articles' "Nakhchivan".
    { query: 'Nakhichevan', articles: ['001', '004'] },
    { query: 'Sonata Coulter', articles: ['001'] },
    { query: 'Mirzoyan Verma', articles: ['002'] },
    // Typos.
    { query: 'Bayramof', articles: ['001'] },
    { query: 'Mirzoyan Vermma', articles: ['002'] },
    { query: 'Minsk Proces', articles: ['004'] },
    // "U.S." in the text, "US" in the query.
    { query: 'US Deputy Secretary Allison Hooker', articles: ['001'] },
  ])('"$query" finds articles $articles', ({ query, articles }) => {
    const hits = index.search(query, { limit: 10 });
    const found = new Set(hits.map((h) => articleOf(h.passage)));
    for (const a of articles) expect(found).toContain(a);
    expect(articles).toContain(articleOf(hits[0]!.passage));
  });

  it('ranks an exact spelling above a fuzzy one', () => {
    const hits = index.search('Hikmet', { limit: 10 });
    // 001 spells it "Hikmet" exactly; 000's "Hikmat" is one edit away.
    expect(articleOf(hits[0]!.passage)).toBe('001');
    expect(hits.some((h) => articleOf(h.passage) === '000')).toBe(true);
  });

  it('returns normalised scores in [0, 1], best first, with the best full match at 1', () => {
    const hits = index.search('Sonata Coulter working group', { limit: 10 });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]!.normalized).toBeCloseTo(1, 5);
    for (const [i, h] of hits.entries()) {
      expect(h.normalized).toBeGreaterThanOrEqual(0);
      expect(h.normalized).toBeLessThanOrEqual(1);
      if (i > 0) expect(h.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    }
  });

  it('scores a question whose rare words are absent low, so an answerer can abstain', () => {
    const hits = index.search('What did Zelensky say about the Azerbaijan pipeline?', { limit: 5 });
    expect(hits[0]?.normalized ?? 0).toBeLessThan(0.5);
    expect(index.search('pizza recipe with mozzarella')).toEqual([]);
  });

  it('ignores stop words and possessives', () => {
    expect(index.search('the of and is')).toEqual([]);
    expect(index.queryTerms("Azerbaijan's minister")).toEqual(index.queryTerms('Azerbaijan minister'));
  });

  it('applies a filter before the limit', () => {
    const hits = index.search('Azerbaijan', { limit: 3, filter: (p) => articleOf(p) === '002' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => articleOf(h.passage) === '002')).toBe(true);
  });

  it('gives identical results after a JSON round trip', () => {
    const restored = LexicalIndex.fromJSON(JSON.stringify(index), passages);
    for (const query of ['Hikmet Hajiyev', 'Nakhichevan', 'Bayramof', 'strategic partnership charter']) {
      expect(restored.search(query)).toEqual(index.search(query));
    }
  });

  it('refuses a stored index that does not match the passages', () => {
    const json = JSON.stringify(index);
    expect(() => LexicalIndex.fromJSON(json, passages.slice(1))).toThrow(DossierError);
    expect(() => LexicalIndex.fromJSON('{"version": 1', passages)).toThrowError(expect.objectContaining({ code: 'INDEX_CORRUPT' }) as Error);
    expect(() => LexicalIndex.fromJSON({ ...index.toJSON(), version: 99 }, passages)).toThrowError(
      expect.objectContaining({ code: 'INDEX_INCOMPATIBLE' }) as Error,
    );
  });
});
