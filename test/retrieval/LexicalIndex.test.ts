import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/Passage.js';
import { LexicalIndex } from '../../src/retrieval/LexicalIndex.js';
import { seedPassages } from './seedPassages.js';
import { syntheticPassage } from '../support/syntheticPassages.js';

/** The lexical index reads a passage's title: these tests set it (a title all share, or none). */
const withTitle = (p: Passage, title: string | null): Passage => ({ ...p, meta: { ...p.meta, title } });

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

  it('gives identical results after a save and load', () => {
    const restored = LexicalIndex.load(index.save(), passages);
    for (const query of ['Hikmet Hajiyev', 'Nakhichevan', 'Bayramof', 'strategic partnership charter']) {
      expect(restored.search(query)).toEqual(index.search(query));
    }
  });

  it('refuses a stored index that does not match the passages, is damaged or of another format', () => {
    const saved = index.save();
    expect(() => LexicalIndex.load(saved, passages.slice(1))).toThrowError(expect.objectContaining({ code: 'INDEX_CORRUPT' }) as Error);
    expect(() => LexicalIndex.load(saved.subarray(0, saved.length - 1), passages)).toThrowError(expect.objectContaining({ code: 'INDEX_CORRUPT' }) as Error);
    expect(() => LexicalIndex.load(Buffer.from('{"version": 1'), passages)).toThrowError(expect.objectContaining({ code: 'INDEX_CORRUPT' }) as Error);
    const otherVersion = Buffer.from(saved);
    otherVersion.writeUInt32LE(99, 4);
    expect(() => LexicalIndex.load(otherVersion, passages)).toThrowError(expect.objectContaining({ code: 'INDEX_INCOMPATIBLE' }) as Error);
  });
});

/** The seed passages of one article (`002`, Mirzoyan/Verma), changed the way an edited file would be. */
function editedArticle(original: Passage[]): Passage[] {
  // One passage fewer, and new wording in the rest: "Verma" becomes "Landau", a new sentence is added.
  return original.slice(0, -1).map((p, i) => ({
    ...p,
    text: `${p.text.replace(/Verma/g, 'Landau')}${i === 0 ? ' The talks also covered the Zangezur corridor and hydropower.' : ''}`,
  }));
}

describe('LexicalIndex.update', () => {
  const QUERIES = [
    'Mirzoyan Verma',
    'Mirzoyan Landau',
    'Zangezur hydropower',
    'Hikmat Hajiyev',
    'Nakhichevan',
    'Bayramof',
    'strategic partnership charter',
    'US Deputy Secretary Allison Hooker',
    'Armenia',
  ];

  let updated: LexicalIndex;
  let fresh: LexicalIndex;
  let finalPassages: Passage[];

  beforeAll(() => {
    const before = passages.filter((p) => articleOf(p) === '002');
    const after = editedArticle(before);
    finalPassages = [...passages.filter((p) => articleOf(p) !== '002'), ...after];
    // As the build does it: a private copy restored from the stored index, then updated.
    updated = LexicalIndex.load(index.save(), passages);
    updated.update({ remove: before, add: after });
    fresh = LexicalIndex.build(finalPassages);
  });

  it.each(QUERIES)('"%s" scores exactly like a fresh build of the new passages', (query) => {
    expect(updated.search(query, { limit: 20 })).toEqual(fresh.search(query, { limit: 20 }));
  });

  it('finds the new wording and forgets the old', () => {
    expect(updated.size).toBe(finalPassages.length);
    expect(updated.search('Landau').map((h) => articleOf(h.passage))).toContain('002');
    expect(updated.search('Verma')).toEqual([]);
  });

  it('saves with the new passage list, as compact as a fresh build', () => {
    const saved = updated.save();
    const restored = LexicalIndex.load(saved, finalPassages);
    for (const query of QUERIES) expect(restored.search(query)).toEqual(updated.search(query));
    expect(saved.length).toBeLessThanOrEqual(fresh.save().length * 1.01);
    // Built from the old passages, it no longer matches them.
    expect(() => LexicalIndex.load(saved, passages)).toThrowError(expect.objectContaining({ code: 'INDEX_CORRUPT' }) as Error);
  });

  it('loads a saved index with changes applied by id, without the removed passages\' text', () => {
    const before = passages.filter((p) => articleOf(p) === '002');
    const after = editedArticle(before);
    const loaded = LexicalIndex.load(index.save(), finalPassages, { discard: before.map((p) => p.id), add: after });
    for (const query of QUERIES) expect(loaded.search(query, { limit: 20 })).toEqual(fresh.search(query, { limit: 20 }));
    // A change that adds a passage the saved index still holds is a damaged index.
    expect(() => LexicalIndex.load(index.save(), passages, { discard: [], add: [passages[0]!] })).toThrowError(expect.objectContaining({ code: 'INDEX_CORRUPT' }) as Error);
  });

  it('rejects an impossible change before touching the index', () => {
    const copy = LexicalIndex.load(index.save(), passages);
    const ghost = { ...passages[0]!, id: 'seeds/nowhere.txt#0' };
    expect(() => copy.update({ remove: [ghost], add: [] })).toThrowError(expect.objectContaining({ code: 'USAGE' }) as Error);
    expect(() => copy.update({ remove: [], add: [passages[0]!] })).toThrowError(expect.objectContaining({ code: 'USAGE' }) as Error);
    expect(() => copy.update({ remove: [passages[1]!], add: [passages[0]!] })).toThrowError(expect.objectContaining({ code: 'USAGE' }) as Error);
    expect(copy.size).toBe(passages.length);
    expect(copy.search('Hikmat Hajiyev')).toEqual(index.search('Hikmat Hajiyev'));
  });
});

describe('LexicalIndex with a title every passage shares', () => {
  const passage = (id: number, title: string, text: string): Passage => withTitle(syntheticPassage(`corpus/${String(id).padStart(3, '0')}.txt`, 0, text), title);
  const FILLER = ['farm prices and the harvest', 'the navy and its ships', 'postal roads', 'the public debt', 'coinage of silver'];
  // 40 addresses titled alike, plus one news article; two passages speak of terrorism.
  const corpus: Passage[] = [
    ...Array.from({ length: 40 }, (_, i) => passage(i, `State of the Union Address — President ${i}`, `The President spoke about ${FILLER[i % FILLER.length]}.`)),
    passage(40, 'Security talks in Baku', 'Officials discussed terrorism and border security.'),
  ];
  corpus[7] = passage(7, 'State of the Union Address — President 7', 'The President spoke about terrorism and border security.');
  const lexical = LexicalIndex.build(corpus);

  it('counts the shared title words a question uses, but lets only its informative word choose', () => {
    // Two hits for two wanted, so the shared title words are scored on the candidates rather than searched.
    const hits = lexical.search('terrorism in a State of the Union address', { limit: 2 });
    expect(hits.map((h) => h.passage.id).sort()).toEqual(['corpus/007.txt#0', 'corpus/040.txt#0']);
    // Every query term is in the address; the news article lacks the title words, which are in 40 of
    // 41 passages and so weigh almost nothing: matching more words does not multiply a score.
    expect(hits.find((h) => h.passage.id === 'corpus/007.txt#0')?.coverage).toBeCloseTo(1, 5);
    const news = hits.find((h) => h.passage.id === 'corpus/040.txt#0');
    expect(news?.coverage).toBeLessThan(1);
    expect(news?.coverage).toBeGreaterThan(0.95);
  });

  it('searches the shared title words when a question has nothing else', () => {
    const hits = lexical.search('State of the Union', { limit: 50 });
    expect(hits).toHaveLength(40);
    expect(hits.some((h) => h.passage.id === 'corpus/040.txt#0')).toBe(false);
  });

  it('ranks the same after a JSON round trip and after an update', () => {
    const queries = ['terrorism in a State of the Union address', 'State of the Union', 'President navy', 'border security'];
    const restored = LexicalIndex.load(lexical.save(), corpus);
    for (const q of queries) expect(restored.search(q)).toEqual(lexical.search(q));
    // Removing the one differently titled passage makes the title words universal; passage 6, put
    // back unchanged, ties with 1, 11, 16, ... on "navy" and must keep its place among them.
    const news = corpus.filter((p) => p.id === 'corpus/040.txt#0');
    const rest = corpus.filter((p) => p.id !== 'corpus/040.txt#0');
    restored.update({ remove: [...news, corpus[6]!], add: [corpus[6]!] });
    const fresh = LexicalIndex.build(rest);
    for (const q of queries) expect(restored.search(q)).toEqual(fresh.search(q));
  });
});

describe('LexicalIndex on a corpus where some query words are common', () => {
  const passage = (id: number, text: string): Passage => withTitle(syntheticPassage(`big/${String(id).padStart(3, '0')}.txt`, 0, text), null);
  // 120 speeches that try to achieve things with American aid, one news passage about Baku, and one
  // about water that is a single edit from the common word "later".
  const corpus: Passage[] = [
    ...Array.from({ length: 120 }, (_, i) => passage(i, `We will try, ${i % 7} years later, to achieve more with American aid and goodwill number ${i}.`)),
    passage(120, 'Officials in Baku welcomed the talks on Nakhchivan.'),
    passage(121, 'The water of the river rose.'),
  ];
  const lexical = LexicalIndex.build(corpus);

  it('ranks the passage with the rare word above passages that only share common words', () => {
    const hits = lexical.search('What does American aid to Baku try to achieve?', { limit: 5 });
    expect(hits[0]?.passage.id).toBe('big/120.txt#0');
    expect(hits[0]?.normalized).toBeGreaterThan(hits[1]?.normalized ?? 1);
  });

  it('matches rare names fuzzily but not the fuzzy neighbours of common words', () => {
    expect(lexical.search('Nakhichevan', { limit: 5 }).map((h) => h.passage.id)).toEqual(['big/120.txt#0']);
    expect(lexical.search('later', { limit: 200 }).some((h) => h.passage.id === 'big/121.txt#0')).toBe(false);
  });
});
