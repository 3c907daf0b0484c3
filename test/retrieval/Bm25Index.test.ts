import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25Index, type Bm25Indexing, type Bm25Params, type TermQuery } from '../../src/retrieval/Bm25Index.js';
import { processTerm, tokenize } from '../../src/text/searchTerms.js';

interface Doc {
  id: string;
  title: string;
  text: string;
}

const INDEXING: Bm25Indexing<Doc> = { fields: ['title', 'text'], text: (d, f) => (f === 0 ? d.title : d.text), tokenize, processTerm };
const PARAMS: Bm25Params = { k: 1.2, b: 0.7, d: 0.5, prefixWeight: 0.375, fuzzyWeight: 0.45, fieldBoosts: [1.3, 1] };

/** Short sentences written for this test. */
const DOCS: Doc[] = [
  { id: 'a', title: 'Harbour news', text: 'The harbour master inspected the lighthouse before the storm.' },
  { id: 'b', title: 'Harbor works', text: 'Dredging of the harbor began; the harbor will reopen in spring.' },
  { id: 'c', title: '', text: 'A lighthouse keeper counted pelicans on the breakwater.' },
  { id: 'd', title: 'Railway strike', text: 'Railway workers struck for a second day; the railways were idle.' },
  { id: 'e', title: 'Rail talks', text: 'Talks between the rail union and the ministry resumed.' },
  { id: 'f', title: 'Storm warning', text: 'Storms closed the harbour and the railway line to the coast.' },
  { id: 'g', title: 'Grain harvest', text: 'The grain harvest was late; farmers blamed the storm.' },
  { id: 'h', title: 'Harvest festival', text: 'The harvest festival drew crowds to the harbourside market.' },
  { id: 'i', title: 'Pelican count', text: 'Volunteers counted pelicans, herons and one lost albatross.' },
  { id: 'j', title: 'Ministry statement', text: 'The ministry said the strike had cost the railway dearly.' },
];

/** MiniSearch over the same documents, tokens and terms: the reference the scores must equal. */
function miniSearchOf(docs: readonly Doc[]): MiniSearch<Doc> {
  const m = new MiniSearch<Doc>({ fields: ['title', 'text'], tokenize, processTerm });
  m.addAll(docs);
  return m;
}

/** MiniSearch's scores for one processed term, by document id. */
function miniSearchScores(m: MiniSearch<Doc>, term: string, query: TermQuery): Map<string, number> {
  const fields = query.fields.map((f) => INDEXING.fields[f] as string);
  const results = m.search(term, {
    fields,
    boost: { title: 1.3 },
    prefix: query.prefix,
    fuzzy: query.maxDistance > 0 ? 0.2 : false,
    weights: { fuzzy: 0.45, prefix: 0.375 },
    tokenize: (s) => [s],
    processTerm: (t) => t,
  });
  return new Map(results.map((r) => [String(r.id), r.score]));
}

function ourScores(index: Bm25Index<Doc>, term: string, query: TermQuery): Map<string, number> {
  const { documents, scores } = index.score(term, query);
  return new Map(documents.map((n, i) => [index.document(n)?.id ?? '?', scores[i] as number]));
}

const QUERIES: Array<[string, TermQuery]> = [
  ['harbour', { fields: [0, 1], prefix: true, maxDistance: 1 }],
  ['harbor', { fields: [0, 1], prefix: true, maxDistance: 1 }],
  ['railway', { fields: [0, 1], prefix: true, maxDistance: 1 }],
  ['rail', { fields: [0, 1], prefix: true, maxDistance: 0 }],
  ['storm', { fields: [1], prefix: true, maxDistance: 1 }],
  ['harvest', { fields: [0], prefix: false, maxDistance: 0 }],
  ['pelican', { fields: [0, 1], prefix: true, maxDistance: 1 }],
  ['lighthous', { fields: [0, 1], prefix: true, maxDistance: 2 }],
  ['ministri', { fields: [0, 1], prefix: false, maxDistance: 2 }],
  ['zanzibar', { fields: [0, 1], prefix: true, maxDistance: 2 }],
];

const stem = (word: string) => processTerm(word) ?? '';

/** A saved index restored over all of `docs`. */
const loadAll = (bytes: Uint8Array, docs: readonly Doc[]) => Bm25Index.load(bytes, new Map(docs.map((d) => [d.id, d])), new Set(), INDEXING, PARAMS);

describe('Bm25Index', () => {
  const index = Bm25Index.build(DOCS, INDEXING, PARAMS);
  const reference = miniSearchOf(DOCS);

  it.each(QUERIES)('scores "%s" as MiniSearch does (exact, prefix and fuzzy matches, field boosts)', (term, query) => {
    const ours = ourScores(index, term, query);
    const theirs = miniSearchScores(reference, term, query);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    // MiniSearch keeps a running mean of field lengths and sums prefix and fuzzy matches in the order
    // of its radix tree; ours divides the integer total and sums in term order: equal to rounding.
    for (const [id, score] of theirs) expect(Math.abs((ours.get(id) ?? 0) - score) / score).toBeLessThan(1e-12);
  });

  it('weighs an exact match above a prefix match above a fuzzy one', () => {
    const exact = ourScores(index, stem('harbour'), { fields: [1], prefix: false, maxDistance: 0 });
    const withVariants = ourScores(index, stem('harbour'), { fields: [1], prefix: true, maxDistance: 1 });
    // "harbour" exactly in a; "harbourside" (a prefix match) in h; "harbor" (one edit) in b.
    expect([...exact.keys()].sort()).toEqual(['a', 'f']);
    expect([...withVariants.keys()].sort()).toEqual(['a', 'b', 'f', 'h']);
    expect(withVariants.get('a')).toBe(exact.get('a'));
    expect(withVariants.get('h')).toBeGreaterThan(0);
    expect(withVariants.get('b')).toBeGreaterThan(0);
  });

  it('matches fuzzily only within the given edit distance', () => {
    const one = ourScores(index, 'albatros', { fields: [1], prefix: false, maxDistance: 1 });
    const none = ourScores(index, 'albatros', { fields: [1], prefix: false, maxDistance: 0 });
    expect([...one.keys()]).toEqual(['i']);
    expect(none.size).toBe(0);
  });

  it('reports exact document frequencies and reach', () => {
    expect(index.documentFrequency(stem('railway'), 1)).toBe(3);
    expect(index.documentFrequency(stem('railway'), 0)).toBe(1);
    expect(index.documentFrequency('zanzibar', 1)).toBe(0);
    const reach = index.reach(stem('rail'), { fields: [0, 1], prefix: true, maxDistance: 0 });
    expect([...index.liveNumbers()].filter((n) => reach[n] === 1).map((n) => index.document(n)?.id)).toEqual(['d', 'e', 'f', 'j']);
  });

  it('scores exactly like a fresh build after removals and additions, in memory and saved', () => {
    const changed: Doc = { id: 'd', title: 'Railway strike ends', text: 'The railway strike ended after talks with the ministry.' };
    const added: Doc = { id: 'k', title: 'Harbour reopens', text: 'Ferries returned to the harbour after the dredging.' };
    const updated = loadAll(index.save(), DOCS);
    updated.remove(['d', 'g']);
    updated.add([changed, added]);
    const final = [...DOCS.filter((d) => d.id !== 'd' && d.id !== 'g'), changed, added];
    const fresh = Bm25Index.build(final, INDEXING, PARAMS);
    const reloaded = loadAll(updated.save(), final);
    for (const [term, query] of QUERIES) {
      const want = ourScores(fresh, term, query);
      expect(ourScores(updated, term, query)).toEqual(want);
      expect(ourScores(reloaded, term, query)).toEqual(want);
    }
    expect(updated.size).toBe(final.length);
    expect(updated.documentFrequency(stem('harvest'), 0)).toBe(1);
    // Terms only the removed documents had are gone from the saved form.
    expect(reloaded.documentFrequency(stem('grain'), 1)).toBe(0);
    expect(updated.save().length).toBe(fresh.save().length);
  });

  it('leaves discarded documents out at load without reading them', () => {
    const loaded = Bm25Index.load(index.save(), new Map(DOCS.filter((d) => d.id !== 'c').map((d) => [d.id, d])), new Set(['c']), INDEXING, PARAMS);
    const fresh = Bm25Index.build(DOCS.filter((d) => d.id !== 'c'), INDEXING, PARAMS);
    for (const [term, query] of QUERIES) expect(ourScores(loaded, term, query)).toEqual(ourScores(fresh, term, query));
    expect(() => Bm25Index.load(index.save(), new Map(DOCS.slice(1).map((d) => [d.id, d])), new Set(), INDEXING, PARAMS)).toThrowError(
      expect.objectContaining({ code: 'INDEX_CORRUPT' }) as Error,
    );
  });

  it('refuses impossible changes before changing anything', () => {
    const copy = loadAll(index.save(), DOCS);
    expect(() => copy.remove(['a', 'nowhere'])).toThrowError(expect.objectContaining({ code: 'USAGE' }) as Error);
    expect(() => copy.add([{ id: 'zz', title: '', text: 'x' }, DOCS[0] as Doc])).toThrowError(expect.objectContaining({ code: 'USAGE' }) as Error);
    expect(copy.size).toBe(DOCS.length);
    expect(copy.save()).toEqual(index.save());
  });
});
