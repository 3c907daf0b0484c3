import type { Logger } from '../logger.js';
import type { Config } from '../config.js';
import type { Answer } from '../answer/Answer.js';
import type { Answerer } from '../answer/Answerer.js';
import type { ArticleContext } from '../answer/evidence/EvidenceSentence.js';
import type { Article } from '../ingest/Article.js';
import type { Passage } from '../ingest/Passage.js';
import type { EmbeddingModel } from '../embeddings/EmbeddingModel.js';
import type { RetrievalFilter, RetrievedPassage } from '../retrieval/RetrievedPassage.js';
import type { Timeline, TimelineOptions } from '../timeline/TimelineEvent.js';
import type { AskOptions, Engine, IndexProgress, IndexReport, ReindexOutcome, SourceInfo } from './Engine.js';
import { DossierError, isDossierError } from '../errors.js';
import { fingerprintCorpus, type FileFingerprint } from '../ingest/fingerprintCorpus.js';
import { WordVectorEmbeddings } from '../embeddings/WordVectorEmbeddings.js';
import { CLEANER_VERSION } from '../ingest/cleanerVersion.js';
import type { CorpusFile, SkippedCorpusFile } from '../store/buildIndex.js';
import { planBuild, describeStaleness, type BuildPlan, type BuildTarget } from '../store/BuildPlan.js';
import { openIndex, CURRENT_FILE, type LoadedIndex } from '../store/openIndex.js';
import { checkIndexWritable } from '../store/IndexLock.js';
import { lexicalAttachments, loadLexical, settleLexical, type PendingLexical } from './lexicalAttachment.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chunking, IndexManifest } from '../store/IndexManifest.js';
import type { LexicalIndex } from '../retrieval/LexicalIndex.js';
import { HybridRetriever } from '../retrieval/HybridRetriever.js';
import { retrieveParts } from '../retrieval/retrieveParts.js';
import { normalizeSource, sourceNames } from '../retrieval/passageFilter.js';
import { focusClause } from '../answer/focusClause.js';
import { validateQuestion } from './validateQuestion.js';
import { EVENT_CACHE_FILE, EventCache } from '../store/EventCache.js';
import type { ArticleRef, CorpusEvents } from '../timeline/corpusEvents.js';
import { corpusDates, isOutlierDate } from '../timeline/placeInCorpus.js';

/*
 * Reading and cleaning articles, follow-up questions and timelines need compromise, chrono-node,
 * wink-nlp and yaml (about a second of module loading together); opening a built index needs none
 * of them, so they are imported on first use.
 */
const readCorpusModule = () => import('../ingest/readCorpus.js');
const prepareCorpusModule = () => import('../ingest/prepareCorpus.js');
const contextualizeQueryModule = () => import('../answer/contextualizeQuery.js');
const buildTimelineModule = () => import('../timeline/buildTimeline.js');
const corpusEventsModule = () => import('../timeline/corpusEvents.js');
/** Building is not needed to open a built index (and pulls in the graph builder and its worker). */
const buildIndexModule = () => import('../store/buildIndex.js');

/** How often, at most, a serving process looks whether another process switched the index to a new generation. */
export const RELOAD_CHECK_MS = 2_000;

/** Everything needed to serve queries from one index generation; replaced as a whole on reindex. */
interface ServingState {
  index: LoadedIndex;
  /** The BM25 index behind `retriever`; a rebuild of this generation updates it as it swaps states. */
  lexical: LexicalIndex;
  retriever: HybridRetriever;
  /** Articles already read (by the build that made this state); the rest are read on first timeline. */
  known: Map<string, Article>;
  /** All served articles, read lazily: reading and cleaning them costs seconds on a large corpus. */
  articles: Promise<Article[]> | null;
  /** Every article's timeline events, from the event cache or extracted on the first timeline. */
  events: Promise<{ events: CorpusEvents; cache: EventCache }> | null;
  /** Each article's indexed text, title and date, built on the first question: answers check names and dates against the whole article. */
  articleContext: Map<string, ArticleContext> | null;
}

export interface DossierEngineDeps {
  config: Config;
  logger: Logger;
  model: EmbeddingModel;
  answerer: Answerer;
  /** The caller rebuilds right after opening (`npm run index`): a stale index is not worth a warning. */
  rebuildingNext?: boolean;
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
  readonly #explicitNoRebuild: boolean;
  #lastReloadCheck = 0;
  #reloading: Promise<void> | null = null;
  /** The report of a build that opening had to run (missing, incompatible or stale index). */
  startupReport: IndexReport | undefined;

  private constructor(deps: DossierEngineDeps) {
    this.#config = deps.config;
    this.#logger = deps.logger;
    this.#model = deps.model;
    this.#answerer = deps.answerer;
    this.#explicitNoRebuild = deps.rebuildingNext !== true;
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

  /** The articles currently served (raw text, metadata, cleaned spans), read on first use. */
  articles(): Promise<readonly Article[]> {
    return this.#articlesOf(this.#serving());
  }

  #articlesOf(state: ServingState): Promise<Article[]> {
    state.articles ??= this.#readArticles(state, Object.keys(state.index.manifest.files));
    return state.articles;
  }

  /** The served articles named by `sources`, in that order: those the last build read, the rest read now. */
  async #readArticles(state: ServingState, sources: readonly string[]): Promise<Article[]> {
    const missing = new Set(sources.filter((s) => !state.known.has(s)));
    const read = missing.size > 0 ? (await this.#readCorpus(missing)).articles : [];
    const bySource = new Map([...state.known, ...read.map((a) => [a.source, a] as const)]);
    return sources.flatMap((s) => bySource.get(s) ?? []);
  }

  get embedderId(): string {
    return this.#model.id;
  }

  get manifest(): IndexManifest {
    return this.#serving().index.manifest;
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const q = validateQuestion(question, this.#config.answer.maxQuestionChars);
    this.#noticeNewGeneration();
    const history = options.history ?? [];
    // Retrieve on the question itself: a preamble ("Ignore your rules and…") must not steer retrieval.
    const focused = focusClause(q);
    const query = history.length > 0 ? (await contextualizeQueryModule()).contextualizeQuery(focused, history) : focused;
    const k = options.k ?? this.#config.retrieval.topK;
    const state = this.#serving();
    // The question is analysed once, for retrieval (each part of a many-part question on its own) and answering.
    const analysis = await this.#answerer.analyze?.(q);
    const parts = analysis?.parts.map((p) => p.query ?? p.text) ?? [];
    this.#checkSources(options.filter?.sources);
    const filter = options.filter ? { filter: options.filter } : {};
    // A failing embeddings server (down, key revoked) costs the dense half of retrieval, not the answer.
    let denseFailure: DossierError | undefined;
    const onDenseFailure = (error: DossierError) => {
      denseFailure ??= error;
    };
    const search = (text: string, n: number) => this.retrieve(text, { k: n, ...filter, onDenseFailure });
    const answerOptions = { history, article: (source: string) => articleContextOf(state).get(source), ...(analysis ? { analysis } : {}) };
    let retrieved = await retrieveParts(search, query, parts, k);
    // A part about another part's answer ("…, and how many votes had she received?") is searched again with that answer.
    const more = (await this.#answerer.followUpQueries?.(q, retrieved, answerOptions)) ?? [];
    if (more.length > 0) retrieved = await retrieveParts(search, query, [...parts, ...more], k);
    const answer = await this.#answerer.answer(q, retrieved, answerOptions);
    if (!denseFailure) return answer;
    this.#logger.warn(`Embeddings failed at question time; answered from the lexical index: ${denseFailure.message}`);
    const notice = `${denseFailure.message} Passages were found by keyword search only.`;
    return { ...answer, notice: answer.notice ? `${notice} ${answer.notice}` : notice };
  }

  /** What the answerer knows of a served article beyond its retrieved passages (for tools that call the answerer directly). */
  articleContext(source: string): ArticleContext | undefined {
    return articleContextOf(this.#serving()).get(source);
  }

  async retrieve(query: string, options: { k?: number; filter?: RetrievalFilter; onDenseFailure?: (error: DossierError) => void } = {}): Promise<RetrievedPassage[]> {
    const { retriever } = this.#serving();
    const { k, ...rest } = options;
    return retriever.retrieve(query, { k: k ?? this.#config.retrieval.topK, ...rest });
  }

  async timeline(options: TimelineOptions = {}): Promise<Timeline> {
    this.#noticeNewGeneration();
    const state = this.#serving();
    this.#checkSources(options.sources);
    const { timelineFrom } = await buildTimelineModule();
    const { events, cache } = await this.#eventsOf(state);
    const timeline = await timelineFrom(events, {
      ...options,
      actors: cache,
      scoreEvents: (topic: string, texts: string[]) => state.retriever.scoreTexts(topic, texts),
    });
    await this.#saveEvents(cache, events);
    return timeline;
  }

  /**
   * A source filter naming no served article would silently give nothing: say which name matched
   * nothing instead (a path as listed by `sources`, or a bare file name).
   * @throws DossierError `USAGE`
   */
  #checkSources(sources: readonly string[] | undefined): void {
    if (!sources || sources.length === 0) return;
    const names = new Set(Object.keys(this.#serving().index.manifest.files).flatMap(sourceNames));
    const unknown = sources.filter((s) => normalizeSource(s) !== '' && !names.has(normalizeSource(s)));
    if (unknown.length === 0) return;
    const list = unknown.map((s) => `"${s}"`).join(', ');
    throw new DossierError('USAGE', `No indexed article is called ${list}. \`npm run sources\` (or /sources in Discord) lists them.`);
  }

  /** Writes what the event cache learnt; a cache that cannot be written (a read-only volume) costs only time. */
  async #saveEvents(cache: EventCache, events: CorpusEvents): Promise<void> {
    await cache.save(events.keys).catch((error: unknown) => this.#logger.debug(`Timeline events not cached: ${error instanceof Error ? error.message : String(error)}`));
  }

  /**
   * The served articles' events: from the event cache beside the index where it has them, the
   * rest read and extracted (and cached for the next start).
   */
  #eventsOf(state: ServingState): Promise<{ events: CorpusEvents; cache: EventCache }> {
    state.events ??= (async () => {
      const { corpusEvents } = await corpusEventsModule();
      const cache = await EventCache.open(path.join(this.#config.paths.embeddings, EVENT_CACHE_FILE));
      const read = (sources: ReadonlySet<string>) => this.#readArticles(state, [...sources]);
      const events = await corpusEvents(articleRefs(state.index), { cache, read, onWarning: (m) => this.#logger.warn(m) });
      await this.#saveEvents(cache, events);
      return { events, cache };
    })().catch((error: unknown) => {
      state.events = null;
      throw error;
    });
    return state.events;
  }

  sources(): SourceInfo[] {
    this.#noticeNewGeneration();
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

  /** Imports what follow-up questions and timelines need (see the module imports above), ahead of first use. */
  async warmUp(): Promise<void> {
    await Promise.all([contextualizeQueryModule(), buildTimelineModule()]);
  }

  async close(): Promise<void> {
    // Let a running build finish its atomic swap rather than abandon a half-written generation dir.
    await this.#building?.catch(() => undefined);
    await this.#reloading;
  }

  /**
   * Another process (`npm run index`, another shard's /reindex) may switch the index to a new
   * generation. At most every {@link RELOAD_CHECK_MS}, a request starts a look at `CURRENT`; a new
   * generation is loaded in the background and swapped in whole, and requests keep being answered
   * from the old one until then.
   */
  #noticeNewGeneration(): void {
    const served = this.#state?.index;
    const now = Date.now();
    if (!served || this.#building || this.#reloading || now - this.#lastReloadCheck < RELOAD_CHECK_MS) return;
    this.#lastReloadCheck = now;
    const warn = (message: string) => this.#logger.warn(message);
    const current = () => this.#state?.index === served && !this.#building;
    this.#reloading = (async () => {
      if (await this.#servingIsLive(served)) return;
      const opened = await openIndex(this.#config.paths.embeddings, this.#model);
      if (opened.kind !== 'ok' || !current()) return;
      const lexical = await loadLexical(opened.index, warn);
      if (!current()) return;
      this.#state = this.#serve(opened.index, [], lexical);
      this.#logger.info(`Another process rebuilt the index; now serving ${path.basename(opened.index.dir)} (${opened.index.manifest.passageCount} passages).`);
    })()
      .catch((error: unknown) => warn(`Could not load the index another process built: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.#reloading = null;
      });
  }

  #serving(): ServingState {
    if (!this.#state) throw new DossierError('INDEX_MISSING', 'The index is not loaded yet.');
    return this.#state;
  }

  async #openOrBuild(onProgress?: (p: IndexProgress) => void): Promise<void> {
    const dir = this.#config.paths.embeddings;
    // Hash the corpus while the index loads: both mostly wait for file reads.
    const fingerprints = this.#fingerprint();
    // Not awaited on the rebuild path below (which fingerprints afresh): keep a rejection from going unhandled.
    fingerprints.catch(() => undefined);
    const warn = (message: string) => this.#logger.warn(message);
    // The lexical index loads from the passages while the vector store's module is still importing.
    let lexical: Promise<LexicalIndex> | undefined;
    const opened = await openIndex(dir, this.#model, {
      onContents: (contents) => {
        lexical = loadLexical(contents, warn);
        lexical.catch(() => undefined);
      },
    });
    if (opened.kind !== 'ok') {
      const why =
        opened.kind === 'missing'
          ? 'No index yet'
          : opened.kind === 'incompatible'
            ? `The index was built differently (${opened.reason})`
            : `The index is unreadable (${opened.reason})`;
      // A first run is the normal case, not a fault: said as progress; a damaged index is a warning.
      const say = opened.kind === 'missing' ? this.#logger.info.bind(this.#logger) : this.#logger.warn.bind(this.#logger);
      say(`${why}; building it from ${this.#config.paths.seeds}.`);
      this.startupReport = await this.#rebuild(onProgress);
      this.#warnIfEmpty();
      return;
    }
    // Hashes only: reading and cleaning the corpus is needed just for files that changed.
    const stale = describeStaleness(planBuild({ kind: 'manifest', manifest: opened.index.manifest }, await fingerprints, this.#target()));
    this.#state = this.#serve(opened.index, [], await (lexical ?? loadLexical(opened.index, warn)));
    if (stale && this.#config.rebuildOnStart) {
      this.#logger.info(`The index is out of date (${stale}); updating it.`);
      try {
        this.startupReport = await this.#rebuild(onProgress);
      } catch (error) {
        // A read-only volume, or another process (a container sharing the volume) building: the
        // index that is there still answers, and the operator is told. Another process's new
        // generation is picked up when it switches (#noticeNewGeneration).
        if (!isDossierError(error) || (error.code !== 'INDEX_READ_ONLY' && error.code !== 'INDEX_BUSY')) throw error;
        this.#logger.warn(`The index is out of date (${stale}) and cannot be updated here: ${error.message} Serving it as it is.`);
      }
      return;
    }
    if (stale && this.#explicitNoRebuild) this.#logger.warn(`The index is out of date (${stale}); serving it as it is (REBUILD_ON_START=false).`);
    this.#warnIfEmpty();
  }

  /** An index of no articles answers nothing: say where articles go. */
  #warnIfEmpty(): void {
    if ((this.#state?.index.manifest.passageCount ?? 0) > 0) return;
    this.#logger.warn(`There are no articles to answer from: ${this.#config.paths.seeds} holds no readable .txt or .md file. Add some, then run \`npm run index\` (or /reindex in Discord).`);
  }

  #chunking(): IndexManifest['chunking'] {
    return {
      maxChars: this.#config.ingest.passageMaxChars,
      overlapSentences: this.#config.ingest.passageOverlapSentences,
      cleanerVersion: String(CLEANER_VERSION),
    };
  }

  async #readCorpus(only?: ReadonlySet<string>): Promise<{ articles: Article[]; skipped: Array<{ source: string; reason: string }> }> {
    const { readCorpus } = await readCorpusModule();
    return readCorpus(this.#config.paths.seeds, {
      root: this.#config.root,
      maxFileBytes: this.#config.ingest.maxFileBytes,
      onWarning: (message) => this.#logger.warn(message),
      ...(only ? { only } : {}),
    });
  }

  #fingerprint(): Promise<FileFingerprint[]> {
    return fingerprintCorpus(this.#config.paths.seeds, { root: this.#config.root, maxFileBytes: this.#config.ingest.maxFileBytes });
  }

  /** True when the served generation is still the live one on disk (another process may have rebuilt). */
  async #servingIsLive(index: LoadedIndex): Promise<boolean> {
    const current = await readFile(path.join(this.#config.paths.embeddings, CURRENT_FILE), 'utf8').catch(() => '');
    return current.trim() === path.basename(index.dir);
  }

  #rebuild(onProgress?: (p: IndexProgress) => void): Promise<IndexReport> {
    if (this.#building) return this.#building;
    const run = this.#runRebuild(onProgress);
    this.#building = run;
    return run.finally(() => {
      this.#building = null;
    });
  }

  /** What a build would make now: this embedder's vectors, passages cut with the configured chunking. */
  #target(): BuildTarget {
    return { embedder: { id: this.#model.id, dimension: this.#model.dimension }, chunking: this.#chunking() };
  }

  async #runRebuild(onProgress?: (p: IndexProgress) => void): Promise<IndexReport> {
    const started = performance.now();
    const previous = this.#state?.index;
    const fingerprints = await this.#fingerprint();
    const plan = planBuild(previous ? { kind: 'manifest', manifest: previous.manifest } : { kind: 'none' }, fingerprints, this.#target());
    // Nothing changed: the served generation stays; no reading, cleaning or writing.
    if (previous && !plan.stale && (await this.#servingIsLive(previous))) return unchangedReport(previous.manifest, started);
    // A build that cannot run (another holds the lock, a read-only folder) says so before reading the corpus.
    await checkIndexWritable(this.#config.paths.embeddings);
    const corpus = await this.#corpusFiles(plan, fingerprints, plan.incremental ? previous : undefined, onProgress);
    const serving = this.#state;
    const warn = (message: string) => this.#logger.warn(message);
    let pending: PendingLexical | undefined;
    const { updateIndex } = await buildIndexModule();
    const { report, index } = await updateIndex({
      dir: this.#config.paths.embeddings,
      files: corpus.files,
      skipped: corpus.skipped,
      model: this.#model,
      chunking: plan.target.chunking,
      ...(onProgress ? { onProgress } : {}),
      // The serving generation is reused as the base of the update when it is still the live one.
      ...(serving ? { previous: serving.index } : {}),
      attachments: async (passages, change) => {
        const out = await lexicalAttachments(passages, change, serving ? { index: serving.index, lexical: serving.lexical } : undefined, warn);
        pending = out.pending;
        return out.files;
      },
    });
    if (!pending) throw new DossierError('INTERNAL', 'The index build did not produce a lexical index.');
    const known = new Map<string, Article>();
    for (const source of corpus.unchanged) {
      const a = this.#state?.known.get(source);
      if (a) known.set(source, a);
    }
    for (const a of corpus.articles) known.set(a.source, a);
    // No await from here to the assignment: the serving lexical index may be updated in place.
    this.#state = this.#serve(index, [...known.values()], settleLexical(pending, index.passages, warn));
    return report;
  }

  /**
   * The corpus as the build gets it: files the plan finds unchanged keep the served passages, files
   * skipped before and unchanged stay skipped unread, and the rest are read, cleaned and split.
   * `previous`: the generation the plan was made over, when its passages can be reused.
   */
  async #corpusFiles(plan: BuildPlan, fingerprints: FileFingerprint[], previous: LoadedIndex | undefined, onProgress?: (p: IndexProgress) => void): Promise<CorpusFiles> {
    const unchanged = new Set(previous ? [...plan.unchanged, ...plan.skippedUnchanged] : []);
    const skippedBefore = new Set(previous ? plan.skippedUnchanged : []);
    const reusable = previous && unchanged.size > 0 ? groupBySource(previous.passages) : new Map<string, Passage[]>();
    const keep = (source: string) => unchanged.has(source) && (reusable.has(source) || previous?.manifest.files[source]?.passages === 0);
    const toRead = new Set(fingerprints.filter((f) => !keep(f.source) && !skippedBefore.has(f.source)).map((f) => f.source));
    const { prepared, skipped } = await this.#prepareCorpus(toRead, plan.target.chunking, onProgress);
    const byFingerprint = new Map(fingerprints.map((f) => [f.source, f] as const));
    const readBySource = new Map(prepared.map((p) => [p.article.source, p] as const));
    const files: CorpusFile[] = [];
    const allSkipped: SkippedCorpusFile[] = skipped.map((sk) => ({ ...sk, ...fingerprintOf(byFingerprint.get(sk.source)) }));
    for (const f of fingerprints) {
      const read = readBySource.get(f.source);
      const was = previous?.manifest.skipped[f.source];
      // Sentence splitting is the slow part of ingestion; only changed files are split again.
      if (read) files.push({ source: f.source, sha256: read.article.sha256, metaSha256: f.metaSha256, passages: read.passages, ...(read.vectors ? { vectors: read.vectors } : {}) });
      else if (keep(f.source)) files.push({ source: f.source, sha256: f.sha256, metaSha256: f.metaSha256, passages: reusable.get(f.source) ?? [] });
      else if (was && skippedBefore.has(f.source)) allSkipped.push({ source: f.source, reason: was.reason, sha256: f.sha256, metaSha256: f.metaSha256 });
    }
    return { files, skipped: allSkipped, articles: prepared.map((p) => p.article), unchanged };
  }

  /** Reads, cleans and splits the files in `only` (shared with a worker thread on big corpora). */
  async #prepareCorpus(only: ReadonlySet<string>, chunking: Chunking, onProgress?: (p: IndexProgress) => void) {
    const embeddings = this.#model.embeddings;
    const { prepareCorpus } = await prepareCorpusModule();
    return prepareCorpus(this.#config.paths.seeds, {
      root: this.#config.root,
      maxFileBytes: this.#config.ingest.maxFileBytes,
      onWarning: (message) => this.#logger.warn(message),
      only,
      chunking,
      onProgress: (done, total) => onProgress?.({ phase: 'reading', done, total }),
      // The offline embedder is synchronous: embed while the worker thread is still reading.
      ...(embeddings instanceof WordVectorEmbeddings ? { onPrepared: (_article: Article, passages: Passage[]) => passages.map((p) => embeddings.embedSync(p.text)) } : {}),
    });
  }

  #serve(index: LoadedIndex, articles: Article[], lexical: LexicalIndex): ServingState {
    const retriever = new HybridRetriever({ passages: index.passages, lexical, store: index.store, embeddings: this.#model.embeddings });
    const indexed = new Set(Object.keys(index.manifest.files));
    const known = new Map(articles.filter((a) => indexed.has(a.source)).map((a) => [a.source, a] as const));
    return { index, lexical, retriever, known, articles: null, events: null, articleContext: null };
  }
}

/** The corpus files a build is given, and what was read to make them. */
interface CorpusFiles {
  files: CorpusFile[];
  skipped: SkippedCorpusFile[];
  /** The articles read (new and changed files). */
  articles: Article[];
  /** Sources whose served passages (or skip) were kept unread. */
  unchanged: ReadonlySet<string>;
}

/** The report of a rebuild that found nothing to do: the served generation stays. */
function unchangedReport(m: IndexManifest, started: number): IndexReport {
  return {
    reused: Object.keys(m.files),
    added: [],
    changed: [],
    removed: [],
    skipped: Object.entries(m.skipped).map(([source, v]) => ({ source, reason: v.reason })),
    passages: m.passageCount,
    embedded: 0,
    seconds: (performance.now() - started) / 1000,
  };
}

function fingerprintOf(f: FileFingerprint | undefined): { sha256?: string; metaSha256?: string | null } {
  return f ? { sha256: f.sha256, metaSha256: f.metaSha256 } : {};
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

/**
 * The text, title and date of every served article, from its passages (overlapping sentences kept
 * once). A suspect date (see `suspectDates`) is left out: a weekday read against a wrong page stamp
 * gives a wrong full date, under a citation.
 */
function articleContextOf(state: ServingState): Map<string, ArticleContext> {
  if (state.articleContext) return state.articleContext;
  const map = new Map<string, ArticleContext>();
  const seen = new Set<string>();
  const suspect = suspectDates(state.index.passages);
  for (const p of state.index.passages) {
    const entry = map.get(p.source) ?? { text: '', title: p.meta.title, date: suspect.has(p.source) ? null : p.meta.date, datelineDay: p.meta.datelineDay, datelinePlace: p.meta.datelinePlace };
    for (const sentence of p.sentences) {
      const key = `${p.source}#${sentence.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entry.text += `${sentence.text}\n`;
    }
    map.set(p.source, entry);
  }
  state.articleContext = map;
  return map;
}

/**
 * Articles whose date the page does not attest and that stands years from every other article's
 * (`isOutlierDate`): a wrong page stamp (2014 on a story of 2024), as the timeline reads it too.
 */
function suspectDates(passages: readonly Passage[]): Set<string> {
  const metas = new Map<string, Passage['meta']>();
  for (const p of passages) if (!metas.has(p.source)) metas.set(p.source, p.meta);
  const dates = corpusDates([...metas.values()].map((meta) => ({ meta })));
  return new Set([...metas].filter(([, m]) => m.dateAttested !== true && isOutlierDate(m.date, dates)).map(([source]) => source));
}

/** Each indexed article's fingerprint (from the manifest) and date (from its passages), without reading it. */
function articleRefs(index: LoadedIndex): ArticleRef[] {
  const dates = new Map<string, string | null>();
  for (const p of index.passages) if (!dates.has(p.source)) dates.set(p.source, p.meta.date);
  return Object.entries(index.manifest.files).map(([source, f]) => ({ source, sha256: f.sha256, metaSha256: f.metaSha256, date: dates.get(source) ?? null }));
}
