/** A half-open range `[start, end)` of UTF-16 offsets into an article file's decoded text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * What we know about an article. Every field is `null` when the text (or a sidecar) does not say:
 * metadata is never invented.
 */
export interface ArticleMeta {
  title: string | null;
  publisher: string | null;
  /** Publication date as ISO 8601 at its known precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string | null;
  /**
   * Whether the page itself writes `date` (a published line, byline, stamp line or dated dateline),
   * or confirms a scraper's page stamp (its dateline's day, its copyright year), or an operator gave
   * it: then a date far from the rest of the corpus is a follow-up story, not a wrong stamp.
   */
  dateAttested?: boolean;
  url: string | null;
  author: string | null;
  /**
   * Month and day (`MM-DD`) of a dateline that gives no year ("April 15 (Reuters) -"), when `date`
   * is unknown: a reader can still place the story's "on Monday" near it.
   */
  datelineDay?: string | null;
  /**
   * The place a dateline names ("WASHINGTON, May 17 -" gives "Washington"): where the story was
   * filed, and so where what it tells without naming a place happened.
   */
  datelinePlace?: string | null;
}

/** One article file after reading and cleaning. */
export interface Article {
  /** Path relative to the project root, with `/` separators, e.g. `seeds/000_x.txt`. Stable id. */
  source: string;
  /** sha256 (hex) of the file's bytes, for incremental indexing. */
  sha256: string;
  /** The decoded file text, unmodified; every offset in the system points into this. */
  raw: string;
  meta: ArticleMeta;
  /** The kept article text as ordered, non-overlapping spans of `raw` (boilerplate removed). */
  body: TextSpan[];
  /**
   * Page stamps and datelines cut from paragraph starts (see `leadingFurniture.ts`): a lead that
   * names no date of its own reports what happened on its dateline's day.
   */
  furniture?: Array<TextSpan & { rule: string }>;
}

/** A file that was not ingested, and why, for a one-line warning. */
export interface SkippedFile {
  source: string;
  reason: string;
}
