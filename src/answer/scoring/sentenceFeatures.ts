import { STATED_CAUSE } from '../evidence/extractCandidates.js';
import type { SentenceAssessment } from './SentenceAssessment.js';

/** One named piece of evidence that a sentence answers a part of a question. */
export interface SentenceFeature {
  name: string;
  /** Why it is evidence, in a journalist's terms. */
  reason: string;
  value(a: SentenceAssessment): number;
}

const mean = (xs: number[]) => (xs.length === 0 ? 1 : xs.reduce((s, x) => s + x, 0) / xs.length);

/**
 * Weighted share of the relation words a sentence matches (`score` per word). Identifying words
 * (`QuestionTerm.identifying`: "*According to the wire report* of his death, how old was…", "the
 * conference *that chose Roe*") count when matched but are not missed: the answer need not repeat
 * them, and a question made only of them asks nothing the sentence must state. Words carried over
 * from another part are missed: they tell the same story.
 */
function coverage(a: SentenceAssessment, score: (i: number) => number, weights: readonly number[] = a.relationWeights): number {
  let total = 0;
  let matched = 0;
  weights.forEach((w, i) => {
    const s = score(i);
    if (s > 0 || a.part.relation[i]?.identifying !== true) total += w;
    matched += w * s;
  });
  return total === 0 ? 1 : matched / total;
}

const strict = (a: SentenceAssessment) => (i: number) => {
  const m = a.relation[i];
  return m && (m.level === 'exact' || m.level === 'related') ? m.score : 0;
};

const TYPED = new Set(['person', 'named', 'place', 'date', 'number']);

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY_DATE = new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z])`, 'i');
const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\byesterday\b|\btoday\b/i;
const MONTH_ONLY = new RegExp(`\\b${MONTH}(?![a-z])`, 'i');

/** How exactly a date candidate places a day: 1 a day, 0.8 a weekday (the article's date places it), 0.5 a month, 0.25 a year. */
export function datePrecision(text: string): number {
  if (DAY_DATE.test(text)) return 1;
  if (WEEKDAY.test(text)) return 0.8;
  if (MONTH_ONLY.test(text)) return 0.5;
  return /\b\d{4}\b/.test(text) ? 0.25 : 0.1;
}

/** The sentence features, in the order the model's weights are listed. */
export const SENTENCE_FEATURES: readonly SentenceFeature[] = [
  {
    name: 'relation',
    reason: 'An answer states what was asked: the question\'s descriptive words, or WordNet synonyms of them, weighted by how specific each word is.',
    value: (a) => coverage(a, strict(a)),
  },
  {
    name: 'relationLocal',
    reason: 'Among the retrieved sentences, the question words few of them share tell them apart; words all of them share do not.',
    value: (a) => coverage(a, strict(a), a.localWeights),
  },
  {
    name: 'relationSoft',
    reason: 'Words close in meaning by the word vectors are weaker evidence that the same thing is talked about.',
    value: (a) => coverage(a, (i) => a.relation[i]?.score ?? 0),
  },
  {
    name: 'specificMissing',
    reason: 'When the question\'s most specific word is nowhere in the sentence, it is probably about something else.',
    value: (a) => {
      let best = -1;
      a.relationWeights.forEach((w, i) => {
        if (best < 0 || w > (a.relationWeights[best] ?? 0)) best = i;
      });
      const m = best >= 0 ? a.relation[best] : undefined;
      return m && m.level !== 'exact' && m.level !== 'related' ? 1 : 0;
    },
  },
  {
    name: 'predicate',
    reason: 'The question\'s main verb (killed, signed, won) must be stated; a sentence that shares only the names does not answer.',
    value: (a) => {
      const m = a.predicate;
      if (!a.part.predicate) return 0.5;
      if (!m) return 0;
      return m.level === 'similar' ? 0.4 * m.score : m.score;
    },
  },
  {
    name: 'subject',
    reason: 'The names the question is about should be in the answering sentence.',
    value: (a) => mean(a.subject.map((m) => (m.level === 'none' ? 0 : 1))),
  },
  {
    name: 'subjectInArticle',
    reason: 'Articles refer back to people and places ("he", "the city"): the names may be elsewhere in the article.',
    value: (a) => mean(a.subjectInArticle.map((x) => (x ? 1 : 0))),
  },
  {
    name: 'namesNearby',
    reason: 'The names a question is about stand near the sentence that answers it (within two sentences, or in the title), unless the whole article is about them.',
    value: (a) => a.namesNearby,
  },
  {
    name: 'subjectAbsent',
    reason: 'An article that never names one of the question\'s subjects cannot answer a question about it.',
    value: (a) => (a.subjectInArticle.some((x) => !x) ? 1 : 0),
  },
  {
    name: 'head',
    reason: 'The answer\'s category ("sites", "minister", "district") usually stands next to the answer.',
    value: (a) => (a.head.length === 0 ? 0.5 : mean(a.head.map((m) => (m.level === 'exact' || m.level === 'related' ? 1 : m.level === 'similar' ? 0.5 : 0)))),
  },
  {
    name: 'constraintsMet',
    reason: 'A year, day, round or figure the question names must be the sentence\'s (or its article\'s).',
    value: (a) => a.constraints.met,
  },
  {
    name: 'constraintConflict',
    reason: 'A sentence about another year or another round answers a different question ("the 2025 toll" for "the 2019 attack").',
    value: (a) => (a.constraints.conflict ? 1 : 0),
  },
  {
    name: 'typedNoCandidate',
    reason: 'A who / when / how-many question is not answered by a sentence without a person / date / number of the right kind.',
    value: (a) => (TYPED.has(a.part.type) && a.candidates.length === 0 ? 1 : 0),
  },
  {
    name: 'candidateFit',
    reason: 'The best candidate is bound to the asked category (a number to the counted noun, a name to the asked role).',
    value: (a) => Math.max(0, ...a.candidates.map((c) => c.features['fit'] ?? 0)),
  },
  {
    name: 'candidateNear',
    reason: 'A candidate close to the words of the question is more likely the thing asked about.',
    value: (a) => Math.max(0, ...a.candidates.map((c) => c.features['near'] ?? 0)),
  },
  {
    name: 'candidateBound',
    reason: 'For who / when / how many, the best candidate sits in the same clause as the asked action; otherwise the figure or name belongs to another fact of the sentence.',
    value: (a) => Math.max(0, ...a.candidates.map((c) => (c.features['sameClause'] ?? 0) * Math.max(c.features['predicateNear'] ?? 0, c.features['near'] ?? 0))),
  },
  {
    name: 'aligned',
    reason: 'The fact as asked is stated: a candidate of the asked kind, bound to the asked category, in the same clause as the asked verb ("Merz received 310 votes").',
    value: (a) => {
      const pred = a.predicate;
      const stated = !a.part.predicate || (pred !== undefined && (pred.level === 'exact' || pred.level === 'related'));
      const bound = (c: (typeof a.candidates)[number]) => (c.features['fit'] ?? 0) >= 0.6 && (!a.part.predicate || (c.features['sameClause'] ?? 0) > 0);
      return stated && a.candidates.some(bound) ? 1 : 0;
    },
  },
  {
    name: 'causal',
    reason: 'A why-question is answered by a sentence that says it gives a cause ("because", "due to", "the reason"), not by one that retells the event.',
    value: (a) => (a.part.type === 'reason' && STATED_CAUSE.test(a.sentence.text) ? 1 : 0),
  },
  {
    name: 'restatesEvent',
    reason: 'A why-question\'s own event told again ("the conference began two hours late") without a cause is the question, not its answer.',
    value: (a) => (a.part.type === 'reason' && !STATED_CAUSE.test(a.sentence.text) && coverage(a, strict(a)) >= 0.75 ? 1 : 0),
  },
  {
    name: 'datePrecision',
    reason: 'A when-question is answered by a day ("on September 10") rather than by its month ("in September") or year.',
    value: (a) => (a.part.type === 'date' ? Math.max(0, ...a.candidates.map((c) => datePrecision(c.candidate.text))) : 0),
  },
  {
    name: 'neighbour',
    reason: 'A fact is sometimes told across two sentences: words of the question in the next or previous sentence support it.',
    value: (a) => a.neighbourCoverage,
  },
  {
    name: 'relationInArticle',
    reason: 'Words of the question that its whole article never uses ("died" in an article that counts only the injured) mean the article is about something nearby, not what was asked.',
    value: (a) => a.inArticle.coverage,
  },
  {
    name: 'predicateInArticle',
    reason: 'An article that never states the asked action (no "fine", no "arrested") cannot say how much or when it happened.',
    value: (a) => (a.inArticle.predicate || (a.predicate !== undefined && (a.predicate.level === 'exact' || a.predicate.level === 'related')) ? 1 : 0),
  },
  {
    name: 'typedPredicateBound',
    reason: 'For who / when / how many, the asked verb stated with a candidate of the asked kind right by it ("will be led by Jane Roe") is the answer\'s usual shape, whatever the sentence\'s other words.',
    value: (a) => {
      if (!TYPED.has(a.part.type)) return 0;
      const pred = a.predicate;
      const stated = pred !== undefined && (pred.level === 'exact' || pred.level === 'related');
      return stated ? Math.max(0, ...a.candidates.map((c) => (c.features['sameClause'] ?? 0) * (c.features['predicateNear'] ?? 0))) : 0;
    },
  },
  {
    name: 'openSimilarity',
    reason: 'For why and what questions, which have no candidate to check, a sentence that reads like the question is most of the evidence.',
    value: (a) => (TYPED.has(a.part.type) ? 0 : a.similarity),
  },
  {
    name: 'similarity',
    reason: 'A sentence that, as a whole, reads like the question (word vectors) more often answers it, whatever words it shares.',
    value: (a) => a.similarity,
  },
  {
    name: 'crowdedList',
    reason: 'A list of many figures or names ("CDU/CSU = 28.5% AfD = 20.8% …") matches every question about them and answers none well.',
    value: (a) => Math.min(1, Math.max(0, a.candidates.length - 2) / 4),
  },
  {
    name: 'retrieval',
    reason: 'The passage\'s retrieval score, relative to the best passage.',
    value: (a) => a.sentence.retrieval,
  },
  {
    name: 'lead',
    reason: 'News puts the main fact first: an article\'s opening sentences more often state it.',
    value: (a) => (a.sentence.position <= 1 ? 1 : 0),
  },
  {
    name: 'fragment',
    reason: 'A headline, caption or list fragment (few words, no full stop) states less than a sentence.',
    value: (a) => {
      const t = a.sentence.text.trim();
      return a.sentence.tokens.length < 6 || !/[.!?…"”’)]$/.test(t) || /\|/.test(t) ? 1 : 0;
    },
  },
];

/** Computes every sentence feature, by name. */
export function sentenceFeatureValues(a: SentenceAssessment): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of SENTENCE_FEATURES) out[f.name] = f.value(a);
  return out;
}
