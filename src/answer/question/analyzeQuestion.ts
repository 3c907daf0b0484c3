import { monthNumber } from '../../util/monthNumber.js';
import * as chrono from 'chrono-node';
import { isDemonym } from '../isDemonym.js';
import { focusClause } from '../focusClause.js';
import type { Lexicon, WordClass } from '../lexicon/Lexicon.js';
import { wordForms, type WordForm } from '../wordForms.js';
import { IDENTITY_QUESTION, typeFromHead, WH_RULES } from './answerTypeRules.js';
import { newsParaphrases } from '../lexicon/newsParaphrases.js';
import { phrasalVerbAt, phrasalVerbsIn } from '../lexicon/phrasalVerbs.js';
import { isTitleWord } from '../titles.js';
import type { AnswerType, AskedPart, Constraint, QuestionAnalysis, QuestionTerm } from './QuestionAnalysis.js';
import { splitQuestion } from './splitParts.js';
import { referenceSpans } from '../evidence/referenceSpans.js';
import { THING_SUFFIX } from '../evidence/mentionsName.js';
import { escapeRegExp } from '../../util/escapeRegExp.js';
import { STATEMENT_VERBS } from '../statementVerbs.js';
import { CALENDAR_WORD } from '../../util/calendarWord.js';

/** Words that frame a question rather than say what it is about ("according to the articles"). */
const FRAMING = new Set(['according', 'article', 'articles', 'mention', 'mentioned', 'please', 'source', 'sources', 'text', 'exactly', 'actually', 'also']);

/** Verbs with next to no meaning of their own: never the predicate an answer must state. */
const LIGHT_VERBS = new Set(['be', 'do', 'have', 'get', 'make', 'take', 'go', 'come', 'become', 'give', 'put', 'let', 'say', 'tell']);

/** Words of the interrogative phrase itself. */
const WH_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how', 'many', 'much']);

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10,
};

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, both: 2 };

const WH_AT = /\b(?:who|whom|whose|what|which|when|where|why|how)\b/i;
/** Prepositions that may lead the interrogative phrase ("In which town", "Under what condition"). */
const LEADING_PREPOSITION = /(?:\b(?:in|on|at|by|to|from|for|with|under|during|since|until|after|before|of|into|against|over|through|between)\s+)$/i;



/** Words that may join the parts of one name ("Court of Arbitration", "Committee on Security"). */
const NAME_JOINERS = new Set(['of', 'on', 'for', 'and', 'the', 'de', 'du', 'la', 'am', 'von', 'van']);

/**
 * The question's names grouped as written: consecutive name words form one name, split at titles
 * ("US Vice President JD Vance" → "US", "JD Vance"). The parts a tagger adds for a hyphenated word
 * are skipped.
 */
function namePhrases(forms: WordForm[], text: string): string[] {
  const phrases: string[] = [];
  let run: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (run.length > 0 && !isDescriptiveModifier(forms, start, end)) phrases.push(run.join(' '));
    run = [];
  };
  forms.forEach((f, i) => {
    const prev = forms[i - 1];
    // Punctuation between two names ends the first ("Microsoft, OpenAI's biggest investor"); the forms carry none.
    if (run.length > 0 && prev && new RegExp(`${escapeRegExp(prev.text)}['’]?s?\\s*[,;:()—–]\\s*${escapeRegExp(f.text)}`, 'u').test(text)) flush(i);
    if (run.length === 0) start = i;
    if (prev && prev.text.includes('-') && prev.text.includes(f.text) && prev.text !== f.text) return;
    if (isName(f, i, forms[i + 1]) && !isTitleWord(f.norm)) {
      // "train 32N", "the 737MAX": letters glued to a number are one identifier with it (taggers split it).
      const glued = prev?.pos === 'NUM' && run.length === 0 && text.includes(`${prev.text}${f.text}`);
      run.push(glued ? `${prev.text}${f.text}` : f.text);
      // "the Coast Guard's New England district": the owner is one name, what it owns another.
      if (f.possessive) flush(i + 1);
    } else if (run.length > 0 && NAME_JOINERS.has(f.norm) && forms[i + 1] && isName(forms[i + 1] as WordForm, i + 1)) run.push(f.text);
    else flush(i);
  });
  flush(forms.length);
  return phrases;
}

/**
 * A name written with a slash ("CDU/CSU", "Boeing/Spirit") is an alliance or pair that articles
 * also call by its first member alone ("the CDU"): that member is what an article must mention.
 */
function allianceHead(name: string, text: string): string {
  const words = name.split(' ');
  if (words.length !== 2) return name;
  return new RegExp(`\\b${escapeRegExp(words[0] ?? '')}\\s*/\\s*${escapeRegExp(words[1] ?? '')}\\b`, 'u').test(text) ? (words[0] ?? name) : name;
}

/**
 * A place or founder's name between an article, "which" or an owner ("the Coast Guard's") and a
 * common noun describes rather than names: "the Redmond software giant", "the Gates philanthropy",
 * "the Santa Clara lender", "which Gulf emirate", "the Coast Guard's New England district".
 * Paraphrased questions refer to a company or body this way; the answering article names it, not
 * its town or founder. A two-word name that is itself a body ("the United Airlines flight") still names.
 */
function isDescriptiveModifier(forms: WordForm[], start: number, end: number): boolean {
  const before = forms[start - 1];
  const after = forms[end];
  const length = end - start;
  const last = forms[end - 1];
  // An owner ("the Dali's captain") is someone the article must name, not a description.
  if (length > 2 || last?.possessive === true || (length === 2 && THING_SUFFIX.test(last?.norm ?? ''))) return false;
  const introduced = before !== undefined && (/^(?:the|a|an|which|what)$/.test(before.norm) || before.possessive === true);
  return introduced && after !== undefined && after.pos === 'NOUN' && /^\p{Ll}/u.test(after.text);
}


function wordClassOf(form: WordForm): WordClass {
  if (form.pos === 'VERB') return 'verb';
  if (form.pos === 'ADJ' || form.pos === 'ADV') return 'adj';
  return 'noun';
}

/** Splits a part into the words before its interrogative phrase (attribution, context) and the question proper. */
function splitPreamble(text: string): { preamble: string; asked: string } {
  const m = WH_AT.exec(text);
  if (!m || m.index === 0) return { preamble: '', asked: text };
  const before = text.slice(0, m.index);
  const prep = LEADING_PREPOSITION.exec(before);
  const cut = prep ? m.index - prep[0].length : m.index;
  // "Which …" at the start, or "In which …": nothing before. A clause before it is preamble.
  const preamble = text.slice(0, cut).trim();
  return /^[\s,;:]*$/.test(preamble) ? { preamble: '', asked: text.slice(cut) } : { preamble, asked: text.slice(cut) };
}

/** First words of two-word prepositions ending in "to": "according to", "due to", "owing to", "thanks to", "prior to". */
const COMPLEX_PREPOSITION = /^(?:according|due|owing|thanks|prior|contrary|close|next)$/;

/** The noun phrase right after the interrogative phrase: its words' indices in `forms` and its head (last noun). */
function headPhrase(forms: WordForm[], start: number): { indices: number[]; head: number | undefined; expected: number | undefined } {
  const indices: number[] = [];
  let expected: number | undefined;
  // "How many of the storage tanks", "which of the drills": the category follows "of".
  if (forms[start]?.norm === 'of') start++;
  for (let i = start; i < forms.length; i++) {
    const f = forms[i];
    if (!f) break;
    if (f.pos === 'DET' || f.norm === 'the' || f.norm === 'a' || f.norm === 'an') {
      if (indices.length === 0) continue;
      break;
    }
    if (f.pos === 'NUM' || COUNT_WORDS[f.norm] !== undefined) {
      if (indices.length === 0) {
        expected = COUNT_WORDS[f.norm] ?? (/^\d+$/.test(f.norm) ? Number(f.norm) : undefined);
        continue;
      }
      break;
    }
    // A noun phrase ends at a verb, an auxiliary, a preposition or a pronoun; once it has its noun,
    // also at an adverb or a trailing adjective ("which German state repeatedly …", "member responsible for").
    // "districts or locations": either noun names the category.
    if (f.norm === 'or' && indices.length > 0 && ['NOUN', 'PROPN'].includes(forms[i + 1]?.pos ?? '')) continue;
    if (f.pos === 'AUX' || f.pos === 'ADP' || f.pos === 'PRON' || f.pos === 'SCONJ' || f.pos === 'CCONJ' || f.pos === 'PART') break;
    // "according to", "due to", "thanks to" are prepositions written as two words ("how much according to the firm").
    if (COMPLEX_PREPOSITION.test(f.norm) && forms[i + 1]?.norm === 'to') break;
    // A nationality ("Dutch", "Japanese") describes the noun to come: "Which Dutch marine services company".
    const hasNoun = indices.some((j) => forms[j]?.pos === 'NOUN' || (forms[j]?.pos === 'PROPN' && !isDemonym(forms[j]?.text ?? '')));
    if (hasNoun && (f.pos === 'ADV' || f.pos === 'ADJ' || f.pos === 'VERB')) break;
    if (f.pos === 'VERB' && !/(?:ed|ing)$/.test(f.norm)) break;
    if (f.pos === 'ADV') continue; // "similarly named party"
    indices.push(i);
  }
  const nouns = indices.filter((i) => forms[i]?.pos === 'NOUN' || forms[i]?.pos === 'PROPN');
  return { indices, head: nouns.at(-1) ?? indices.at(-1), expected };
}

/** Words next to a figure that say nothing about what it measures. */
const NOT_A_LABEL = /^(?:the|a|an|of|in|on|at|to|for|and|or|by|with|from|about|than|some|over|under|nearly|around|almost|more|less|least|most|just|only|what|which|how|many|much|did|does|do|was|were|is|are|has|have|had|its|their|his|her)$/i;

/** The words right before and after a figure in the question ("magnitude 7.5", "120 seats"). */
function figureLabels(text: string, start: number, end: number): string[] {
  const before = /([A-Za-z][A-Za-z-]{2,})\s*-?\s*$/.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  const after = /^\s*-?\s*([A-Za-z][A-Za-z-]{2,})/.exec(text.slice(end, end + 30))?.[1];
  return [before, after].filter((w): w is string => w !== undefined && !NOT_A_LABEL.test(w)).map((w) => w.toLowerCase());
}

/**
 * A figure's label that is also what the question asks for ("the 630-seat Bundestag … how many
 * seats") says what the answer counts too: another number with it is the answer, not a contradiction.
 */
function withoutAskedLabels(constraints: Constraint[], head: readonly QuestionTerm[]): Constraint[] {
  const asked = new Set(head.flatMap((h) => [h.norm, h.lemma, h.stem]));
  const stem = (w: string) => w.replace(/(?:es|s)$/, '');
  return constraints.map((c) => (c.kind === 'figure' ? { ...c, labels: c.labels.filter((l) => !asked.has(l) && !asked.has(stem(l)) && ![...asked].some((a) => stem(a) === stem(l))) } : c));
}

/**
 * A name closing a locative phrase: "in Kula?", "in China for …", "at Signature Bank?", "near
 * Pahalgam,". Capitalised words joined by the particles place names use ("Viña del Mar", "House of
 * Commons").
 */
const SETTING = /\b(?:in|at|near|outside|inside|from)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|de|del|la|le|du|da|do|dos|al|el)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)*)/gu;

/**
 * What may follow a name that closes the phrase: the question's end, punctuation, or a function
 * word. A noun after it means the name only modifies it ("in the Pahalgam attack", "at the Boeing
 * factory"): the setting is the attack or the factory, not the place.
 */
const AFTER_SETTING = /^\s*(?:$|[?,.;:!)]|(?:for|and|or|but|after|before|during|when|while|since|on|in|at|by|with|from|to|under|over|near|that|which|who|whose|where|as|according|is|was|were|are|did|does|do|has|had|have|will|would|could|can)\b)/i;

/** A month or day written out ("in May 2024", "at Easter"); not CALENDAR_WORD's abbreviations, which are also place words ("Viña del Mar"). */
const MONTH_OR_DAY = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|easter)$/i;

/**
 * Where "from" follows a noun ("the evacuees *from* Leilani Estates", "people *from* the village"):
 * it says where the people come from, not where the asked event happened ("graduated *from* MIT",
 * "fled *from* Kula" tell the event's place). Offsets of each such "from" in `text`.
 */
function originPhrases(text: string): Set<number> {
  const forms = wordForms(text);
  const froms = [...text.matchAll(/\bfrom\b/gi)].map((m) => m.index);
  const out = new Set<number>();
  let k = 0;
  forms.forEach((f, i) => {
    if (f.norm !== 'from') return;
    const at = froms[k++];
    const before = forms[i - 1];
    // Right after a name, the tagger's "noun" is often the verb ("did Jane Roe *graduate* from").
    if (at !== undefined && (before?.pos === 'NOUN' || before?.pos === 'PRON') && forms[i - 2]?.pos !== 'PROPN') out.add(at);
  });
  return out;
}

/** Places the question sets its event in ("met in Washington"): not months, possessives or name-modifiers. */
function settingsOf(text: string, asksPlace: boolean): Constraint[] {
  const out: Constraint[] = [];
  // Asked where, an origin ("the evacuees from Leilani Estates") says which people, and the answering
  // sentence gives the place they went instead; asked how many, it sets the count apart ("how many
  // people from Imi Tala were killed").
  const origins = asksPlace ? originPhrases(text) : new Set<number>();
  for (const m of text.matchAll(SETTING)) {
    if (origins.has(m.index)) continue;
    const name = (m[1] ?? '').replace(/[.]+$/, '');
    if (/['’]s$/u.test(name) || name.split(/\s+/).some((w) => MONTH_OR_DAY.test(w))) continue;
    if (!AFTER_SETTING.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    out.push({ kind: 'place', text: name });
  }
  return out;
}

/** Words that make the year after them a fiscal year ("fiscal 2025", "financial year 2025", "FY 2025"). */
const FISCAL_BEFORE = /\b(?:fiscal(?: year)?|financial year|FY)\s*$/i;

/** The question's constraints: years, days, ordinals, quoted figures and the places it sets the event in. */
function constraintsOf(text: string, asksPlace: boolean): Constraint[] {
  const out: Constraint[] = [];
  const references = referenceSpans(text);
  const inReference = (at: number) => references.some(([s, e]) => at >= s && at < e);
  const mark = <C extends Constraint>(c: C, at: number): C => (inReference(at) ? { ...c, reference: true } : c);
  for (const m of text.matchAll(/\b(1[5-9]\d\d|20\d\d)\b(?![,.]?\d)/g)) {
    const fiscal = FISCAL_BEFORE.test(text.slice(0, m.index));
    out.push(mark({ kind: 'year', year: Number(m[1]), text: m[0], ...(fiscal ? { fiscal } : {}) }, m.index));
  }
  for (const r of chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    // A written day ("May 7", "17 June"), not a relative one: "the day after" is no calendar day.
    if (r.start.isCertain('month') && r.start.isCertain('day') && /\d/.test(r.text)) {
      out.push(mark({ kind: 'day', month: r.start.get('month') ?? 0, day: r.start.get('day') ?? 0, text: r.text }, r.index));
    }
  }
  // "the third round", "a second vote" — not "for the first time" or "the first two victims".
  // Not "third parties", "first hand", "second-class": fixed phrases, no round or occasion.
  for (const m of text.matchAll(/\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?!(?:of|and|or|to|time|times|two|three|four|five|six|seven|eight|nine|ten|\d+|part(?:y|ies)|person|hand|class|world)\b)[a-z]+/gi)) {
    // "First Republic", "the Second Circuit": an ordinal that begins a name is no round or occasion.
    if (/\s\p{Lu}/u.test(m[0])) continue;
    const value = ORDINALS[(m[1] ?? '').toLowerCase()];
    if (value !== undefined) out.push({ kind: 'ordinal', value, text: m[0] });
  }
  // "the first of the 33 miners", "the second of the two reports": one picked out of a group by its place in order.
  for (const m of text.matchAll(/\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+of\s+the\b/gi)) {
    const value = ORDINALS[(m[1] ?? '').toLowerCase()];
    if (value !== undefined) out.push({ kind: 'ordinal', value, text: m[0] });
  }
  const days = out.filter((c) => c.kind === 'day').map((c) => c.text);
  for (const m of text.matchAll(/(?:[$€£¥]\s?)?\b\d[\d,]*(?:\.\d+)?\b(?:\s?%)?/g)) {
    const t = m[0];
    if (/^(?:1[5-9]\d\d|20\d\d)$/.test(t) || days.some((d) => d.includes(t)) || /^\d{1,2}(?:st|nd|rd|th)$/.test(t)) continue;
    if (/^\d{1,2}$/.test(t) && /^\s*(?:st|nd|rd|th)\b/.test(text.slice(m.index + t.length))) continue;
    out.push(mark({ kind: 'figure', text: t, labels: figureLabels(text, m.index, m.index + t.length) }, m.index));
  }
  return [...out, ...monthsOf(text, mark), ...settingsOf(text, asksPlace)];
}

/**
 * An occasion the question sets its event at: "in the virtual meeting on security", "during the
 * televised debate", "at the first-anniversary ceremony". Its own describing words tell it from the
 * other meetings, debates and ceremonies of a story; names are settings (`settingsOf`), and words
 * that describe any occasion ("recent", "official") tell nothing apart.
 */
const OCCASION = /\b(?:in|at|during)\s+(?:the|a|an|its|their|his|her)\s+((?:[a-z][a-z-]*\s+){1,3}?)(meeting|talks|summit|call|conference|session|interview|hearing|debate|ceremony|rally|speech|address|briefing|negotiations|dialogue)\b((?:\s+(?:on|about|over)\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)?)/g;

/** Describing words any occasion may have: they tell no meeting from another. */
const VAGUE_OCCASION = new Set(['recent', 'latest', 'last', 'first', 'second', 'third', 'new', 'same', 'other', 'official', 'joint', 'high-level', 'long', 'brief', 'short', 'special', 'key', 'major', 'big', 'final', 'next', 'previous', 'earlier', 'later', 'this', 'that', 'one', 'two', 'the']);

function occasionOf(text: string): string[] {
  return [...text.matchAll(OCCASION)].flatMap((m) => {
    const describing = `${m[1] ?? ''} ${(m[3] ?? '').replace(/^\s*(?:on|about|over)\s+/, '')}`;
    return wordForms(describing).filter((f) => !f.stop && f.norm.length > 2 && !VAGUE_OCCASION.has(f.norm)).map((f) => f.stem);
  });
}


/** Words after which a word of telling is a noun ("the *report*", "the second-phase *report*", "the board's *call*"). */
const BEFORE_NOUN = new Set(['DET', 'ADJ', 'NUM', 'PRON']);

/**
 * "What did the minister *tell* parliament?", "What did the inquiry *conclude*?": a what-question
 * whose verb, right after "did / has / will" and its subject, is one of reporting
 * ({@link STATEMENT_VERBS}). Its answer is what was said, so it must be reported. The subject's own
 * nouns ("the *report* of the institute") are passed by the words before them; the tagger's guess
 * is not trusted ("did Putin *call*" is tagged a noun).
 */
function asksStatementOf(forms: readonly WordForm[], type: AnswerType): boolean {
  if (type !== 'description' || forms[0]?.norm !== 'what' || !/^(?:did|does|do|has|have|had|will|would)$/.test(forms[1]?.norm ?? '')) return false;
  for (let i = 2; i < forms.length; i++) {
    const f = forms[i];
    const before = forms[i - 1];
    if (!f || !before) break;
    const noun = BEFORE_NOUN.has(before.pos) || before.possessive === true || before.afterHyphen === true || f.afterHyphen === true;
    if (STATEMENT_VERBS.has(f.lemma) && !noun && i > 2) return true;
    // Past the clause's verb: "What did the team *find* …" was decided above; another verb ends the search.
    if (f.pos === 'VERB' && !noun && i > 2) return false;
  }
  return false;
}

/**
 * A month the question dates its event by: "in July 2022", "by late May". After a preposition of
 * time, so the verb "may" is none, and "the May 2024 arrests" (a month that only names another
 * event the question refers to) is none either; not "9 May" or "May 9", which are days.
 */
const MONTH = /(?<!\d(?:st|nd|rd|th)?\s)\b(?:in|during|by|since|until|from|before|after)\s+(?:(?:early|late|mid)[\s-]+)?(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b(?!\s+\d{1,2}\b)/g;

function monthsOf(text: string, mark: <C extends Constraint>(c: C, at: number) => C): Constraint[] {
  const out: Constraint[] = [];
  for (const m of text.matchAll(MONTH)) {
    const month = monthNumber(m[1] ?? '');
    out.push(mark({ kind: 'month', month, ...(m[2] ? { year: Number(m[2]) } : {}), text: m[0].trim() }, m.index));
  }
  return out;
}

interface PartDraft {
  part: Omit<AskedPart, 'subject'> & { subject: QuestionTerm[] };
  forms: WordForm[];
}

const term = (f: WordForm, role: QuestionTerm['role']): QuestionTerm => ({ ...f, role, related: new Set(), broader: new Set() });

/** How many words after an adjective the noun it modifies may stand ("the fourth and final episode"). */
const MODIFIED_WITHIN = 3;

/** The lemma of the noun an adjective at `i` modifies: the first noun after it, past other adjectives and "and". */
function modifiedNoun(forms: readonly WordForm[], i: number): string | undefined {
  for (let j = i + 1; j <= i + MODIFIED_WITHIN; j++) {
    const f = forms[j];
    if (!f) return undefined;
    if (f.pos === 'NOUN') return f.lemma;
    if (!['ADJ', 'CCONJ', 'ADV'].includes(f.pos)) return undefined;
  }
  return undefined;
}

/** The question term for `forms[i]`, with the noun it modifies when it is an adjective. */
function termAt(f: WordForm, forms: readonly WordForm[], i: number, role: QuestionTerm['role']): QuestionTerm {
  const modifies = f.pos === 'ADJ' ? modifiedNoun(forms, i) : undefined;
  return { ...term(f, role), ...(modifies ? { modifies } : {}) };
}

/** Broader words too common to mean anything as a match ("get", "take", "change"). */
const VAGUE = new Set(['get', 'take', 'go', 'come', 'make', 'put', 'set', 'give', 'see', 'change', 'turn', 'move', 'run', 'work', 'act', 'pass', 'have', 'do', 'be', 'say', 'tell', 'hold', 'keep', 'let', 'bring', 'carry', 'feel', 'experience', 'travel', 'fall', 'happen', 'occur', 'place', 'reach', 'make it', 'use', 'find', 'show', 'state', 'stay', 'remain', 'call', 'name', 'know', 'think']);

/** Adverbs that open a question ("Roughly how many …", "Officially, who …"); a list, since names end in -ly too ("Kelly", "Italy"). */
const OPENING_ADVERB = /^(?:roughly|approximately|exactly|precisely|nearly|almost|about|around|just|overall|altogether|originally|initially|finally|ultimately|eventually|officially|reportedly|allegedly|apparently|specifically|currently|recently|so|and|but|also|then|now)$/;

/** Whether a word at position `i` is a name: a proper noun, or capitalised mid-sentence and not an adjective. */
function isName(f: WordForm, i: number, next?: WordForm): boolean {
  if (!/\p{L}/u.test(f.text) || CALENDAR_WORD.test(f.norm)) return false;
  // "Central American", "South Korean": part of a demonym.
  if (next && isDemonym(next.text) && /^(?:north|south|east|west|central|northern|southern|eastern|western|latin|sub-saharan)$/i.test(f.norm)) return false;
  const capital = /^\p{Lu}/u.test(f.text);
  // A question's first word is capitalised anyway: an adverb there ("Roughly how many …") names no one.
  if (i === 0 && OPENING_ADVERB.test(f.norm)) return false;
  if (f.pos === 'PROPN') return capital && !isDemonym(f.text);
  return capital && i > 0 && f.pos !== 'ADJ' && !f.stop && !isDemonym(f.text);
}

/** Analyses one part: its type from the interrogative phrase, its head, names, relation words and constraints. */
function analysePart(text: string): PartDraft {
  const { preamble, asked } = splitPreamble(text.trim());
  // "the Atlanta-based carrier": a name inside a description is a descriptive word here, not a name
  // the article must repeat (taggers split the compound, so it is lowered before tagging).
  const forms = wordForms(asked.replace(/\b\p{Lu}[\p{L}.]*(?=-(?:based|born|bred|led|backed|owned|made|registered|flagged|headquartered|linked|funded|style|era|bound|area)\b)/gu, (m) => m.toLowerCase()));
  const lower = asked.toLowerCase().replace(/^(?:(?:in|on|at|by|to|from|for|with|under|during|since|until|after|before|of|into|against|over|through|between)\s+)+/, '');
  // "Of what were they convicted?", "To what did she compare it?": "what" is the object of the
  // preposition before it, and the noun after the auxiliary is the clause's subject, not the asked category.
  const preposed = lower.length < asked.trimStart().length && /^what\s+(?:is|was|are|were|do|does|did|has|have|had|will|would|can|could)\b/.test(lower);
  const rule = preposed ? undefined : WH_RULES.find((r) => r.pattern.test(lower));
  let type: AnswerType = rule?.type ?? 'description';
  if (rule?.name === 'who' && IDENTITY_QUESTION.test(asked.trim())) type = 'description';
  const whEnd = forms.findIndex((f) => WH_WORDS.has(f.norm));
  let headStart = whEnd + 1;
  while (forms[headStart] && WH_WORDS.has(forms[headStart]?.norm ?? '')) headStart++;
  if (rule?.name === 'what-copula-head') headStart += 2;
  if (rule?.name === 'imperative-head') headStart = 1;
  if (rule?.name === 'name-of' || rule?.name === 'name-given') {
    // "the name of the suspect …", "name was given to the baby": the category is what follows "of" or "given to".
    const of = forms.findIndex((f, i) => (f.norm === 'of' && /^(?:nick)?names?$/.test(forms[i - 1]?.norm ?? '')) || (f.norm === 'to' && forms[i - 1]?.norm === 'given'));
    headStart = of + 1;
    while (forms[headStart]?.pos === 'DET') headStart++;
    // "the name of the Dali's captain": the owner is whom the question is about, the category follows it.
    // Not past a common noun or "of": in "the pilot of Prigozhin's jet" the category is the pilot.
    const window = forms.slice(headStart, headStart + 4);
    const owner = window.findIndex((f) => f.possessive);
    if (owner >= 0 && !window.slice(0, owner).some((f) => f.pos === 'NOUN' || f.norm === 'of')) headStart += owner + 1;
  }
  const phrase = rule?.head ? headPhrase(forms, Math.max(0, headStart)) : { indices: [], head: undefined, expected: undefined };
  const headIdx = new Set(phrase.indices);
  const head: QuestionTerm[] = phrase.indices.flatMap((i) => (forms[i] ? [termAt(forms[i], forms, i, 'head')] : []));
  // The head noun decides "which/what X" types; "how many/much" stay numbers whatever the noun.
  const headNoun = phrase.head !== undefined ? forms[phrase.head] : undefined;
  const asksName = rule?.name === 'name-of' || rule?.name === 'name-given';
  const needsHeadType = rule?.name === 'which-what-head' || rule?.name === 'what-copula-head' || rule?.name === 'imperative-head' || asksName;

  const subject: QuestionTerm[] = [];
  const relation: QuestionTerm[] = [];
  const seen = new Set<string>();
  forms.forEach((f, i) => {
    if (i <= whEnd && WH_WORDS.has(f.norm)) return;
    // "How old", "how long", "how far": the adjective is the question's own word; articles write the measure ("38", "six days").
    if (rule?.name === 'how-measure' && i === whEnd + 1) return;
    // "the name of the suspect": a sentence must still speak of the suspect, so the noun is asked about too.
    const namedHead = asksName && f.pos === 'NOUN';
    if ((headIdx.has(i) && !namedHead) || seen.has(f.stem) || FRAMING.has(f.norm) || f.norm.length < 2) return;
    if (/^\d/.test(f.norm)) return; // numbers are constraints, not words to match
    if (isName(f, i, forms[i + 1])) {
      seen.add(f.stem);
      subject.push(term(f, 'subject'));
      return;
    }
    // "did Binance *back* out": a phrasal verb's verb is asked about, whatever the tagger made of it.
    const phrasal = phrasalVerbAt(forms, i) !== undefined;
    if (!phrasal && (f.stop || ['PUNCT', 'SYM', 'AUX', 'DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'NUM'].includes(f.pos))) return;
    seen.add(f.stem);
    const t = termAt(f, forms, i, 'relation');
    // A clause after the question's own verb says which thing or statement is meant, not what is asked of it:
    // "was the party conference held *that chose Roe as its candidate*", "did Putin say *that grenade fragments were found*".
    relation.push(inRelativeClause(forms, i) ? { ...t, identifying: true } : t);
  });
  const predicate = pickPredicate(forms, relation);
  const doer = doerOf(forms, predicate);
  const occasion = occasionOf(text);
  const asksStatement = asksStatementOf(forms, type);
  // Each preamble word keeps its place: the part's first word ("Roughly how many …") is capitalised anyway.
  const opensPart = preamble.trim() !== '' && text.trim().startsWith(preamble.trim());
  const context = wordForms(preamble)
    .map((f, i) => ({ f, at: opensPart ? i : i + 1 }))
    .filter(({ f }) => !f.stop && !FRAMING.has(f.norm) && /\p{L}/u.test(f.text) && !['PUNCT', 'AUX', 'DET', 'ADP', 'PRON'].includes(f.pos));
  const preambleTerms = context.map(({ f, at }): QuestionTerm => (isName(f, at) ? term(f, 'subject') : { ...term(f, 'context'), identifying: true }));
  return {
    part: {
      text: text.trim(),
      type: needsHeadType ? type : type,
      head,
      expected: phrase.expected,
      subject: [...subject, ...preambleTerms.filter((t) => t.role === 'subject' && !subject.some((s) => s.stem === t.stem))],
      // Names in an attribution ("According to the Reuters report, …") say where to look, not what the article must name.
      // "Baku and Yerevan" are two names an article must mention, wherever it does (a body named "X and Y" still has both).
      names: namePhrases(forms, asked).flatMap((n) => n.split(/\s+and\s+/)).map((n) => allianceHead(n, asked)),
      relation: [...relation, ...preambleTerms.filter((t) => t.role === 'context' && !relation.some((r) => r.stem === t.stem))],
      predicate,
      ...(doer.length > 0 ? { doer } : {}),
      ...(occasion.length > 0 ? { occasion } : {}),
      constraints: withoutAskedLabels(constraintsOf(text, type === 'place'), head),
      ...(asksName ? { asksName } : {}),
      ...(asksStatement ? { asksStatement } : {}),
    },
    forms: headNoun ? [headNoun] : [],
  };
}

/**
 * "When did Allison Hooker *visit* the region?": after "did" and a subject that is a name, the next
 * word is the verb when an object or adverbial follows it, though taggers read it as a noun ("visit",
 * "fire", "host"); without this the subject's run went on through the object and its last noun
 * ("region") was taken for the verb. A possessive name is a subject only with the noun it owns
 * ("did *Japan's premier* tour the plant"), not alone ("did Hooker's visit begin").
 */
function verbAfterNamedSubject(forms: readonly WordForm[], aux: number): WordForm | undefined {
  if (aux < 0 || forms[aux]?.lemma !== 'do') return undefined;
  let k = aux + 1;
  while (forms[k]?.pos === 'PROPN' && forms[k]?.possessive !== true) k++;
  // "did *Japan's premier* tour the plant": a possessive name and the one noun it owns are the subject.
  const owner = forms[k]?.pos === 'PROPN' && forms[k]?.possessive === true && ['NOUN', 'ADJ'].includes(forms[k + 1]?.pos ?? '');
  if (owner) k += 2;
  const word = forms[k];
  const next = forms[k + 1];
  if (k === aux + 1 || (!owner && forms[k - 1]?.possessive === true) || !word || !['NOUN', 'VERB'].includes(word.pos)) return undefined;
  return next === undefined || ['DET', 'ADP', 'PRON', 'NUM', 'ADV'].includes(next.pos) ? word : undefined;
}

/**
 * The auxiliary of the question's own clause: not one inside a clause the question opens later
 * ("Which banker *took over* the treasury *when* the party chief *was* dismissed?"), when a verb
 * comes before that clause. -1 when there is none.
 */
function mainAuxiliary(forms: readonly WordForm[]): number {
  const aux = forms.findIndex((f) => f.pos === 'AUX');
  // "Which company operated the boat that *was* hit?", "Which body announced that tests *had*
  // identified…": the auxiliary of a clause after the question's own verb is that clause's.
  // "Singapore-*based*" is part of a compound adjective, no verb of the question's own.
  const own = forms.map((f) => (f.afterHyphen === true && f.pos === 'VERB' ? { ...f, pos: 'ADJ' } : f));
  if (aux >= 0 && inRelativeClause(own, aux)) return -1;
  const opener = clauseOpener(forms);
  if (aux < 0 || opener < 0 || aux < opener) return aux;
  return forms.slice(1, opener).some((f) => f.pos === 'VERB') ? -1 : aux;
}

/** Where the question opens a clause of its own ("… *when* the chief was dismissed"), or -1. */
function clauseOpener(forms: readonly WordForm[]): number {
  return forms.findIndex((f, i) => i > 0 && CLAUSE_OPENERS.has(f.norm));
}

/**
 * Whether `forms[i]` is in a relative clause after the question's own verb ("Who *brokered* the deal
 * under *which* Prigozhin called off his march?"), not after a subject's ("did the fires *that*
 * destroyed Lahaina break out").
 */
function inRelativeClause(forms: readonly WordForm[], i: number): boolean {
  const relative = forms.slice(0, i).findLastIndex((f) => /^(?:that|which|who|whom|whose)$/.test(f.norm));
  return relative > 0 && forms.slice(1, relative).some((f) => f.pos === 'VERB');
}

/** Auxiliaries after which the subject does the action ("did X send"); after "was" it has it done to it. */
const ACTIVE_AUX = new Set(['do', 'have', 'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must']);

/**
 * Who did the asked action, when the question names them: the stems of the words between an active
 * auxiliary and the predicate ("did *Qatar* send", "did *the San José mine* collapse"), when a name
 * is among them. Without a name ("did the team pull") an article may call the doer anything.
 */
function doerOf(forms: readonly WordForm[], predicate: QuestionTerm | undefined): string[] {
  const aux = forms.findIndex((f) => f.pos === 'AUX');
  // "did President Roe *make* her first visit": a light verb is no predicate, but its subject still acted.
  const verb = predicate ? forms.findIndex((f, i) => i > aux && f.stem === predicate.stem) : forms.findIndex((f, i) => i > aux + 1 && f.pos === 'VERB' && LIGHT_VERBS.has(f.lemma));
  if (aux < 0 || verb < 0 || !ACTIVE_AUX.has(forms[aux]?.lemma ?? '')) return [];
  const words = forms.slice(aux + 1, verb).filter((f) => (f.pos === 'PROPN' || f.pos === 'NOUN') && !f.stop);
  if (!words.some((f) => f.pos === 'PROPN')) return [];
  // A title is no doer's name: "President" is also the other president's ("Former President Trump visited").
  const named = words.filter((f) => !isTitleWord(f.norm));
  return (named.length > 0 ? named : words).map((f) => f.stem);
}

/** Adverbs that open a subordinate clause: what follows them is another event, not the asked verb. */
const CLAUSE_OPENERS = new Set(['when', 'where', 'whenever', 'wherever', 'once', 'while', 'as', 'after', 'before', 'since', 'until', 'because']);

/** The index of a verb at or after `from` before the clause ends ("when", "after" or the question's end), or -1. */
function verbFollows(forms: readonly WordForm[], from: number): number {
  for (let i = from; i < forms.length; i++) {
    const f = forms[i];
    if (!f || CLAUSE_OPENERS.has(f.norm) || f.pos === 'SCONJ') return -1;
    // After a determiner or a possessive name the tagger's "verb" is a noun ("the Dali's bow").
    if (f.pos === 'VERB' && !['DET', 'PART', 'PROPN'].includes(forms[i - 1]?.pos ?? '')) return i;
  }
  return -1;
}

/**
 * Verbs that frame rather than state the asked fact ("was *named* as responsible", "is
 * *described* as", "*reported*"): never the predicate an answer must contain.
 */
const FRAMING_VERBS = new Set(['name', 'describe', 'call', 'consider', 'report', 'believe', 'think', 'see', 'deem', 'expect', 'say', 'tell', 'know', 'mention', 'state', 'suggest', 'quote', 'cite', 'list', 'end', 'happen', 'base', 'want', 'need']);

/**
 * Whether the word at `i` joins two nouns inside a subject ("did *Delta and CrowdStrike* settle",
 * "did *the trial of the suspects* begin", "did *the party conference in Riesa* start"): "and",
 * "or", "of" or a preposition of place between a noun and the next noun phrase. Without this the
 * subject ended at the joining word and its first noun was read as the verb.
 */
function joinsSubject(forms: readonly WordForm[], i: number): boolean {
  const before = forms[i - 1]?.pos ?? '';
  const after = forms[i + 1]?.pos ?? '';
  // "the stand-in chief": a word of a hyphenated compound joins nothing.
  return /^(?:and|or|of|in|at|from|near|around|for|on)$/.test(forms[i]?.norm ?? '') && forms[i]?.afterHyphen !== true && ['NOUN', 'PROPN'].includes(before) && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(after);
}

/**
 * Verbs the tagger reads as adjectives after a question's subject ("did the county *open*
 * shelters", "did Acme *close* its plant"): words that are adjectives too, and verbs of news
 * ("open", "close", "clear", "free", "secure", "complete", "empty", "lower", "slow", "double").
 */
const ADJECTIVE_VERBS = new Set(['open', 'close', 'clear', 'free', 'secure', 'complete', 'empty', 'lower', 'slow', 'double', 'triple', 'calm', 'dry', 'clean']);

/** After "did" and a subject ending in a noun, a word of `ADJECTIVE_VERBS` is the verb, not a word of the subject. */
function adjectiveAsVerb(forms: readonly WordForm[], aux: number, i: number): boolean {
  const word = forms[i];
  const before = forms[i - 1];
  return forms[aux]?.lemma === 'do' && i > aux + 1 && word?.pos === 'ADJ' && ADJECTIVE_VERBS.has(word.norm) && (before?.pos === 'NOUN' || before?.pos === 'PROPN') && before.possessive !== true;
}

/**
 * "How much did the jury *award* Delta?", "When did President Roe *visit* Eastport?": the tagger reads a verb before its named object as a
 * noun, so the subject's run ends on the name. A run that ends in a name after a common noun, with
 * a word of the subject before that noun, has its verb in that noun: a subject is not written
 * "the jury award Delta", and a name set beside a title ("the airline's chief Ed Bastian") is
 * followed by its own verb, which ends the run earlier.
 */
function nounVerbBeforeName(forms: readonly WordForm[], aux: number, at: number): number {
  // After "was" the noun before a name is a title ("was the chief architect Jane Roe"), not a verb.
  if (forms[at]?.pos !== 'PROPN' || forms[aux]?.lemma !== 'do') return at;
  let k = at;
  while (k > aux + 1 && forms[k - 1]?.pos === 'PROPN') k--;
  const noun = k - 1;
  // After an article or adjective the noun names the thing ("did divers board *the ferry* Sample Star").
  const before = forms[noun - 1]?.pos ?? '';
  return noun > aux + 1 && forms[noun]?.pos === 'NOUN' && !forms[noun]?.possessive && ['NOUN', 'PROPN'].includes(before) ? noun : at;
}

/**
 * "Who was *named* the bank's chief executive", "named the new head": "name" with a role
 * after it is an appointment, the asked action. Only as a framing verb ("was named as responsible",
 * "named in the report") does it state nothing of its own.
 */
function appoints(forms: readonly WordForm[], i: number): boolean {
  const next = forms[i + 1];
  return forms[i]?.lemma === 'name' && next !== undefined && ['DET', 'NOUN', 'PROPN'].includes(next.pos);
}

/**
 * The main verb, what an answer must state. After "did/was <subject>" it is the word that ends the
 * subject (taggers read "did Scholz fire" as a noun "fire"); without an auxiliary, the first verb
 * that does not modify a noun ("the elected official", "a botched patch"). A light or framing verb
 * ("get", "make", "named as") states nothing of its own: the question then has no predicate.
 */
function pickPredicate(forms: WordForm[], relation: QuestionTerm[]): QuestionTerm | undefined {
  const find = (f: WordForm | undefined) => (f ? relation.find((t) => t.stem === f.stem) : undefined);
  // "took over", "stepped down": with its particle a light verb is the asked action.
  const weak = (f: WordForm) => (LIGHT_VERBS.has(f.lemma) || FRAMING_VERBS.has(f.lemma)) && phrasalVerbAt(forms, forms.indexOf(f)) === undefined && !appoints(forms, forms.indexOf(f));
  const aux = mainAuxiliary(forms);
  // "did the fires that destroyed Lahaina *break out*": a phrasal verb of the question's own clause
  // is its action, past a subject's relative clause ("that destroyed Lahaina").
  const opener = clauseOpener(forms);
  const phrasal = forms.findIndex((f, i) => i > Math.max(0, aux) && (opener < 0 || i < opener) && phrasalVerbAt(forms, i) !== undefined && !inRelativeClause(forms, i));
  if (phrasal >= 0) return find(forms[phrasal]);
  const afterName = verbAfterNamedSubject(forms, aux);
  if (afterName) return weak(afterName) ? undefined : find(afterName);
  if (aux >= 0) {
    // "Who was *named* the bank's chief", "How many were *arrested* in May": a participle right after
    // "was" is the passive verb, whatever nouns follow it (they are its complement, not its subject).
    // Only when the asked thing is the subject ("who", "which company", "how many"): after "when were"
    // the subject comes first ("When were *evacuated* residents allowed back?"). Not before "to":
    // "were *allowed* to leave" asks whether they left.
    const next = forms[aux + 1];
    const asksSubject = /^(?:who|what|which|how (?:many|much))$/.test(forms.slice(0, forms[0]?.norm === 'how' ? 2 : 1).map((f) => f.norm).join(' '));
    if (asksSubject && forms[aux]?.lemma === 'be' && next?.pos === 'VERB' && !/ing$/.test(next.norm) && forms[aux + 2]?.norm !== 'to') return weak(next) ? undefined : find(next);
    const runEnd = (joins: boolean) => {
      let end = aux + 1;
      while (end < forms.length && (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART', 'VERB'].includes(forms[end]?.pos ?? '') || (joins && joinsSubject(forms, end)))) {
        if (forms[end]?.pos === 'VERB' && end > aux + 1 && forms[end - 1]?.pos !== 'ADJ') break;
        if (adjectiveAsVerb(forms, aux, end)) break;
        end++;
      }
      return end;
    };
    // A subject joined by "and" or "of" counts only when a verb follows it: in "what was the
    // magnitude of the second quake" no verb does, and "of" starts no subject of a verb.
    const joined = runEnd(true);
    let end = forms[joined]?.pos === 'VERB' ? joined : runEnd(false);
    // "did President Steinmeier formally dissolve …": an adverb sits between the subject and its verb.
    // "when", "where", "once" start a clause of their own ("were killed *when* protesters stormed"), never such an adverb.
    while (forms[end]?.pos === 'ADV' && !CLAUSE_OPENERS.has(forms[end]?.norm ?? '') && ['VERB', 'NOUN'].includes(forms[end + 1]?.pos ?? '')) end++;
    // A participle right after the run starts a clause of its own ("did Scholz fire, bringing down …"):
    // the verb is the run's last word. After "was" it is the verb itself ("was the plane flying when
    // it crashed"), unless another verb follows in the same clause: then the -ing word describes the
    // subject and the later verb is the asked one ("was the reopening ceremony *moved*").
    const ing = forms[end]?.pos === 'VERB' && /ing$/.test(forms[end]?.norm ?? '');
    const passive = ing && forms[aux]?.lemma === 'be' ? verbFollows(forms, end + 1) : -1;
    const participle = ing && end - 1 > aux + 1 && forms[aux]?.lemma !== 'be';
    const verbAt = passive >= 0 ? passive : !participle && (forms[end]?.pos === 'VERB' || forms[end - 1]?.pos === 'ADV' || adjectiveAsVerb(forms, aux, end)) ? end : end - 1;
    const verb = forms[nounVerbBeforeName(forms, aux, verbAt)];
    if (verb && verbAt > aux) return weak(verb) ? undefined : find(verb);
  }
  // "the elected official", "a botched patch": after an article or adjective, a participle before
  // a noun modifies it. Right after "who" or the asked noun it is the verb ("Who founded Wagner?").
  const modifies = (i: number) => /(?:ed|ing)$/.test(forms[i]?.norm ?? '') && ['NOUN', 'PROPN'].includes(forms[i + 1]?.pos ?? '') && ['DET', 'ADJ', 'ADV', 'ADP', 'NUM'].includes(forms[i - 1]?.pos ?? '');
  const verb = forms.find((f, i) => f.pos === 'VERB' && !modifies(i));
  return verb && !weak(verb) ? find(verb) : undefined;
}

/** Fills each term's related words, and the type of "which X" parts from the head noun's category. */
async function enrich(draft: PartDraft, lexicon: Lexicon | undefined): Promise<AskedPart> {
  const { part } = draft;
  const headNoun = draft.forms[0];
  let type = part.type;
  if (headNoun && part.type === 'named') type = typeFromHead(headNoun.lemma, lexicon ? await lexicon.nounCategory(headNoun.lemma) : undefined);
  if (!lexicon) return { ...part, type };
  // "The top diplomat", "the stand-in chief executive": what articles write instead (NEWS_PARAPHRASES).
  const roles = newsParaphrases(part.text);
  // "break out", "take over": WordNet's words for the bare verb ("smash", "destroy"; "get") are other senses.
  const phrasal = new Set(phrasalVerbsIn(part.text).map((p) => p.verb));
  const fill = async (t: QuestionTerm): Promise<QuestionTerm> => {
    if (t.role === 'subject') return t;
    const titles = roles.get(t.lemma) ?? [];
    if (phrasal.has(t.lemma)) return { ...t, related: new Set(titles), broader: new Set() };
    const [wordnet, broader] = await Promise.all([lexicon.related(t.lemma, wordClassOf(t)), lexicon.broader(t.lemma, wordClassOf(t))]);
    const related = titles.length > 0 ? new Set([...wordnet, ...titles]) : wordnet;
    const opposed = t.modifies ? await lexicon.opposed(t.lemma) : undefined;
    return { ...t, related, broader: new Set([...broader].filter((w) => !VAGUE.has(w) && w.length >= 4)), ...(opposed && opposed.size > 0 ? { opposed } : {}) };
  };
  const relation = await Promise.all(part.relation.map(fill));
  const head = await Promise.all(part.head.map(fill));
  const predicate = part.predicate ? relation.find((t) => t.stem === part.predicate?.stem) : undefined;
  // Retrieval looks for the titles too: the description's own words may be in no article.
  const titles = [...roles.values()].flat();
  const query = titles.length > 0 ? `${part.query ?? part.text} ${titles.join(' ')}` : part.query;
  return { ...part, type, relation, head, predicate, ...(query !== undefined ? { query } : {}) };
}

/** Split rules whose parts differ exactly in their setting ("in the first round and in the runoff"). */
const SETTING_RULES = new Set(['repeated-preposition', 'colon-enumeration', 'time-between', 'time-after', 'each-of-two', 'paired-ordinals']);

/**
 * A clause that places a part in time of its own ("when she was elected", "after the visit"), or a
 * time counted from the first part's ("a year later", "the next day", "two weeks afterwards").
 */
const OWN_TIME = /\b(?:when|after|before|during|since|until|while|later|earlier|afterwards?|next|following|previous)\b/i;

/**
 * Whether a later part shares the first part's year, day or ordinal ("…in the first round, and how
 * many did he need?"). Not when the parts were split by their setting, nor when the later part has
 * a time of its own: "in the runoff" is not in the first round.
 */
function carriesSetting(rule: string | undefined, text: string): boolean {
  return !(rule !== undefined && SETTING_RULES.has(rule)) && !OWN_TIME.test(text);
}

/** A singular personal pronoun: after a who-question, it stands for the person that answers it. */
const SINGULAR_PRONOUN = /\b(?:he|she|him|her|his|hers)\b/i;

/** A personal pronoun: in a later part it stands for someone the first part names. */
const PERSONAL_PRONOUN = /\b(?:he|she|him|her|his|hers|they|them|their)\b/i;

/**
 * A later part with names of its own and a pronoun ("…, and on what date did the AfD choose her?")
 * is also about the first part's names: they join its retrieval query, and its words as weak context.
 */
function carryNames(part: AskedPart, first: AskedPart): void {
  const own = new Set(part.subject.map((t) => t.stem));
  const names = first.subject.filter((t) => !own.has(t.stem));
  if (names.length === 0) return;
  part.query = `${part.text} ${names.map((t) => t.text).join(' ')}`;
  part.relation = [...part.relation, ...names.map((t) => ({ ...t, role: 'context' as const }))];
}

/**
 * Analyses a question once, for retrieval and answering: what kind of answer it wants, the names it
 * is about, what it asks about them, its constraints, and its parts. Instructions or preamble
 * before the last interrogative sentence only count as weak context.
 * @param lexicon - WordNet (or a stand-in): related words and head-noun categories. Without it,
 *   only exact forms match and "which X" questions are typed by the built-in head table.
 */
export async function analyzeQuestion(question: string, lexicon?: Lexicon): Promise<QuestionAnalysis> {
  const focus = focusClause(question);
  const before = question.slice(0, Math.max(0, question.lastIndexOf(focus))).trim();
  const split = splitQuestion(focus);
  const drafts = split.parts.map(analysePart);
  // A part without names of its own ("…, and how many would he have needed?") is about the same subject.
  const first = drafts[0]?.part;
  for (const d of drafts.slice(1)) {
    if (!first) break;
    // "Who chaired it, and how many votes had she received?": she is whoever answers the first part.
    if (d.part.subject.length === 0 && first.type === 'person' && SINGULAR_PRONOUN.test(d.part.text)) d.part.answerOf = 0;
    // Carried-over names guide the scoring but do not rule articles out: the second fact may be told without them.
    if (d.part.subject.length === 0) d.part.subject = first.subject;
    else if (PERSONAL_PRONOUN.test(d.part.text)) carryNames(d.part, first);
    if (d.part.type === 'number' && d.part.head.length === 0) d.part.head = first.head;
    const carried = first.relation.filter((t) => !d.part.relation.some((r) => r.stem === t.stem)).map((t) => ({ ...t, role: 'context' as const }));
    d.part.relation = [...d.part.relation, ...carried];
    // A place is not carried: in "Which airbase near Rawalpindi did India strike, and what did Pakistan call
    // its reply?" it places the first part's answer, not the second part's event, and places gate.
    if (d.part.constraints.length === 0 && carriesSetting(split.rule, d.part.text)) d.part.constraints = first.constraints.filter((c) => c.kind !== 'figure' && c.kind !== 'place');
  }
  const context = wordForms(before)
    .filter((f) => !f.stop && /\p{L}/u.test(f.text) && !['PUNCT', 'AUX', 'DET', 'ADP', 'PRON'].includes(f.pos))
    .map((f) => term(f, 'context'));
  // Sentences before the question proper ("The judge noted that … Who is that president?") are weak context for every part.
  for (const d of drafts) {
    const own = new Set([...d.part.relation, ...d.part.subject].map((t) => t.stem));
    d.part.relation = [...d.part.relation, ...context.filter((t) => !own.has(t.stem) && own.add(t.stem))];
  }
  const parts = await Promise.all(drafts.map((d) => enrich(d, lexicon)));
  const interval = split.rule === 'time-between' || split.rule === 'time-after';
  return { question, focus, context, parts, ...(interval ? { interval } : {}) };
}

/** All words of the analysis a passage should contain, for retrieval: names, relation, head and context. */
export function analysisQuery(analysis: QuestionAnalysis): string {
  return analysis.focus;
}
