import type { RetrievedPassage } from '../retrieval/RetrievedPassage.js';
import type { Citation } from './Answer.js';
import { citationFor } from './citationFor.js';
import { NO_ANSWER_SENTENCE } from './noAnswer.js';

/** The outcome of checking a model's reply against the context it was given. */
export type ValidatedReply =
  | { kind: 'answered'; text: string; citations: Citation[]; problems: string[] }
  | { kind: 'no-answer'; problems: string[] };

const QUOTE = /["“]([^"“”]{8,}?)["”]/g;

function normalizeQuote(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

function normalizeNoAnswer(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The sentence of the passage that contains the quote (or the best-overlapping one), for a verbatim citation. */
function sentenceFor(r: RetrievedPassage, quote: string | undefined): { text: string; start: number; end: number } | undefined {
  const sentences = r.passage.sentences;
  if (quote) {
    const q = normalizeQuote(quote);
    const hit = sentences.find((s) => normalizeQuote(s.text).includes(q) || q.includes(normalizeQuote(s.text)));
    if (hit) return hit;
  }
  return sentences[0];
}

/**
 * Checks an LLM reply: citations to blocks that do not exist are dropped; quoted spans ("...") that
 * do not appear verbatim (modulo quote style and spacing) in a cited block are removed and flagged;
 * the remaining markers are renumbered 1..n in order of first use. A reply that is the no-answer
 * sentence, or cites nothing valid, is `no-answer`: an uncited claim is not an answer we can stand behind.
 */
export function validateCitations(reply: string, retrieved: RetrievedPassage[]): ValidatedReply {
  const problems: string[] = [];
  let text = reply.trim();
  if (text === '' || normalizeNoAnswer(text).startsWith(normalizeNoAnswer(NO_ANSWER_SENTENCE))) return { kind: 'no-answer', problems };

  // Drop markers that point nowhere.
  text = text.replace(/\[(\d+)\]/g, (m, d: string) => {
    const n = Number(d);
    if (n >= 1 && n <= retrieved.length) return m;
    problems.push(`citation [${n}] does not exist`);
    return '';
  });

  // Verify quotes against the blocks cited in the same sentence (or any block when none is cited there).
  text = text.replace(QUOTE, (m, inner: string, offset: number) => {
    const sentenceEnd = text.slice(offset).search(/[.!?](?:\s|$)/);
    const near = text.slice(offset, sentenceEnd < 0 ? undefined : offset + sentenceEnd + m.length + 8);
    const cited = [...near.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
    const pool = cited.length > 0 ? cited : retrieved.map((_, i) => i + 1);
    const found = pool.find((n) => normalizeQuote(retrieved[n - 1]?.passage.text ?? '').includes(normalizeQuote(inner)));
    if (found === undefined) {
      problems.push(`quote not found in the cited article: "${inner.slice(0, 60)}"`);
      return '';
    }
    return m;
  });

  const order: number[] = [];
  for (const x of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(x[1]);
    if (!order.includes(n)) order.push(n);
  }
  if (order.length === 0) {
    problems.push('the reply cites nothing');
    return { kind: 'no-answer', problems };
  }
  const renumber = new Map(order.map((old, i) => [old, i + 1]));
  text = text
    .replace(/\[(\d+)\]/g, (_, d: string) => `[${renumber.get(Number(d)) ?? d}]`)
    .replace(/(\[\d+\])(?:\1)+/g, '$1')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();

  const quotesByBlock = [...reply.matchAll(QUOTE)].map((x) => x[1]);
  const citations = order.map((old, i) => {
    const r = retrieved[old - 1];
    if (!r) throw new Error('unreachable: citation numbers were checked above');
    const quote = quotesByBlock.find((q) => q !== undefined && normalizeQuote(r.passage.text).includes(normalizeQuote(q)));
    const s = sentenceFor(r, quote) ?? { text: r.passage.text, start: r.passage.start, end: r.passage.end };
    return citationFor(i + 1, r.passage, s);
  });
  return { kind: 'answered', text, citations, problems };
}
