import type { Answer, Turn } from '../answer/Answer.js';
import type { ArticleContext } from '../answer/evidence/EvidenceSentence.js';
import type { SkippedFile } from '../ingest/Article.js';
import type { RetrievalFilter, RetrievedPassage } from '../retrieval/RetrievedPassage.js';
import type { Timeline, TimelineOptions } from '../timeline/TimelineEvent.js';
import type { DossierError } from '../errors.js';

/** One indexed article, as `/sources` lists it. */
export interface SourceInfo {
  source: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  passages: number;
}

/** What an index build did. */
export interface IndexReport {
  /** Sources whose passages and vectors were reused unchanged. */
  reused: string[];
  /** New sources, embedded. */
  added: string[];
  /** Sources whose content changed, re-embedded. */
  changed: string[];
  /** Sources no longer present; their passages are gone. */
  removed: string[];
  skipped: SkippedFile[];
  /** Passages in the new index, and how many of them were embedded in this build. */
  passages: number;
  embedded: number;
  seconds: number;
  /** Why everything was rebuilt, when it was (another embedder, corrupt index, new chunking...). */
  fullRebuildReason?: string;
}

/** Progress of a build, for progress bars and Discord edits. */
export interface IndexProgress {
  /**
   * `vectors`: the first run's conversion of the offline word vectors (in MB), before any index work;
   * `reading`: articles read and cleaned; `embedding`: passages embedded; `graph`: passages linked
   * into the vector graph; `writing`: the generation's files, manifest and switch (3 steps); `done`.
   */
  phase: 'vectors' | 'reading' | 'embedding' | 'graph' | 'writing' | 'done';
  done: number;
  total: number;
}

export type ReindexOutcome = { kind: 'done'; report: IndexReport } | { kind: 'busy' };

export interface AskOptions {
  /** How many passages to retrieve (defaults to config TOP_K). */
  k?: number;
  /** Earlier turns of a conversation, oldest first, for follow-up questions. */
  history?: Turn[];
  filter?: RetrievalFilter;
}

/**
 * The engine every surface (CLI, chat, Discord) talks to. Built once by `createApp` in `src/app.ts`.
 * It keeps answering from the current index while `reindex` builds the next one.
 */
export interface Engine {
  /** Throws `DossierError` `QUESTION_EMPTY` / `QUESTION_TOO_LONG` for bad input. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** `onDenseFailure`: the embedder failed and the passages were ranked lexically (see `HybridRetriever`); without it, the failure throws. */
  retrieve(query: string, options?: { k?: number; filter?: RetrievalFilter; onDenseFailure?: (error: DossierError) => void }): Promise<RetrievedPassage[]>;
  /** A served article's indexed text, title and date (what answers check names and dates against). */
  articleContext(source: string): ArticleContext | undefined;
  timeline(options?: TimelineOptions): Promise<Timeline>;
  sources(): SourceInfo[];
  /** Rebuilds incrementally and swaps the new index in atomically; `busy` if one is running. */
  reindex(onProgress?: (p: IndexProgress) => void): Promise<ReindexOutcome>;
  readonly reindexing: boolean;
  close(): Promise<void>;
}
