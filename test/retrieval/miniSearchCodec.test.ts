import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/Passage.js';
import { LexicalIndex, type LexicalIndexJSON } from '../../src/retrieval/LexicalIndex.js';
import { buildCompactMiniSearch, compactMiniSearch, loadCompactMiniSearch } from '../../src/retrieval/miniSearchCodec.js';
import { processTerm, tokenize } from '../../src/retrieval/searchTerms.js';
import { seedPassages } from './seedPassages.js';

const OPTIONS = { idField: 'id', fields: ['title', 'text'], extractField: (p: Passage, f: string) => (f === 'title' ? (p.meta.title ?? '') : f === 'id' ? p.id : p.text) };

let passages: Passage[];

beforeAll(async () => {
  passages = await seedPassages();
});

/** What a query finds, as comparable text: ids with scores, best first. */
const results = (m: MiniSearch<Passage>, q: string) => m.search(q, { fuzzy: 0.2, prefix: true }).map((r) => `${String(r.id)}:${r.score.toFixed(9)}`);

describe('compact MiniSearch form', () => {
  it('round-trips to an index that searches exactly like the original, even after removals', () => {
    const original = new MiniSearch<Passage>(OPTIONS);
    original.addAll(passages);
    // Removing and re-adding leaves gaps in the short ids and postings out of id order.
    const moved = passages.slice(3, 9);
    for (const p of moved) original.remove(p);
    original.addAll(moved);
    const compact = JSON.parse(JSON.stringify(compactMiniSearch(original.toJSON()))) as ReturnType<typeof compactMiniSearch>;
    const { miniSearch, counts } = loadCompactMiniSearch(compact, OPTIONS);
    // The same postings (the order of terms follows MiniSearch's radix tree, which depends on insertion history).
    const { index: loadedTerms, ...loadedRest } = miniSearch.toJSON();
    const { index: originalTerms, ...originalRest } = original.toJSON();
    expect(loadedRest).toEqual(originalRest);
    expect(Object.fromEntries(loadedTerms)).toEqual(Object.fromEntries(originalTerms));
    for (const q of ['Nakhchivan corridor', 'Hikmat Hajiyev', 'peace agreement signed in Washington']) expect(results(miniSearch, q)).toEqual(results(original, q));
    // Passages per term and field, as the lexical index uses them to tell common words.
    const plain = original.toJSON();
    const textId = plain.fieldIds['text'] as number;
    const [term, fields] = plain.index.find(([, f]) => Object.keys(f[textId] ?? {}).length > 3) ?? ['', {}];
    expect(counts.get(textId)?.get(term)).toBe(Object.keys(fields[textId] ?? {}).length);
  });

  it('loads the same index through MiniSearch\'s public loader when the direct path is not taken', () => {
    const original = new MiniSearch<Passage>(OPTIONS);
    original.addAll(passages);
    const compact = JSON.parse(JSON.stringify(compactMiniSearch(original.toJSON()))) as ReturnType<typeof compactMiniSearch>;
    const viaPublic = loadCompactMiniSearch(compact, OPTIONS, { direct: false });
    const viaDirect = loadCompactMiniSearch(compact, OPTIONS);
    expect(Object.fromEntries(viaPublic.miniSearch.toJSON().index)).toEqual(Object.fromEntries(original.toJSON().index));
    expect(viaPublic.counts).toEqual(viaDirect.counts);
    for (const q of ['Nakhichevan', 'Hikmet Hajiyev met Bass', 'Trump Route working group']) {
      expect(results(viaPublic.miniSearch, q)).toEqual(results(original, q));
      expect(results(viaDirect.miniSearch, q)).toEqual(results(original, q));
    }
  });

  it('is much smaller than MiniSearch JSON', () => {
    const m = new MiniSearch<Passage>(OPTIONS);
    m.addAll(passages);
    expect(JSON.stringify(compactMiniSearch(m.toJSON())).length).toBeLessThan(0.8 * JSON.stringify(m.toJSON()).length);
  });

  it.each([
    ['an entry without a term', [[1, [1], [1]]]],
    ['ids and frequencies of different lengths', [['word', 1, [1, 2], [1]]]],
    ['a missing frequency list', [['word', 1, [1]]]],
  ])('rejects %s', (_what, terms) => {
    const m = new MiniSearch<Passage>(OPTIONS);
    m.addAll(passages.slice(0, 2));
    const { plain } = compactMiniSearch(m.toJSON());
    expect(() => loadCompactMiniSearch({ plain, terms: terms as never }, OPTIONS)).toThrow();
  });
});

describe('building the compact form directly', () => {
  const INDEXING = { ...OPTIONS, tokenize, processTerm };
  const viaMiniSearch = (docs: Passage[]) => {
    const m = new MiniSearch<Passage>(INDEXING);
    m.addAll(docs);
    return compactMiniSearch(m.toJSON());
  };

  it('writes exactly what MiniSearch would have saved, term order and field-length arithmetic included', () => {
    const direct = buildCompactMiniSearch(passages, INDEXING);
    expect(direct).toEqual(viaMiniSearch(passages));
    expect(JSON.stringify(direct)).toBe(JSON.stringify(viaMiniSearch(passages)));
  });

  it.each([
    ['no documents', [] as Passage[]],
    ['an untitled passage and repeated words', 'synthetic'],
    ['one passage', 'first'],
  ])('matches MiniSearch with %s', (_what, which) => {
    const base = passages[0] as Passage;
    const docs: Passage[] =
      which === 'synthetic'
        ? [
            { ...base, id: 'a', meta: { ...base.meta, title: null }, text: 'Baku Baku baku. The U.S. and the USA, and the United States of America!' },
            { ...base, id: 'b', text: "Armenia's and Azerbaijan's talks; talks talked talking. 2025 2025" },
            { ...base, id: 'c', text: '' },
          ]
        : which === 'first'
          ? [base]
          : [];
    expect(JSON.stringify(buildCompactMiniSearch(docs, INDEXING))).toBe(JSON.stringify(viaMiniSearch(docs)));
  });

  it('rejects a duplicate id as MiniSearch does', () => {
    const base = passages[0] as Passage;
    expect(() => buildCompactMiniSearch([base, base], INDEXING)).toThrow(/duplicate ID/);
  });
});

describe('LexicalIndex formats', () => {
  it('saves a freshly built index exactly as serialising one built by MiniSearch would', () => {
    const direct = LexicalIndex.buildJSON(passages);
    // A built index re-serialises through MiniSearch: the same postings, its terms in the order of its own radix tree.
    const { terms: builtTerms, ...builtRest } = LexicalIndex.build(passages).toJSON();
    const { terms: directTerms, ...directRest } = direct;
    expect(directRest).toEqual(builtRest);
    expect(new Map((directTerms ?? []).map((t) => [t[0], t]))).toEqual(new Map((builtTerms ?? []).map((t) => [t[0], t])));
    const m = new MiniSearch<Passage>({ ...OPTIONS, tokenize, processTerm });
    m.addAll(passages);
    expect(JSON.stringify(direct.terms)).toBe(JSON.stringify(compactMiniSearch(m.toJSON()).terms));
  });


  it('still loads an index saved in the first format (postings in MiniSearch JSON) and ranks the same', () => {
    const index = LexicalIndex.build(passages);
    const current = index.toJSON();
    expect(current.version).toBe(2);
    const { miniSearch } = loadCompactMiniSearch({ plain: current.miniSearch, terms: current.terms ?? [] }, OPTIONS);
    const legacy: LexicalIndexJSON = { version: 1, miniSearch: miniSearch.toJSON() };
    const fromLegacy = LexicalIndex.fromJSON(JSON.stringify(legacy), passages);
    const fromCurrent = LexicalIndex.fromJSON(JSON.stringify(current), passages);
    for (const q of ['Nakhichevan', 'Mirzoyan Vermma', 'US Deputy Secretary Allison Hooker', 'the and of']) {
      const a = fromLegacy.search(q, { limit: 10 }).map((h) => [h.passage.id, h.score, h.coverage]);
      expect(fromCurrent.search(q, { limit: 10 }).map((h) => [h.passage.id, h.score, h.coverage])).toEqual(a);
      expect(index.search(q, { limit: 10 }).map((h) => [h.passage.id, h.score, h.coverage])).toEqual(a);
    }
  });
});
