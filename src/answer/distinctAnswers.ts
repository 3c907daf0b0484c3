import type { AnswerParams } from './AnswerParams.js';
import type { PartDecision } from './ExtractiveAnswerer.js';
import type { CandidateAssessment, SentenceAssessment } from './scoring/SentenceAssessment.js';

/** Types whose answers are one name, date, figure or place: two parts asking for one each ask for two different ones. */
export const ONE_VALUE_TYPES = new Set(['person', 'named', 'number', 'date', 'place']);

/**
 * A candidate's mention: where it stands in its sentence's words, to tell it from another one with
 * the same words. By the sentence's text, not its article: a syndicated copy says the same thing.
 */
export const mentionKey = (s: SentenceAssessment, c: CandidateAssessment) => `${s.sentence.text.toLowerCase()}#${c.candidate.start}`;

/**
 * Distinct parts, distinct answers: when an earlier answered part of the same type found its answer
 * in the sentence that tops this part too, and that sentence's best candidate for this part is the
 * very mention the earlier part took ("369 vessels were waiting" for both "how many were waiting"
 * and "how many had passed through"), and it holds no other like it, that mention is not this
 * part's answer. Returns it, so the sentence gives way to the next one.
 */
export function takenAnswer(top: SentenceAssessment | undefined, earlier: readonly PartDecision[], params: Readonly<AnswerParams>): string | undefined {
  const mine = top?.candidates[0];
  if (!top || !mine || !ONE_VALUE_TYPES.has(top.part.type) || holdsAnotherLike(top, mine)) return undefined;
  const key = mentionKey(top, mine);
  const takenBy = earlier.find((d) => {
    if (!d.answered || d.part.type !== top.part.type) return false;
    const theirs = d.short[0] ?? (d.ranked[0] && d.ranked[0].p >= params.answerThreshold && d.ranked[0].candidates[0] ? { sentence: d.ranked[0], candidate: d.ranked[0].candidates[0] } : undefined);
    return theirs !== undefined && mentionKey(theirs.sentence, theirs.candidate) === key;
  });
  return takenBy ? key : undefined;
}

/**
 * Whether the sentence holds another candidate like this one, so it may answer both parts: another
 * figure of the same thing ("85 seats, and … 64 seats", not "369 vessels … dozens of ships"),
 * another name or date of the same kind.
 */
export function holdsAnotherLike(s: SentenceAssessment, mine: CandidateAssessment): boolean {
  const unit = (c: CandidateAssessment) => c.candidate.unit.at(-1)?.lemma;
  return s.candidates.some((c) => c !== mine && c.candidate.source === mine.candidate.source && unit(c) === unit(mine));
}

/** The ranking with the sentences holding the taken mention (a syndicated copy too) moved behind the next other sentence. */
export function behindNext(ranked: readonly SentenceAssessment[], taken: string): SentenceAssessment[] {
  const holds = (s: SentenceAssessment) => s.candidates[0] !== undefined && mentionKey(s, s.candidates[0]) === taken;
  const lead = ranked.findIndex((s) => !holds(s));
  if (lead <= 0) return [...ranked];
  const other = ranked[lead];
  return other ? [other, ...ranked.filter((s) => s !== other)] : [...ranked];
}
