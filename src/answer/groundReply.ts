import { endsWithAbbreviation } from '../ingest/abbreviations.js';
import type { RetrievedPassage } from '../retrieval/RetrievedPassage.js';
import { processTerm, tokenize } from '../text/searchTerms.js';
import type { Citation } from './Answer.js';
import { citationFor } from './citationFor.js';
import { NO_ANSWER_SENTENCE } from './noAnswer.js';

/**
 * Thresholds of the grounding check. `minCoverage`: the share of a sentence's content words
 * (stemmed, stop words left out) that its cited passages must hold. 0.6 keeps paraphrase ("leads
 * the group" for "the group will be led by") and drops a sentence that only borrows the names.
 * `quoteReuse`: a quote not found verbatim is replaced by the passage sentence holding this share
 * of its words (the model paraphrased a real sentence); below it the quote is invented.
 */
export const GROUNDING_PARAMS = { minCoverage: 0.6, quoteReuse: 0.6 } as const;

/** What a model's reply comes to once every sentence is checked against the passages it cites. */
export type GroundedReply =
  | { kind: 'answered'; text: string; citations: Citation[]; problems: string[] }
  /** The model said the articles do not answer: an honest abstention. */
  | { kind: 'declined'; problems: string[] }
  /** Nothing the model wrote is supported by what it cites. */
  | { kind: 'unsupported'; problems: string[] };

/** One sentence of the reply: its words without markers, and the existing blocks it cites (1-based). */
export interface Claim {
  text: string;
  cites: number[];
  /** Markers to blocks that do not exist. */
  dangling: number[];
}

/** What the cited passages hold, for the rules. */
export interface CitedText {
  text: string;
  terms: ReadonlySet<string>;
}

/** One reason a sentence of a model's reply cannot be shown. */
export interface GroundingRule {
  name: string;
  reason: string;
  fails(claim: Claim, cited: CitedText): boolean;
}

const QUOTE = /["“]([^"“”]{8,}?)["”]/g;
const MARKERS = /\[(\d+(?:\s*,\s*\d+)*)\]/g;
const NUMBER = /\d[\d,.]*\d|\d/g;

const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
const termsOf = (text: string) => tokenize(text).flatMap((t) => processTerm(t) ?? []);
const numbersOf = (text: string) => (text.match(NUMBER) ?? []).map((n) => n.replace(/[,.](?=\d{3}\b)/g, '').replace(/\.$/, ''));
/** Capitalised words after the first: the names a sentence states. */
const namesOf = (text: string) => tokenize(text).slice(1).filter((t) => /^\p{Lu}\p{Ll}/u.test(t) && processTerm(t) !== null);

export const GROUNDING_RULES: readonly GroundingRule[] = [
  {
    name: 'cites-nothing',
    reason: 'A sentence without a citation to a block that exists is the model speaking for itself: nothing shows a reader where it comes from.',
    fails: (c) => c.cites.length === 0,
  },
  {
    name: 'says-nothing',
    reason: 'A bare marker ("[1].") or a sentence of filler words claims nothing a reader could check.',
    fails: (c) => termsOf(c.text).length === 0,
  },
  {
    name: 'link-not-cited',
    reason: 'A web address the cited passages do not contain (a masked "[click here](…)" link above all) leads a reader somewhere the articles never pointed.',
    fails: (c, cited) => (c.text.match(/https?:\/\/[^\s)>\]]+/g) ?? []).some((url) => !cited.text.includes(url)),
  },
  {
    name: 'number-not-cited',
    reason: 'A figure, date or count that the cited passages do not contain is invented or taken from elsewhere.',
    fails: (c, cited) => {
      const have = new Set(numbersOf(cited.text));
      return numbersOf(c.text).some((n) => !have.has(n));
    },
  },
  {
    name: 'name-not-cited',
    reason: 'A person, place or organisation the cited passages never name ("appointed by Marco Rubio") is not supported by them.',
    fails: (c, cited) => namesOf(c.text).some((n) => !cited.terms.has(processTerm(n) ?? '')),
  },
  {
    name: 'little-overlap',
    reason: `Fewer than ${GROUNDING_PARAMS.minCoverage * 100}% of the sentence's content words in the cited passages: it says something they do not.`,
    fails: (c, cited) => {
      const terms = termsOf(c.text);
      return terms.length > 0 && terms.filter((t) => cited.terms.has(t)).length / terms.length < GROUNDING_PARAMS.minCoverage;
    },
  },
];

/** The reply's sentences: at line breaks, and after . ! ? (with any closing quote and markers) unless an abbreviation. */
export function replySentences(reply: string): string[] {
  const out: string[] = [];
  for (const line of reply.split(/\n+/)) {
    let start = 0;
    for (const m of line.matchAll(/[.!?]["'”’)\]]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*(?=\s+\S|\s*$)/g)) {
      const end = (m.index ?? 0) + m[0].length;
      if (endsWithAbbreviation(line.slice(start, (m.index ?? 0) + 1)) && end < line.trimEnd().length) continue;
      out.push(line.slice(start, end).trim());
      start = end;
    }
    out.push(line.slice(start).trim());
  }
  return out.map((s) => s.replace(/^[-*•]\s+|^\d+[.)]\s+/, '')).filter((s) => s !== '');
}

function claimOf(sentence: string, blocks: number): Claim {
  const cites: number[] = [];
  const dangling: number[] = [];
  for (const m of sentence.matchAll(MARKERS)) {
    for (const n of (m[1] ?? '').split(',').map((x) => Number(x.trim()))) {
      if (n < 1 || n > blocks) dangling.push(n);
      else if (!cites.includes(n)) cites.push(n);
    }
  }
  return { text: sentence.replace(MARKERS, '').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim(), cites, dangling };
}

function citedText(claim: Claim, retrieved: readonly RetrievedPassage[]): CitedText {
  const text = claim.cites.map((n) => retrieved[n - 1]?.passage.text ?? '').join('\n');
  return { text, terms: new Set(termsOf(text)) };
}

/** Share of `words`' terms found in `text`'s terms. */
function overlap(words: string, text: string): number {
  const a = termsOf(words);
  if (a.length === 0) return 0;
  const b = new Set(termsOf(text));
  return a.filter((t) => b.has(t)).length / a.length;
}

/**
 * A quote kept only if the cited passages hold it verbatim (quote style and spacing aside); a
 * paraphrased quote is replaced by the passage sentence it paraphrases. Returns the sentence with
 * its quotes settled, or null when a quote is invented.
 */
function settleQuotes(sentence: string, claim: Claim, retrieved: readonly RetrievedPassage[], problems: string[]): string | null {
  let invented = false;
  const settled = sentence.replace(QUOTE, (whole, inner: string) => {
    const passages = claim.cites.map((n) => retrieved[n - 1]?.passage).filter((p) => p !== undefined);
    if (passages.some((p) => norm(p.text).includes(norm(inner)))) return whole;
    const best = passages.flatMap((p) => p.sentences).reduce<{ text: string; share: number } | undefined>((acc, s) => {
      const share = overlap(inner, s.text);
      return !acc || share > acc.share ? { text: s.text, share } : acc;
    }, undefined);
    if (best && best.share >= GROUNDING_PARAMS.quoteReuse) {
      problems.push(`a quote not found verbatim was replaced by the sentence it paraphrases: "${inner.slice(0, 60)}"`);
      return `“${best.text}”`;
    }
    problems.push(`an invented quote was left out: "${inner.slice(0, 60)}"`);
    invented = true;
    return whole;
  });
  return invented ? null : settled;
}

/** The passage sentence that best supports the claims citing it (a verbatim quote's sentence first). */
function supportingSentence(r: RetrievedPassage, claims: readonly string[]): { text: string; start: number; end: number } {
  const sentences = r.passage.sentences;
  const quoted = claims.flatMap((c) => [...c.matchAll(QUOTE)].map((m) => norm(m[1] ?? '')));
  const holding = sentences.find((s) => quoted.some((q) => norm(s.text).includes(q)));
  if (holding) return holding;
  const words = claims.join(' ');
  let best = sentences[0];
  let bestShare = -1;
  for (const s of sentences) {
    const share = overlap(s.text, words) + overlap(words, s.text);
    if (share > bestShare) [best, bestShare] = [s, share];
  }
  return best ?? { text: r.passage.text, start: r.passage.start, end: r.passage.end };
}

/**
 * Checks a chat model's reply sentence by sentence against the numbered passages it was given.
 * A sentence is shown only if it cites a block that exists and that block supports it (see
 * {@link GROUNDING_RULES}); invented quotes go with their sentence, paraphrased ones are replaced
 * by the verbatim sentence. Markers are renumbered in order of first use, and each citation
 * quotes the passage sentence that supports the claims citing it, with its exact offsets.
 */
export function groundReply(reply: string, retrieved: readonly RetrievedPassage[]): GroundedReply {
  const problems: string[] = [];
  const trimmed = reply.trim();
  const declined = norm(NO_ANSWER_SENTENCE).replace(/\.$/, '');
  if (trimmed === '' || norm(trimmed).startsWith(declined)) return { kind: 'declined', problems };

  const kept: Array<{ text: string; cites: number[] }> = [];
  for (const sentence of replySentences(trimmed)) {
    const claim = claimOf(sentence, retrieved.length);
    for (const n of claim.dangling) problems.push(`citation [${n}] points to no passage`);
    const settled = claim.cites.length > 0 ? settleQuotes(claim.text, claim, retrieved, problems) : claim.text;
    if (settled === null) continue;
    const failed = GROUNDING_RULES.find((r) => r.fails({ ...claim, text: settled }, citedText(claim, retrieved)));
    if (failed) {
      problems.push(`left out (${failed.name}): "${settled.slice(0, 80)}"`);
      continue;
    }
    kept.push({ text: settled, cites: claim.cites });
  }
  if (kept.length === 0) return { kind: 'unsupported', problems };

  const order = [...new Set(kept.flatMap((k) => k.cites))];
  const renumber = new Map(order.map((old, i) => [old, i + 1]));
  const text = kept
    .map((k) => {
      const markers = k.cites.map((n) => `[${renumber.get(n) ?? n}]`).join('');
      const end = /[.!?]["'”’)]*$/.exec(k.text);
      return end ? `${k.text.slice(0, end.index)} ${markers}${end[0]}` : `${k.text} ${markers}`;
    })
    .join(' ');
  const citations = order.map((old, i) => {
    const r = retrieved[old - 1];
    if (!r) throw new Error('unreachable: only existing blocks are cited');
    return citationFor(i + 1, r.passage, supportingSentence(r, kept.filter((k) => k.cites.includes(old)).map((k) => k.text)));
  });
  return { kind: 'answered', text, citations, problems };
}
