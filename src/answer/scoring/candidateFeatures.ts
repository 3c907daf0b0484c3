import type { Token } from '../evidence/EvidenceSentence.js';
import type { AnswerCandidate } from '../evidence/extractCandidates.js';
import type { TermMatch } from '../evidence/matchTerms.js';
import type { AskedPart } from '../question/QuestionAnalysis.js';
import { termsMatch } from '../termsMatch.js';
import { clauseOf } from '../evidence/clauses.js';
import { HUMAN_HEADS } from '../evidence/candidateRules.js';

/** What the local candidate features see: the candidate in its sentence, and the question's matches there. */
export interface CandidateInput {
  candidate: AnswerCandidate;
  part: AskedPart;
  text: string;
  tokens: readonly Token[];
  /** The sentence tokens where the question's relation words and predicate were found. */
  anchors: readonly Token[];
  /** The sentence token where the question's main verb was found, if it was. */
  predicate: Token | undefined;
  /** Where the sentence's clauses start (see `clauses.ts`). */
  clauses: readonly number[];
  head: readonly TermMatch[];
  /** Whether each unit word of a number names people (WordNet), for "how many people" questions. */
  unitIsPerson: (lemma: string) => boolean;
  /** Word-vector similarity, for counted nouns written another way ("troops" for "soldiers"). */
  similarity: ((a: string, b: string) => number) | undefined;
}

/** Similarity at which a counted noun is taken for the asked one ("troops" / "soldiers"). */
const UNIT_SIMILAR = 0.65;

/** One named piece of evidence that a candidate is the answer. */
export interface CandidateFeature {
  name: string;
  reason: string;
  value(c: CandidateInput): number;
}


/** Tokens inside the candidate. */
function inside(c: CandidateInput): Token[] {
  return c.tokens.filter((t) => t.start >= c.candidate.start && t.start < c.candidate.end);
}

/** How many words lie between the candidate and the nearest anchor (a matched question word). */
function distanceToAnchor(c: CandidateInput): number | undefined {
  const own = inside(c).map((t) => t.index);
  if (own.length === 0 || c.anchors.length === 0) return undefined;
  const lo = Math.min(...own);
  const hi = Math.max(...own);
  let best = Infinity;
  for (const a of c.anchors) {
    if (a.index >= lo && a.index <= hi) continue;
    best = Math.min(best, a.index < lo ? lo - a.index - 1 : a.index - hi - 1);
  }
  return Number.isFinite(best) ? best : undefined;
}

/** Whether a head word of the question sits within `window` words before or after the candidate. */
function headAdjacent(c: CandidateInput, window: number): boolean {
  const own = inside(c).map((t) => t.index);
  if (own.length === 0) return false;
  const lo = Math.min(...own);
  const hi = Math.max(...own);
  const near = c.tokens.filter((t) => (t.index >= lo - window && t.index < lo) || (t.index > hi && t.index <= hi + window) || (t.index >= lo && t.index <= hi));
  const heads = c.part.head.filter((h) => h.pos === 'NOUN' || h.pos === 'PROPN' || h === c.part.head.at(-1));
  return heads.some((h) => near.some((t) => termsMatch(t, h) || h.related.has(t.lemma)));
}

/** Type-specific fit: is this candidate the asked kind of thing, bound to the asked category? */
function fit(c: CandidateInput): number {
  const { part, candidate } = c;
  switch (part.type) {
    case 'number': {
      const head = part.head.filter((h) => h.pos === 'NOUN' || h.pos === 'PROPN');
      const money = /[$€£¥]|\b(?:dollars?|euros?|pounds?|rupees?|yen|usd|eur)\b/i.test(candidate.text + ' ' + candidate.unit.map((u) => u.text).join(' '));
      if (head.length === 0) return money ? 0.8 : 0.5;
      if (head.some((h) => /^(?:money|cost|loss|revenue|price|fine|compensation|damage|value|worth|budget|amount|sum)$/.test(h.lemma))) return money ? 1 : 0.2;
      if (head.some((h) => /^(?:share|percentage|percent|proportion|rate|turnout)$/.test(h.lemma))) return /%|per ?cent/i.test(candidate.text + c.text.slice(candidate.end, candidate.end + 10)) ? 1 : 0.2;
      const unit = candidate.unit;
      if (unit.some((u) => head.some((h) => termsMatch(u, h) || h.related.has(u.lemma)))) return 1;
      if (head.some((h) => HUMAN_HEADS.test(h.norm)) && unit.some((u) => c.unitIsPerson(u.lemma) || /^(?:lives|dead|deaths|fatalities|casualties)$/.test(u.norm))) return 0.8;
      const sim = c.similarity;
      if (sim && unit.some((u) => head.some((h) => sim(u.lemma, h.lemma) >= UNIT_SIMILAR))) return 0.8;
      return headAdjacent(c, 4) ? 0.6 : 0;
    }
    case 'person':
      return part.head.length === 0 ? 0.5 : headAdjacent(c, 6) ? 1 : 0;
    case 'named':
    case 'place':
      return headAdjacent(c, 3) ? 1 : 0;
    case 'date': {
      const before = c.text.slice(Math.max(0, candidate.start - 12), candidate.start);
      return /\b(?:on|in|since|from|by|until|between|of|dated)\s+(?:the\s+)?$/i.test(before) ? 1 : 0.5;
    }
    default:
      return 0.5;
  }
}

const EXTRACTOR_CONFIDENCE: Record<AnswerCandidate['source'], number> = {
  person: 1,
  organization: 0.8,
  place: 0.8,
  quoted: 0.6,
  run: 0.4,
  date: 1,
  number: 1,
  range: 1,
  clause: 1,
};

/** The candidate features that need only the candidate's own sentence. */
export const LOCAL_CANDIDATE_FEATURES: readonly CandidateFeature[] = [
  {
    name: 'fit',
    reason: 'The candidate is bound to what was asked: a count to its noun ("nine sites"), a name to the asked role ("Finance Minister X"), a place to its kind ("Firozpur district").',
    value: fit,
  },
  {
    name: 'near',
    reason: 'The answer usually sits next to the words the question asks with; a figure far away in the sentence often counts something else.',
    value: (c) => {
      const d = distanceToAnchor(c);
      return d === undefined ? 0 : 1 / (1 + d / 3);
    },
  },
  {
    name: 'sameClause',
    reason: 'The answer and the asked action share a clause: in "X dissolved parliament after Y lost a vote on 16 December" the date belongs to the vote.',
    value: (c) => {
      const anchor = c.predicate ?? c.anchors[0];
      if (!anchor) return 0;
      return clauseOf(c.clauses, c.candidate.start) === clauseOf(c.clauses, anchor.start) ? 1 : 0;
    },
  },
  {
    name: 'predicateNear',
    reason: 'The answer usually sits right next to the verb the question asks with ("killed 26 people", "was led by X").',
    value: (c) => {
      if (!c.predicate) return 0;
      const own = inside(c).map((t) => t.index);
      if (own.length === 0) return 0;
      const d = Math.min(...own.map((i) => Math.abs(i - (c.predicate as Token).index))) - 1;
      return 1 / (1 + Math.max(0, d) / 3);
    },
  },
  {
    name: 'extractor',
    reason: 'Some recognisers are surer of the type than others (a known person name over a run of capitalised words).',
    value: (c) => EXTRACTOR_CONFIDENCE[c.candidate.source],
  },
];

/** Computes the local candidate features, by name. */
export function localCandidateFeatures(c: CandidateInput): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of LOCAL_CANDIDATE_FEATURES) out[f.name] = f.value(c);
  return out;
}

/**
 * Features that need the whole evidence: the sentence's own probability (as a logit), how many
 * other articles give the same candidate, and how crowded the sentence is with candidates.
 */
export const GLOBAL_CANDIDATE_FEATURES = [
  { name: 'sentence', reason: 'A candidate is only as good as the sentence that states it (the sentence model\'s log-odds).' },
  { name: 'agreement', reason: 'Several articles giving the same answer make it more likely (one is a typo or an outlier).' },
  { name: 'crowded', reason: 'Among many candidates of one kind in a sentence, any one is less likely the answer.' },
] as const;
