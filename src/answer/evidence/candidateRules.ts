import type { AnswerType, AskedPart, QuestionAnalysis, QuestionTerm } from '../question/QuestionAnalysis.js';
import { termsMatch } from '../termsMatch.js';
import { normalizeWord } from '../../text/normalizeWord.js';
import type { Token } from './EvidenceSentence.js';
import type { AnswerCandidate } from './extractCandidates.js';
import { candidateMeasure, measureFits, partMeasure } from './measureKind.js';
import { escapeRegExp } from '../../util/escapeRegExp.js';
import { isDemonym } from '../isDemonym.js';
import { clauseOf, clauseStarts, relativeClauseAround } from './clauses.js';

/** What a rule sees: the candidate, its sentence and the part of the question it would answer. */
export interface CandidateContext {
  candidate: AnswerCandidate;
  text: string;
  tokens: readonly Token[];
  part: AskedPart;
  /** What the question itself gives, to recognise its own words and figures. */
  given: QuestionGiven;
  /** Whether a noun after a number names something WordNet knows that is not people ("countries", "homes"). */
  unitIsOther?: (lemma: string) => boolean;
}

/** Head nouns that ask a count of people ("how many people", "how many passengers"). */
export const HUMAN_HEADS = /^(?:people|person|persons|individual|civilian|victim|resident|passenger|worker|employee|member|soldier|tourist|child|adult)s?$/;

/** Counted nouns that count people without naming them ("26 deaths", "12 dead"). */
const PEOPLE_COUNTS = /^(?:lives|dead|deaths|fatalities|casualties|bodies|injured|wounded|missing)$/;

/** What a question states itself, so that it is never returned as the answer. */
export interface QuestionGiven {
  /** Every word of the question (all parts and context). */
  words: readonly QuestionTerm[];
  /** Every figure the question states ("the 630-seat chamber", "closed at $343.05"), as numbers. */
  figures: readonly number[];
}

const FIGURE = /\d[\d,]*(?:\.\d+)?/g;
const figureValue = (s: string) => Number(s.replace(/,/g, ''));

/** The words and figures a question gives (see `QuestionGiven`). */
export function questionGiven(analysis: QuestionAnalysis): QuestionGiven {
  return {
    words: [...analysis.context, ...analysis.parts.flatMap((p) => [...p.subject, ...p.relation, ...p.head])],
    figures: [...analysis.question.matchAll(FIGURE)].map((m) => figureValue(m[0])),
  };
}

/** A reason a candidate can never be the short answer, whatever its other evidence. */
export interface CandidateRule {
  name: string;
  reason: string;
  /** The answer types the rule applies to. */
  types: readonly AnswerType[];
  rejects(c: CandidateContext): boolean;
}

const words = (s: string) => s.match(/[\p{L}\d][\p{L}\d'’.-]*/gu) ?? [];
const after = (c: CandidateContext, n = 24) => c.text.slice(c.candidate.end, c.candidate.end + n);
const before = (c: CandidateContext, n = 24) => c.text.slice(Math.max(0, c.candidate.start - n), c.candidate.start);
/** The clause after a figure, up to the next figure or clause break: what the figure counts. */
const countedClause = (c: CandidateContext) => (after(c, 60).split(/\d|[,;:]|\band\b|\bwhile\b|\bbut\b/)[0] ?? '');
/** The word just before a figure, past qualifiers ("killed at least 137" → "killed"). */
const verbBefore = (c: CandidateContext) => before(c, 40).replace(/(?:\s+(?:at least|at most|about|around|some|nearly|almost|more than|over|up to|roughly|an estimated))+\s*$/i, '').match(/([\p{L}]+)\s*$/u)?.[1] ?? '';
/** The token just before a figure, past qualifiers ("carried about 31,000" → "carried"). */
function tokenBefore(c: CandidateContext): Token | undefined {
  const word = verbBefore(c);
  if (word === '') return undefined;
  return c.tokens.findLast((t) => t.start < c.candidate.start && t.text === word);
}

/**
 * "fissure 8", "Flight 1282", "Camps 1 and 2": a bare whole number written right after a noun,
 * with no noun of its own after it, names which one; a count comes before what it counts ("eight
 * fissures"), or after a verb or preposition ("killed 23", "rose to 23"). After a measure word the
 * question asks for ("what magnitude": "magnitude 5") it is the value.
 */
function labelAfterNoun(c: CandidateContext): boolean {
  if (!/^\d+$/.test(c.candidate.text) || !/^\p{L}+ $/u.test(before(c, 40).match(/\p{L}+ $/u)?.[0] ?? '')) return false;
  const i = c.tokens.findLastIndex((t) => t.start < c.candidate.start);
  const next = c.tokens.find((t) => t.start >= c.candidate.end);
  // "Camps 1 and 2", "Units 3 or 4": the second label of a pair after one noun.
  const paired = /^(?:and|or)$/.test(c.tokens[i]?.norm ?? '') && c.tokens[i - 1]?.pos === 'NUM' && /^\d+$/.test(c.tokens[i - 1]?.text ?? '');
  const at = paired ? i - 2 : i;
  const prev = c.tokens[at];
  // "What magnitude…?": after the asked noun itself ("magnitude 5", "category 4") the number is its value.
  const asked = prev !== undefined && c.part.head.some((q) => termsMatch(prev, q));
  return (prev?.pos === 'NOUN' || prev?.pos === 'PROPN') && !asked && !afterArticle(c.tokens, at) && !['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(next?.pos ?? '');
}

/**
 * Whether the noun phrase ending at `i` opens with an article ("In *the* Eastport storm 28 died"):
 * a label's noun stands bare ("from fissure 8", "at Camps 1 and 2"), so the figure after such a
 * phrase starts a clause of its own.
 */
function afterArticle(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && ['PROPN', 'NOUN', 'ADJ'].includes(tokens[k]?.pos ?? '')) k--;
  return tokens[k]?.pos === 'DET';
}

/** Whether a sentence's verb is the asked one, a form of it, or a WordNet relative. */
function verbMatches(t: Token | undefined, asked: QuestionTerm): boolean {
  return t !== undefined && (termsMatch(t, asked) || asked.related.has(t.lemma) || asked.broader.has(t.lemma));
}

/**
 * Verbs that tell, have, reach, get or leave a figure rather than do something to it ("said 40",
 * "announced 200 million euros",
 * "had 21", "reached 50,000", "drew 3.1 million viewers", "won 208 seats", "left 12 dead", "claimed
 * 40 lives"): news gives most counts with them, whatever the question asks ("how many watched",
 * "how many died").
 */
const ACTION_NEUTRAL = /^(?:be|have|say|tell|report|announce|disclose|reveal|state|declare|unveil|publish|put|estimate|count|total|number|reach|rise|climb|jump|grow|increase|fall|drop|decline|top|exceed|include|stand|hit|near|surpass|pass|confirm|give|record|register|list|show|cite|get|draw|attract|win|gain|receive|earn|garner|collect|raise|secure|obtain|take|lose|leave|claim)$/;

const DEATH = /\b(?:die[ds]?|dying|dead|deaths?|killed|killing|fatalit(?:y|ies)|lives|lost their lives|bodies|toll)\b/i;
const INJURY = /\b(?:injur(?:e|ed|ies|y)|wound(?:ed|s)?|hurt|hospitali[sz]ed|casualties)\b/i;
/** A question asking someone's age ("how old was she", "at what age", "what was his age"). */
const ASKS_AGE = /\bhow old\b|\bages?\b|\baged\b/i;
const COUNTING_HEADS = /^(?:share|percentage|percent|proportion|rate|turnout|margin|majority|stake|vote share)$/;

/** A question asking a total ("how much did the banks lend *in total*"), not each one's share or one occasion's figure. */
const ASKS_TOTAL = /\bin total\b|\bcombined\b|\baltogether\b|\ball told\b|\btotal\b/i;

/** A question about a bar to reach: "how many did he need", "what threshold", "the required majority". */
const ASKS_THRESHOLD = /\b(?:needs?|needed|requires?|required|necessary|threshold|minimum|hurdle|quorum)\b/i;
/** A figure followed by what makes it a bar: "50% needed to win", "316 votes required". */
const THRESHOLD_AFTER = /^(?:\s+[\p{L}-]+)?\s+(?:needed|required|necessary)\b/iu;
/** A figure introduced as a bar: "the required 367 votes", "a threshold of 5%". */
const THRESHOLD_BEFORE = /\b(?:required|needed|necessary|threshold of|minimum of|hurdle of)\s+$/i;

/**
 * Whether the part asks who underwent its predicate: it is written in the passive ("was sworn in",
 * "were arrested") and does not name the doer itself ("was arrested by whom" asks the agent).
 */
export function asksPassive(part: AskedPart): boolean {
  let known = passiveParts.get(part);
  if (known === undefined) {
    const verb = part.predicate?.text ?? '';
    const passive = new RegExp(`\\b(?:was|were|is|are|been|being|be)\\s+(?:[\\p{L}]+ly\\s+)?${escapeRegExp(verb)}\\b`, 'iu');
    known = verb !== '' && passive.test(part.text) && !/\bby\s+(?:whom|which|what)\b|\bby\s*\??$/i.test(part.text);
    passiveParts.set(part, known);
  }
  return known;
}

/** Per part, once: the rule reads it for every person and name of every retrieved sentence. */
const passiveParts = new WeakMap<AskedPart, boolean>();

/**
 * Verbs of publishing: a date right after one is when a document came out ("a report released on
 * Wednesday"). Not "said" or "announced": "Binance said Wednesday it will not acquire FTX" dates the
 * pull-out by its announcement.
 */
const TOLD = new Set(['release', 'publish', 'issue', 'unveil', 'present', 'post', 'file']);

/**
 * An anniversary told ("one year since the fire", "the second anniversary"). Not "a year ago", which
 * points back to the event, nor "six months after", which times another event by it.
 */
const ANNIVERSARY = /\b(?:anniversary|(?:one|two|three|four|five|six|ten|twenty|\d+|a) years? since|years? to the day)\b/i;
/** A question about the remembering itself. */
const REMEMBERING = /\b(?:anniversary|commemorat\w*|memorial|mark(?:ed|s|ing)?|remember\w*|vigil|tribute)\b/i;

/** What follows a figure written as an age: "62 years old", "a 62-year-old". */
const YEARS_OLD_AFTER = /^\s*-?\s*(?:year|yr)s?[- ]old\b|^\s*years?\s+old\b/i;

/** A name and the comma an age follows it with ("Prigozhin, 62", "Prigozhin, who was 62", "Roe, aged 41"). */
const AGE_AFTER_NAME = /(\p{Lu}[\p{L}'’-]+),\s*(?:(?:who|which)\s+(?:was|is)\s+|aged\s+)?$/u;

/** The rules, each with the reason a journalist would give. */
export const CANDIDATE_RULES: readonly CandidateRule[] = [
  {
    name: 'in-question',
    reason: 'A name the question already gives is its subject, not its answer ("Who did Scholz fire?" is not answered "Scholz"); so is the earlier answer a pronoun stands for ("…, and who took over after his death?").',
    types: ['person', 'named', 'place'],
    rejects: (c) => {
      const own = words(c.candidate.text).filter((w) => /^\p{Lu}/u.test(w) || c.candidate.source !== 'run');
      if (own.length === 0) return false;
      // A name's words are compared unstemmed ("Titanic" is not the question's "Titan"), each its own stem.
      const inQuestion = (w: string): boolean => {
        // A hyphenated name ("Bankman-Fried") is in the question when each of its parts is: the question's words are split at hyphens.
        if (/\p{L}-\p{L}/u.test(w)) return w.split('-').filter((x) => x.length > 0).every(inQuestion);
        const norm = normalizeWord(w);
        // The part's own subject too: a pronoun read as an earlier part's answer ("who took over after *his* death").
        return [...c.given.words, ...c.part.subject].some((q) => q.role !== 'context' && termsMatch({ norm, stem: norm }, q));
      };
      // A person is the question's subject when their surname is; other names when every word is.
      return c.part.type === 'person' ? inQuestion(own.at(-1) ?? '') : own.every(inQuestion);
    },
  },
  {
    name: 'age',
    reason: 'An age ("Anutin, 58,", "a 28-year-old", "aged 41") counts years of a life, not what a question counts, unless the question asks how old someone is.',
    types: ['number'],
    rejects: (c) =>
      !ASKS_AGE.test(c.part.text) &&
      (YEARS_OLD_AFTER.test(after(c)) ||
      /\baged\s+$/i.test(before(c)) ||
      (/\p{Lu}\p{L}+,\s*$/u.test(before(c)) && /^\s*,/.test(after(c)))),
  },
  {
    name: 'age-of-another',
    reason: 'Asked how old someone was, an age written after another person\'s name ("Prigozhin, who was 62, died …" for "How old was Dmitry Utkin?", "Anutin, 58,") is that person\'s age.',
    types: ['number'],
    rejects: (c) => {
      if (!ASKS_AGE.test(c.part.text)) return false;
      const name = AGE_AFTER_NAME.exec(before(c, 40))?.[1]?.toLowerCase();
      return name !== undefined && !c.part.names.some((n) => n.toLowerCase().split(/\s+/).includes(name));
    },
  },
  {
    name: 'not-an-age',
    reason: 'Asked how old someone was, a figure not written as an age ("nine other people", "on 23 August") counts or dates something else. Ages are written "62 years old", "a 62-year-old", "aged 62", "at 62", "Roe, 62,", "who was 62", "turned 62".',
    types: ['number'],
    rejects: (c) =>
      /\bhow old\b/i.test(c.part.text) &&
      !YEARS_OLD_AFTER.test(after(c)) &&
      !/^\s*,/.test(after(c)) &&
      !/(?:\baged?|\bage of|\bat|\bwas|\bis|\bturned|\bturns|,)\s*$/i.test(before(c)),
  },
  {
    name: 'time-of-day',
    reason: 'A clock time ("2.30 pm", "04:09 UTC") says when, not how many.',
    types: ['number'],
    rejects: (c) => /^\s*(?:a\.?m\.?|p\.?m\.?|hrs|hours? (?:IST|GMT|UTC|ET)|IST|GMT|UTC|ET|EDT|EST|PST|CET)\b/i.test(after(c)) || /^\d{1,2}:\d{2}$/.test(c.candidate.text),
  },
  {
    name: 'year-as-count',
    reason: 'A bare year ("since 2019") is a date; it counts nothing unless the counted noun follows it.',
    types: ['number'],
    rejects: (c) => /^(?:1[5-9]\d\d|20\d\d)$/.test(c.candidate.text.trim()) && c.candidate.unit.length === 0,
  },
  {
    name: 'rank-or-label',
    reason: 'An ordinal, a case number or a list label ("No. 24", "1st", "#3", "fissure 8", "Flight 1282") names a position or which one, not an amount.',
    types: ['number'],
    rejects: (c) => /^\s*(?:st|nd|rd|th)\b/.test(after(c, 3)) || /(?:\bNo\.?|#|\bNumber)\s*$/i.test(before(c, 8)) || labelAfterNoun(c),
  },
  {
    name: 'one-of-many',
    reason: '"One of the workers", "one of Germany\'s largest unions": one of a group is a member of it, not a count of anything.',
    types: ['number'],
    rejects: (c) => /^one$/i.test(c.candidate.text.trim()) && /^\s+of\b/i.test(after(c, 6)),
  },
  {
    name: 'percent-for-count',
    reason: 'A percentage does not answer "how many votes / seats / people": those ask for a count, not a share.',
    types: ['number'],
    rejects: (c) => {
      const isPercent = /%|per ?cent/i.test(c.candidate.text) || /^\s*(?:%|per ?cent)/i.test(after(c, 10));
      const head = c.part.head.at(-1);
      return isPercent && head !== undefined && !COUNTING_HEADS.test(head.lemma) && !/^(?:much|many)$/.test(head.norm);
    },
  },
  {
    name: 'other-measure',
    reason: 'A figure answers only in the measure asked: "three months" is not how many containers, "55 workers" is not what a repair cost, a "1,312-foot" ship gives no speed, and a prison sentence is written in years or months.',
    types: ['number'],
    rejects: (c) => {
      const { asked, unitRequired } = partMeasure(c.part);
      return !measureFits(asked, candidateMeasure(c.candidate, c.text), unitRequired);
    },
  },
  {
    name: 'total-not-each',
    reason: 'A figure written as a total ("deposit a combined $30 billion", "80 killed in all") does not say how much each one did, and a figure written for each one ("$5 billion each") is not the total: the question says which it asks.',
    types: ['number'],
    rejects: (c) => {
      const asksEach = /\beach\b(?!\s+other\b)|\bapiece\b|\bper\s+(?:person|bank|head|family|household|victim|member|day)\b/i.test(c.part.text);
      const asksTotal = ASKS_TOTAL.test(c.part.text);
      if (asksEach === asksTotal) return false;
      const near = `${before(c, 16)} ${after(c, 16)}`;
      const total = /\b(?:combined|total|in all|altogether|together|all told)\b/i.test(near);
      const each = /^\s*(?:each|apiece)\b/i.test(after(c, 10)) || /\beach\s+(?:\p{L}+\s+){0,2}$/iu.test(before(c, 20));
      return asksEach ? total && !each : each && !total;
    },
  },
  {
    name: 'running-total',
    reason: 'Asked about one occasion of several ("in the first discharge round", "on the second day"), a figure written as a running total ("will have released 31,200 tonnes since the first discharge began", "40 so far", "to date") counts all of them, not the one asked; unless the question asks the total.',
    types: ['number'],
    rejects: (c) => {
      if (!c.part.constraints.some((k) => k.kind === 'ordinal') || ASKS_TOTAL.test(c.part.text) || /\b(?:in all|so far|to date|since)\b/i.test(c.part.text)) return false;
      const clause = after(c, 60).split(/[,;:]/)[0] ?? '';
      return /\b(?:since|so far|to date|in all|cumulatively|altogether)\b/i.test(clause);
    },
  },
  {
    name: 'figure-in-question',
    reason: 'A figure the question states ("in the 630-seat chamber", "closed at $343.05") is what it gives, not what it asks.',
    types: ['number'],
    rejects: (c) => {
      const figure = c.candidate.text.match(FIGURE)?.[0];
      return figure !== undefined && c.given.figures.includes(figureValue(figure));
    },
  },
  {
    name: 'date-in-question',
    reason: 'A date the question states itself ("On what day in 1985 was the wreck located?" → "in 1985") is what it gives, not what it asks: the answer must say more than the question does.',
    types: ['date'],
    rejects: (c) => {
      const figures = c.candidate.text.match(FIGURE) ?? [];
      if (figures.length === 0 || !figures.every((f) => c.given.figures.includes(figureValue(f)))) return false;
      const words = c.candidate.text.match(/\p{L}{3,}/gu) ?? [];
      return words.every((w) => /^(?:in|on|of|the|and|since|from|until|by)$/i.test(w) || c.given.words.some((g) => g.norm === normalizeWord(w)));
    },
  },
  {
    name: 'other-counted-thing',
    reason: 'Asked how many people did something, a figure that counts something else ("the two countries", "300 homes", "40 sites") is not the answer, even in a sentence about the asked event.',
    types: ['number'],
    rejects: (c) => {
      const { unit } = c.candidate;
      const isOther = c.unitIsOther;
      if (!isOther || unit.length === 0 || !c.part.head.some((h) => HUMAN_HEADS.test(h.norm))) return false;
      if (unit.some((u) => PEOPLE_COUNTS.test(u.norm) || c.part.head.some((h) => termsMatch(u, h) || h.related.has(u.lemma)))) return false;
      return unit.every((u) => isOther(u.lemma));
    },
  },
  {
    name: 'other-casualty-kind',
    reason: 'News counts the dead and the injured apart: "28 people were injured" does not say how many died, and "six were killed" does not say how many were hurt.',
    types: ['number'],
    rejects: (c) => {
      const asked = [c.part.predicate, ...c.part.relation, ...c.part.head].map((t) => t?.text ?? '').join(' ');
      // What the figure counts: the words after it ("28 people were injured"), or the verb right before it ("killed 137").
      const counted = `${verbBefore(c)} ${countedClause(c)}`;
      const asksDeaths = DEATH.test(asked) && !INJURY.test(asked);
      const asksInjuries = INJURY.test(asked) && !DEATH.test(asked);
      return (asksDeaths && INJURY.test(counted) && !DEATH.test(counted)) || (asksInjuries && DEATH.test(counted) && !INJURY.test(counted));
    },
  },
  {
    name: 'figure-of-another-action',
    reason: 'Asked how many were affected by an action ("how many vehicles fell into the river"), a figure right after another verb ("the bridge carried 31,000 vehicles a day") counts what that verb did, not the asked action.',
    types: ['number'],
    rejects: (c) => {
      const asked = c.part.predicate;
      if (!asked) return false;
      const verb = tokenBefore(c);
      if (c.part.relation.some((t) => t.pos === 'VERB' && t !== asked && t.role !== 'context' && verbMatches(verb, t))) return false;
      // "a combined $9 billion", "an estimated 40": a participle after an article describes the figure.
      if (verb && /^(?:a|an|the|another|some)$/i.test(c.tokens[verb.index - 1]?.norm ?? '')) return false;
      // A phrasal verb around the figure ("pull $42 billion out") is a paraphrase WordNet does not relate.
      if (/^\s+(?:out|off|up|down|away|back|in|over)\b/i.test(after(c, 12))) return false;
      return verb !== undefined && verb.pos === 'VERB' && !ACTION_NEUTRAL.test(verb.lemma) && !verbMatches(verb, asked);
    },
  },
  {
    name: 'threshold-figure',
    reason: 'A figure written as a bar to reach ("fell short of the 50% needed to win outright", "the required 367 votes") is not the figure reached; it answers only a question about what was needed.',
    types: ['number'],
    rejects: (c) => !ASKS_THRESHOLD.test(c.part.text) && (THRESHOLD_AFTER.test(after(c, 30)) || THRESHOLD_BEFORE.test(before(c, 30))),
  },
  {
    name: 'nationality-word',
    reason: 'A nationality on its own ("Thai", "British") describes a team, a person or a place; it names none of them. Unless a nationality or language is what is asked.',
    types: ['person', 'named', 'place'],
    rejects: (c) => isDemonym(c.candidate.text.trim()) && !c.part.head.some((h) => /^(?:nationality|citizenship|ethnicity|language|tongue|origin|descent|country)$/.test(h.lemma)),
  },
  {
    name: 'location-of-asked',
    reason: 'A place written right after the asked thing and "in" or "at" locates it, it does not name it: "taken to hospital in Chiang Mai" does not say which hospital, "the court in Fulton County" not which court.',
    types: ['place', 'named'],
    rejects: (c) => {
      const heads = c.part.head.filter((h) => h.pos === 'NOUN').map((h) => escapeRegExp(h.norm.replace(/s$/, '')));
      if (heads.length === 0) return false;
      return new RegExp(`\\b(?:${heads.join('|')})s?\\s+(?:in|at|near|outside)\\s+(?:the\\s+)?$`, 'i').test(before(c, 40));
    },
  },
  {
    name: 'date-of-another-event',
    reason: 'A date in a clause that tells an earlier or later event ("dissolved parliament after the chancellor lost a vote on 16 December"), in a relative clause that describes someone ("Jane Roe, who has led the firm since May 2022, testified"), or after another verb joined by "and" ("dissolved parliament and called an election on February 23"), is that event\'s date, not the asked action\'s.',
    types: ['date'],
    rejects: (c) => {
      const asked = c.part.predicate;
      if (!asked) return false;
      const verb = c.tokens.find((t) => termsMatch(t, asked) || asked.related.has(t.lemma));
      if (!verb) return false;
      const starts = clauseStarts(c.text);
      const own = clauseOf(starts, c.candidate.start);
      if (own !== clauseOf(starts, verb.start) && /^(?:after|before|since|following|when|until)\b/i.test(c.text.slice(starts[own - 1] ?? 0))) return true;
      const relative = relativeClauseAround(c.text, c.candidate.start);
      if (relative && (verb.start < relative.start || verb.start >= relative.end)) return true;
      // "dissolved parliament and called an election on February 23rd": the date goes with the nearer, coordinated verb,
      // unless the question asks that verb too ("refloated and towed away").
      const asks = (t: Token) => [asked, ...c.part.relation].some((q) => termsMatch(t, q) || q.related.has(t.lemma));
      const between = c.tokens.filter((t) => t.start > verb.start && t.start < c.candidate.start);
      return between.some((t, i) => t.pos === 'VERB' && between[i - 1]?.norm === 'and' && !asks(t));
    },
  },
  {
    name: 'date-of-publication',
    reason: 'Asked when something happened ("when did the fire break out?"), a date set right after a verb of publishing ("according to an investigation released on Wednesday") is when the document came out, not when the event happened. Not when the question asks about the publishing itself ("when was the report released").',
    types: ['date'],
    rejects: (c) => {
      const asked = c.part.predicate;
      if (!asked || TOLD.has(asked.lemma)) return false;
      // The word before the date, past "on", "late", "last": "released *on* Wednesday".
      const verb = c.tokens.findLast((t) => t.start < c.candidate.start && !/^(?:on|late|early|last|this)$/.test(t.norm));
      if (verb && !/^\s*(?:(?:on|late|early|last|this)\s+)*$/i.test(c.text.slice(verb.start + verb.text.length, c.candidate.start))) return false;
      // "When did the department release the report?": the publishing is what is asked, whatever the parse made the verb.
      return verb !== undefined && verb.pos === 'VERB' && TOLD.has(verb.lemma) && !c.part.relation.some((t) => t.role !== 'context' && verbMatches(verb, t));
    },
  },
  {
    name: 'date-of-anniversary',
    reason: 'A date in a sentence that tells an anniversary ("a moment of silence was observed on Thursday as Maui marked one year since the fire") is the day of the remembering, not of the event, unless the sentence also tells the asked action itself or the question asks about the remembering.',
    types: ['date'],
    rejects: (c) => {
      const asked = c.part.predicate;
      if (!ANNIVERSARY.test(c.text) || REMEMBERING.test(c.part.text)) return false;
      return asked !== undefined && !c.tokens.some((t) => verbMatches(t, asked));
    },
  },
  {
    name: 'agent-of-passive',
    reason: 'Asked who underwent an action ("Who was sworn in as prime minister?", "Who was arrested?"), a name after the verb and "by" did it ("was sworn in by President Rajapaksa"): that is another person than the one asked.',
    types: ['person', 'named'],
    rejects: (c) => {
      const asked = c.part.predicate;
      if (!asked || !asksPassive(c.part)) return false;
      const verb = c.tokens.findLast((t) => t.start < c.candidate.start && termsMatch(t, asked));
      return verb !== undefined && /^(?:\s+[\p{Ll}-]+){0,2}\s+by\s+(?:[\p{L}.'’-]+\s+){0,3}$/u.test(c.text.slice(verb.start + verb.text.length, c.candidate.start));
    },
  },
  {
    name: 'asked-verb-as-modifier',
    reason: 'When the asked action is written only as a description before a noun ("the sacked chairman", "the ousted chief executive"), the sentence tells something else about that person, and its date is of that ("… told MPs on Monday"), not of the sacking.',
    types: ['date'],
    rejects: (c) => {
      const asked = c.part.predicate;
      if (!asked) return false;
      const uses = c.tokens.filter((t) => termsMatch(t, asked));
      return uses.length > 0 && uses.every((t) => {
        const prev = c.tokens[t.index - 1];
        const next = c.tokens[t.index + 1];
        return prev !== undefined && next !== undefined && (/^(?:the|a|an|his|her|its|their|our)$/i.test(prev.norm) || prev.possessive) && ['NOUN', 'PROPN', 'ADJ'].includes(next.pos);
      });
    },
  },
  {
    name: 'name-not-month',
    reason: 'A month word that is part of a name is no date: "Jan Leike" and "May Roe" are people, "Viña del Mar" a city. News writes a month alone in full ("in March"); an abbreviation comes with its day ("Mar. 5").',
    types: ['date'],
    rejects: (c) => {
      const t = c.candidate.text.trim().replace(/[,.]$/, '');
      if (!/^(?:jan|feb|mar|apr|may|jun|june|jul|july|aug|april|august|sep|sept|oct|nov|dec)$/i.test(t)) return false;
      const abbreviated = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i.test(t) && !/^\./.test(c.text.slice(c.candidate.end));
      return abbreviated || /^\s+\p{Lu}\p{Ll}/u.test(after(c, 12)) || /\b(?:del|de|la|el)\s+$/i.test(before(c, 6));
    },
  },
  {
    name: 'not-a-date',
    reason: 'A duration or vague phrase ("in five days", "following weeks", "year") does not say when, nor does a time of day alone ("7:40 a.m.", "01:17 GMT") unless the question asks the time.',
    types: ['date'],
    rejects: (c) => {
      // A clock time is no day of the month, unless the question asks the time ("at what time", "what hour").
      const asksTime = /\bwhat (?:time|hour)\b/i.test(c.part.text);
      const t = asksTime ? c.candidate.text : c.candidate.text.replace(/\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?/gi, ' ');
      const hasDay = /\b(?:\d{1,2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)\b/i.test(t);
      const hasMonthOrYear = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:1[5-9]\d\d|20\d\d)\b/i.test(t);
      return !(hasDay || hasMonthOrYear) || /^in\s+\w+\s+(?:days?|weeks?|months?|years?)$/i.test(t) || /\bago\b/i.test(t);
    },
  },
];

/** The first rule that rejects the candidate, or undefined when none does. */
export function rejectingRule(c: CandidateContext): CandidateRule | undefined {
  return CANDIDATE_RULES.find((r) => r.types.includes(c.part.type) && r.rejects(c));
}
