import { clauseOf, clauseStarts } from '../answer/evidence/clauses.js';

/**
 * What a dated mention in a sentence is:
 * - `event`: something that happened, told as done ("The council voted on 3 May");
 * - `planned`: a plan, deadline or projection ("will vote on 3 May", "by 2030", "is expected in
 *   June"), which may never happen;
 * - `state`: the start of a lasting state ("has led the party since 2013"), not a happening;
 * - `caption`: a photo caption or credit line, which dates a picture, not an event.
 * Timelines show events; planned ones on request.
 */
export type MentionKind = 'event' | 'planned' | 'state' | 'caption';

/** One named reason a mention is not an event. */
export interface KindRule {
  name: string;
  kind: Exclude<MentionKind, 'event'>;
  reason: string;
  /** Tested on the clause holding the date (and the words right before it). */
  test(clause: string, before: string, sentence: string): boolean;
}

const FUTURE = /\b(?:will|won['’]t|['’]ll|shall|would|expects? \w+(?: \w+)? to|(?:am|is|are|was|were|not)\s+going\s+to|['’](?:m|re|s)\s+(?:not\s+)?going\s+to|is to|are to|was to|were to|plans? to|planned to|planning to|expects? to|expected to|is expected|are expected|set to|scheduled(?: to| for)?|due (?:to|on|in|by)|aims? to|intends? to|hopes? to|promised to|pledged to|vowed to|deadline|upcoming|forthcoming|next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|could|might|projected|forecast|targets?|goal)\b/i;

/** A mention that starts with a time of day and goes on to its day ("noon on Wednesday", "10 a.m. on 3 May"). */
const TIME_OF_DAY_FIRST = /\b(?:noon|midday|midnight|dawn|daybreak|dusk|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)\s+(?:local time\s+)?(?:on\s+)?\S+(?:\s+\S+){0,2}$/i;

/** Verbs of reporting: the date after one dates the report, whatever it reports. */
const REPORTED = /\b(?:said|says|announced|told|reported|confirmed|stated|wrote|added|declared|disclosed|revealed)\b/i;

export const KIND_RULES: readonly KindRule[] = [
  {
    name: 'question',
    kind: 'state',
    reason: 'A question ("What happened in March?", an explainer\'s subheading) tells nothing that happened.',
    test: (_clause, _before, sentence) => /\?\s*["'”’)]*\s*$/.test(sentence),
  },
  {
    name: 'photo-caption',
    kind: 'caption',
    reason: 'A photo caption or credit ("Photo: … in June 2023", "(AP Photo)") dates a picture, not what happened.',
    test: (_clause, _before, sentence) => /\b(?:photo(?:graph)?|image|picture|file photo)\s*(?::|by\b|credit)|\((?:AP|AFP|Reuters|EPA)?\s*Photo\b|\bPhoto via\b|\bEPA-EFE\b|\bGetty Images\b/i.test(sentence),
  },
  {
    name: 'recurring',
    kind: 'state',
    reason: '"Every Friday", "each March": something that recurs is not one event.',
    test: (_clause, before) => /\b(?:every|each)\s+$/i.test(before),
  },
  {
    name: 'embed-stamp',
    kind: 'caption',
    reason: 'The stamp of an embedded post ("@handle · Sep 13") dates the post, not an event.',
    test: (_clause, before) => /@\w+\s*·\s*$/.test(before),
  },
  {
    name: 'since',
    kind: 'state',
    reason: '"Since 2013" starts a state that lasts ("has led the party since 2013"); it is not a happening.',
    test: (_clause, before) => /\b(?:since|ever since)\s+(?:the\s+)?(?:(?:early|late|mid)[- ])?$/i.test(before),
  },
  {
    name: 'deadline',
    kind: 'planned',
    reason:
      '"By 2030", "by the end of March", "before 3 January": a deadline, not a date something happened. A time of day ("shortly before noon on Wednesday") places a happening within its day instead.',
    test: (clause, before) =>
      /\b(?:by|by the end of|no later than|before|until|till|ahead of)\s+(?:the\s+)?(?:(?:early|late|mid)[- ])?$/i.test(before) && !TIME_OF_DAY_FIRST.test(clause.slice(clause.length - 60)),
  },
  {
    name: 'future',
    kind: 'planned',
    reason: 'A plan or projection ("will vote on 3 May", "is expected in June") may never happen. The future word must come before the date: in "said on Tuesday it would resign" the date is when it was said.',
    // "X will return, the company said late Tuesday": a reporting verb after the future word takes the date.
    test: (clause) => {
      const m = FUTURE.exec(clause);
      return m !== null && !REPORTED.test(clause.slice((m.index ?? 0) + m[0].length));
    },
  },
];

/**
 * Whether a sentence as a whole states a plan or projection ("X expects revenue to reach …"),
 * unless a reporting verb after it makes it a report of one.
 */
export function statesPlan(sentence: string): boolean {
  const m = FUTURE.exec(sentence);
  return m !== null && !REPORTED.test(sentence.slice((m.index ?? 0) + m[0].length));
}

/**
 * The kind of a date mention at `index` (of `length` characters) in `sentence`: the first rule
 * that fits its clause decides; otherwise an event.
 */
export function mentionKind(sentence: string, index: number, length: number): { kind: MentionKind; rule?: string } {
  const starts = clauseStarts(sentence);
  const clause = clauseOf(starts, index);
  const from = clause === 0 ? 0 : (starts[clause - 1] ?? 0);
  // The clause up to the date: words after it describe what follows, not when it was.
  const text = sentence.slice(from, index + length);
  const before = sentence.slice(Math.max(0, index - 30), index);
  for (const rule of KIND_RULES) if (rule.test(text, before, sentence)) return { kind: rule.kind, rule: rule.name };
  return { kind: 'event' };
}
