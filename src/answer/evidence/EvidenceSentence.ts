import type { Passage } from '../../ingest/Passage.js';
import type { WordForm } from '../wordForms.js';

/** A word of a sentence with where it is: `text.slice(start, start + form.text.length)`. */
export interface Token extends WordForm {
  /** Offset of the word in the sentence text. */
  start: number;
  /** Position among the sentence's words. */
  index: number;
  /** Whether the word carries content: not a function word, punctuation or a stop word. */
  content: boolean;
}

/** One sentence of a retrieved passage: what answers are picked from and quoted. */
export interface EvidenceSentence {
  passage: Passage;
  /** Offsets of the sentence in the article's raw text. */
  start: number;
  end: number;
  text: string;
  tokens: readonly Token[];
  /** The passage's retrieval score relative to the best retrieved passage, in [0, 1]. */
  retrieval: number;
  /** Rank of the best passage holding the sentence, from 0. */
  rank: number;
  /** The sentence's place in its article: 0 for the first body sentence; 99 past the first passage. */
  position: number;
  /** The sentences just before and after it in the same article, when retrieved. */
  previous: EvidenceSentence | undefined;
  next: EvidenceSentence | undefined;
}

/** What the answerer may know about a whole article beyond the retrieved passages. */
export interface ArticleContext {
  /** The article's text as indexed (all its passages, as written); or, when unknown, its retrieved text. */
  text: string;
  title: string | null;
  /** ISO date at the precision known (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string | null;
  /** Month and day (`MM-DD`) of a dateline without a year, when `date` is unknown. */
  datelineDay?: string | null | undefined;
  /** The place its dateline names ("Washington"), where what it tells happened unless it says otherwise. */
  datelinePlace?: string | null | undefined;
}
