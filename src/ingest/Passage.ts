import type { ArticleMeta, TextSpan } from './Article.js';

/**
 * A retrievable unit: consecutive whole sentences of one article. Offsets point into the
 * article's raw text so a citation can quote it exactly.
 */
export interface Passage {
  /** `${source}#${index}`; unique within an index. */
  id: string;
  source: string;
  /** Position of this passage within its article, from 0. */
  index: number;
  /** Offset of the first sentence's start in the raw file. */
  start: number;
  /** Offset of the last sentence's end in the raw file. */
  end: number;
  /** The sentences' text joined with single spaces (boilerplate between them excluded). */
  text: string;
  /** Each sentence with its exact span in the raw file: `raw.slice(s.start, s.end) === s.text`. */
  sentences: Array<TextSpan & { text: string }>;
  meta: ArticleMeta;
}
