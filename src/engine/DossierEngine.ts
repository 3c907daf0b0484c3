import type { Logger } from '../logger.js';
import type { Config } from '../config.js';
import type { Answer } from '../answer/Answer.js';
import type { Answerer } from '../answer/Answerer.js';
import type { Article } from '../ingest/Article.js';
import type { Passage } from '../ingest/Passage.js';
import type { EmbeddingModel } from '../embeddings/EmbeddingModel.js';
import type { RetrievalFilter, RetrievedPassage } from '../retrieval/RetrievedPassage.js';
import type { Timeline, TimelineOptions } from '../timeline/TimelineEvent.js';
import type { AskOptions, Engine, IndexProgress, IndexReport, ReindexOutcome, SourceInfo } from '../Engine.js';
import { DossierError, isDossierError } from '../errors.js';
import { readCorpus } from '../ingest/readCorpus.js';
import { splitPassages } from '../ingest/splitPassages.js';
import { CLEANER_VERSION } from '../ingest/cleanArticle.js';
import { buildIndex, type CorpusFile } from '../store/buildIndex.js';
import { openIndex, isStale, type LoadedIndex } from '../store/openIndex.js';
import type { IndexManifest } from '../store/IndexManifest.js';
import { LexicalIndex } from '../retrieval/LexicalIndex.js';
import { HybridRetriever } from '../retrieval/HybridRetriever.js';
import { contextualizeQuery } from '../answer/contextualizeQuery.js';
import { focusClause } from '../answer/focusClause.js';
import { buildTimeline } from '../timeline/buildTimeline.js';
import { validateQuestion } from './validateQuestion.js';

/** File name of the serialised BM25 index stored inside each index generation. */
const LEXICAL_ATTACHMENT = 'lexical.json';

/** Everything needed to serve queries from one index generation; replaced as a whole on reindex. */
interface ServingState {
  index: LoadedIndex;
  retriever: HybridRetriever;
  articles: Article[];
}

export interface DossierEngineDeps {
  config: Config;
  logger: Logger;
  model: EmbeddingModel;
  answerer: Answerer;
}

/**
 * The engine behind every surface. Holds one immutable serving state at a time: a rebuild prepares
 * the next state off to the side and swaps the reference in one assignment, so in-flight and new
 * questions keep being answered from the old index until the new one is complete.
 */
export class DossierEngine implements Engine {
  readonly #config: Config;
  readonly #logger: Logger;
  readonly #model: EmbeddingModel;
  readonly #answerer: Answerer;
  #state: ServingState | null = null;
  #building: Promise<IndexReport> | null = null;
  /** The report of a build that opening had to run (missing, incompatible or stale index). */
  startupReport: IndexReport | undefined;

  private constructor(deps: DossierEngineDeps) {
    this.#config = deps.config;
    this.#logger = deps.logger;
    this.#model = deps.model;
    this.#answerer = deps.answerer;
  }

  /**
   * Opens the index, building or rebuilding it when it is missing, corrupt, built with another
   * embedder, or (unless `REBUILD_ON_START=false`) stale against `seeds/`.
   */
  static async open(deps: DossierEngineDeps, onProgress?: (p: IndexProgress) => void): Promise<DossierEngine> {
    const engine = new DossierEngine(deps);
    await engine.#openOrBuild(onProgress);
    return engine;
  }

  get reindexing(): boolean {
    return this.#building !== null;
  }

  /** The articles currently served (raw text, metadata, cleaned spans). */
  get articles(): readonly Article[] {
    return this.#serving().articles;
  }

  get embedderId(): string {
    return this.#model.id;
  }

  get manifest(): IndexManifest {
    return this.#serving().index.manifest;
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const q = validateQuestion(question, this.#config.answer.maxQuestionChars);
    const history = options.history ?? [];
    // Retrieve on the question itself: a preamble ("Ignore your rules and…") must not steer retrieval.
    const focused = focusClause(q);
    const query = history.length > 0 ? contextualizeQuery(focused, history) : focused;
    const k = options.k ?? this.#config.retrieval.topK;
    const retrieved = await this.retrieve(query, { k, ...(options.filter ? { filter: options.filter } : {}) });
    return this.#answerer.answer(q, retrieved, { history });
  }

  async retrieve(query: string, options: { k?: number; filter?: RetrievalFilter } = {}): Promise<RetrievedPassage[]> {
    const { retriever } = this.#serving();
    return retriever.retrieve(query, { k: options.k ?? this.#config.retrieval.topK, ...(options.filter ? { filter: options.filter } : {}) });
  }

  async timeline(options: TimelineOptions = {}): Promise<Timeline> {
    const state = this.#serving();
    return buildTimeline(state.articles, {
      ...options,
      scoreEvents: (topic: string, texts: string[]) => state.retriever.scoreTexts(topic, texts),
    });
  }

  sources(): SourceInfo[] {
    // From the index, not from seeds/: with REBUILD_ON_START=false the served corpus may differ.
    const bySource = new Map<string, SourceInfo>();
    for (const p of this.#serving().index.passages) {
      const info = bySource.get(p.source);
      if (info) info.passages += 1;
      else bySource.set(p.source, { source: p.source, title: p.meta.title, publisher: p.meta.publisher, date: p.meta.date, url: p.meta.url, passages: 1 });
    }
    return [...bySource.values()].sort((a, b) => a.source.localeCompare(b.source));
  }

  async reindex(onProgress?: (p: IndexProgress) => void): Promise<ReindexOutcome> {
    if (this.#building) return { kind: 'busy' };
    try {
      const report = await this.#rebuild(onProgress);
      return { kind: 'done', report };
    } catch (error) {
      if (isDossierError(error) && error.code === 'INDEX_BUSY') return { kind: 'busy' };
      throw error;
    }
  }

  async close(): Promise<void> {
    // Let a running build finish its atomic swap rather than abandon a half-written generation dir.
    await this.#building?.catch(() => undefined);
  }

  #serving(): ServingState {
    if (!this.#state) throw new DossierError('INDEX_MISSING', 'The index is not loaded yet.');
    return this.#state;
  }

  async #openOrBuild(onProgress?: (p: IndexProgress) => void): Promise<void> {
    const dir = this.#config.paths.embeddings;
    const opened = await openIndex(dir, this.#model);
    if (opened.kind !== 'ok') {
      const why =
        opened.kind === 'missing'
          ? 'No index yet'
          : opened.kind === 'incompatible'
            ? `The index was built differently (${opened.reason})`
            : `The index is unreadable (${opened.reason})`;
      this.#logger.warn(`${why}; building it from ${this.#config.paths.seeds}.`);
      this.startupReport = await this.#rebuild(onProgress);
      return;
    }
    const { articles } = await this.#readCorpus();
    const stale = describeStaleness(opened.index, articles, this.#chunking());
    if (stale && this.#config.rebuildOnStart) {
      this.#logger.info(`Seeds changed since the last build (${stale}); updating the index.`);
      this.#state = await this.#prepare(opened.index, articles);
      this.startupReport = await this.#rebuild(onProgress);
      return;
    }
    if (stale) this.#logger.warn(`Seeds changed since the last build (${stale}); serving the old index (REBUILD_ON_START=false).`);
    this.#state = await this.#prepare(opened.index, articles);
  }

  #chunking(): IndexManifest['chunking'] {
    return {
      maxChars: this.#config.ingest.passageMaxChars,
      overlapSentences: this.#config.ingest.passageOverlapSentences,
      cleanerVersion: String(CLEANER_VERSION),
    };
  }

  async #readCorpus(): Promise<{ articles: Article[]; skipped: Array<{ source: string; reason: string }> }> {
    return readCorpus(this.#config.paths.seeds, {
      root: this.#config.root,
      maxFileBytes: this.#config.ingest.maxFileBytes,
      onWarning: (message) => this.#logger.warn(message),
    });
  }

  #rebuild(onProgress?: (p: IndexProgress) => void): Promise<IndexReport> {
    if (this.#building) return this.#building;
    const run = (async () => {
      const { articles, skipped } = await this.#readCorpus();
      const chunking = this.#chunking();
      const previous = this.#state?.index;
      const reusable = previous && sameChunking(previous.manifest.chunking, chunking) ? groupBySource(previous.passages) : new Map<string, Passage[]>();
      // Sentence splitting is the slow part of ingestion; an unchanged file keeps its old passages.
      const files: CorpusFile[] = articles.map((a) => {
        const old = previous?.manifest.files[a.source];
        const kept = old && old.sha256 === a.sha256 ? reusable.get(a.source) : undefined;
        // Reused passages take the article's current metadata: a sidecar edit must show up in citations.
        const passages = kept?.map((p) => ({ ...p, meta: a.meta })) ?? splitPassages(a, chunking);
        return { source: a.source, sha256: a.sha256, passages };
      });
      const report = await buildIndex({
        dir: this.#config.paths.embeddings,
        files,
        skipped,
        model: this.#model,
        chunking,
        ...(onProgress ? { onProgress } : {}),
        attachments: (passages) => ({ [LEXICAL_ATTACHMENT]: JSON.stringify(LexicalIndex.build(passages).toJSON()) }),
      });
      const opened = await openIndex(this.#config.paths.embeddings, this.#model);
      if (opened.kind !== 'ok') {
        throw new DossierError('INDEX_CORRUPT', `The index just built could not be opened: ${opened.kind === 'missing' ? 'missing' : opened.reason}`);
      }
      this.#state = await this.#prepare(opened.index, articles);
      return report;
    })();
    this.#building = run;
    return run.finally(() => {
      this.#building = null;
    });
  }

  async #prepare(index: LoadedIndex, articles: Article[]): Promise<ServingState> {
    const stored = await index.attachment(LEXICAL_ATTACHMENT);
    let lexical: LexicalIndex;
    try {
      lexical = stored ? LexicalIndex.fromJSON(JSON.parse(stored.toString('utf8')), index.passages) : LexicalIndex.build(index.passages);
    } catch (error) {
      this.#logger.warn(`The stored lexical index is unreadable (${String(error)}); rebuilding it in memory.`);
      lexical = LexicalIndex.build(index.passages);
    }
    const retriever = new HybridRetriever({ passages: index.passages, lexical, store: index.store, embeddings: this.#model.embeddings });
    const indexed = new Set(Object.keys(index.manifest.files));
    return { index, retriever, articles: articles.filter((a) => indexed.has(a.source)) };
  }
}

/**
 * Why the index no longer matches the corpus, or `undefined` when it does. Besides content hashes
 * it compares metadata, because editing only a `.meta.json` sidecar leaves the article's hash alone.
 */
function describeStaleness(index: LoadedIndex, articles: Article[], chunking: IndexManifest['chunking']): string | undefined {
  const s = isStale(index.manifest, articles, chunking);
  const parts: string[] = [];
  if (s.added.length) parts.push(`${s.added.length} added`);
  if (s.changed.length) parts.push(`${s.changed.length} changed`);
  if (s.removed.length) parts.push(`${s.removed.length} removed`);
  if (s.chunkingChanged) parts.push('passage settings changed');
  const metaBySource = new Map(index.passages.map((p) => [p.source, p.meta] as const));
  const metaChanged = articles.filter((a) => {
    const old = metaBySource.get(a.source);
    return old !== undefined && JSON.stringify(old) !== JSON.stringify(a.meta);
  }).length;
  if (metaChanged) parts.push(`${metaChanged} with new metadata`);
  return parts.length ? parts.join(', ') : undefined;
}

function groupBySource(passages: Passage[]): Map<string, Passage[]> {
  const map = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = map.get(p.source);
    if (list) list.push(p);
    else map.set(p.source, [p]);
  }
  return map;
}

function sameChunking(a: IndexManifest['chunking'], b: IndexManifest['chunking']): boolean {
  return a.maxChars === b.maxChars && a.overlapSentences === b.overlapSentences && a.cleanerVersion === b.cleanerVersion;
}
