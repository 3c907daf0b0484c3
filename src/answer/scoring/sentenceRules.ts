import { INLINE_TEASER } from '../../ingest/cleanArticle.js';
import type { SentenceAssessment } from './SentenceAssessment.js';
import type { TermMatch } from '../evidence/matchTerms.js';
import { escapeRegExp } from '../../util/escapeRegExp.js';
import { namesTheHead } from '../evidence/namesTheHead.js';
import { mentionsName } from '../evidence/mentionsName.js';
import { sentenceNames } from '../sentenceEntities.js';
import { isDemonym } from '../isDemonym.js';
import { isTitleWord, mayBeTitle } from '../titles.js';
import { isCapital, placeAliases } from '../placeAliases.js';
import { normsMatch, termsMatch } from '../termsMatch.js';
import { sentenceForms } from '../wordForms.js';
import type { Token } from '../evidence/EvidenceSentence.js';
import { STATEMENT_VERBS } from '../statementVerbs.js';
import { CALENDAR_WORD } from '../../util/calendarWord.js';
import { asksPassive } from '../evidence/candidateRules.js';
import { datePrecision } from './sentenceFeatures.js';

/** A reason a sentence cannot answer a part of the question, whatever its other evidence. */
export interface SentenceRule {
  name: string;
  /** Why, in a journalist's terms. */
  reason: string;
  rejects(a: SentenceAssessment): boolean;
}

const TYPED = new Set(['person', 'date', 'number']);

/**
 * Verbs of telling, of foreseeing and of asking ("announce", "project", "seek", "request"): the
 * asked fact is what was told, foreseen or asked for, and articles give it with any such verb or
 * none ("said", "expects", "launched a $1 billion appeal"), so their absence says nothing about
 * whether the fact is stated.
 */
const TELLING = new Set(['announce', 'say', 'tell', 'report', 'disclose', 'confirm', 'reveal', 'state', 'declare', 'publish', 'release', 'unveil', 'present', 'issue', 'project', 'estimate', 'predict', 'forecast', 'expect', 'schedule', 'plan', 'set', 'seek', 'request', 'ask', 'demand']);

/**
 * An exception and what it excepts, up to the next comma, dash or sentence end ("apart from the
 * mayor,"), with a name set off after it ("apart from the president's brother, Prime Minister Jane Roe,").
 */
const EXCEPTION = /\b(?:apart from|except(?: for)?|other than|excluding|with the exception of|save for|but not)\s+[^,;:—–()]+(?:,\s+(?:\p{Lu}[\p{L}.'’-]*\s*)+(?=,))?/gu;

/** A question about what has happened ("what did the report conclude", "when was it published"), not what will. */
const ASKS_PAST = /\b(?:did|was|were|had)\b/i;
const ASKS_FUTURE = /\b(?:will|would|shall|is (?:expected|due|set|planned|scheduled)|are (?:expected|due|set|planned|scheduled))\b/i;

/**
 * Words that, just before a verb or noun, say it has not happened or is only intended ("does not
 * assign", "has yet to name", "intends to publish"), or was only attempted, refused or threatened
 * ("tried to resolve the dispute", "failed to agree", "refused to resign", "threatened to sue"),
 * or only forecast ("the ship is expected to arrive on Tuesday"). Not "will" or "is due to": news
 * announces what then happens as planned ("Jane Roe will replace him", "the panel will hold a
 * hearing"), while a forecast says it is not known.
 */
const UNREALISED = /^(?:not|n't|never|no|yet|intends?|intended|hopes?|wants?|expect(?:s|ed)?|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|s(?:eek|eeks|eeking|ought)|fail(?:s|ed|ing)?|refus(?:e|es|ed|ing)|threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?)$/;

/** The question asks about an intention itself ("promise to deliver", "named to replace"): its action is to come there too. */
function asksIntention(a: SentenceAssessment): boolean {
  const verb = a.part.predicate?.text;
  return verb !== undefined && new RegExp(`\\bto\\s+${escapeRegExp(verb)}\\b`, 'i').test(a.part.text);
}

/** How many words before the asked action a negation or future may stand ("will formally assign a"). */
const UNREALISED_WINDOW = 3;

/** Whether a question word is found in the sentence as itself or a WordNet relative, not only by vector similarity. */
function stated(m: TermMatch | undefined): m is TermMatch {
  return m !== undefined && (m.level === 'exact' || m.level === 'related');
}

/** Whether the sentence's word for the asked action (or, without one, the asked thing) is negated or still to come. */
function statesOnlyUnrealised(a: SentenceAssessment): boolean {
  const token = (m: TermMatch | undefined) => (stated(m) ? m.token : undefined);
  const anchor = token(a.predicate) ?? (a.part.predicate ? undefined : a.head.map(token).find((t) => t !== undefined));
  if (!anchor) return false;
  const before = a.sentence.tokens.slice(Math.max(0, anchor.index - UNREALISED_WINDOW), anchor.index);
  // "What could the authority seek?": a word the question uses itself is what it asks about.
  const asked = new Set(a.part.text.toLowerCase().match(/[\p{L}']+/gu) ?? []);
  return before.some((t) => UNREALISED.test(t.norm) && !asked.has(t.norm));
}

/**
 * A sentence saying the asked thing was withheld or is not known ("The company has not disclosed the
 * name of the captain", "Police declined to name him", "The cause is not yet known"), or is still
 * to be decided ("The Bureau of Prisons will decide where he serves his sentence").
 */
const WITHHELD = /\b(?:(?:has|have|had|did|does|do|was|were|is|are|been)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:disclosed?|released?|identified|named|made public|revealed|given|confirmed|known|determined|established)|(?:declined|refused|would not|wouldn't|did not|didn't)\s+(?:to\s+)?(?:name|identify|disclose|reveal|say|give|comment)|(?:not|never)\s+(?:been\s+)?(?:publicly\s+)?(?:disclosed|identified|named|released|revealed|made public)|(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?(?:unknown|unclear|undisclosed|unnamed|not known)|(?:will|would|(?:has|have|is|are)\s+yet\s+to|(?:is|are)\s+to)\s+(?:decide|determine|choose|be decided|be determined|be chosen)\s+(?:where|when|who|whom|which|how much|how many|how long))\b/i;

/**
 * A sentence that says the cause is not known or not given ("The cause of death has not been
 * disclosed", "Investigators have not determined what caused the fire", "The motive remains unclear"), or
 * only that it was no crime ("Police said the death was not being treated as suspicious").
 */
const CAUSE_UNKNOWN = /\b(?:(?:cause|causes|reason|reasons|motive|motives)\b(?:\s+(?:of|for|behind)\s+[^,.;]{1,40}?)?\s+(?:(?:has|have|had|is|are|was|were)\s+(?:not\s+(?:yet\s+)?(?:been\s+)?(?:disclosed|released|determined|established|known|given|made public|revealed|confirmed)|(?:still\s+)?(?:unknown|unclear|undisclosed|under investigation))|remains?\s+(?:unknown|unclear|undisclosed|under investigation))|(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:determined|established|disclosed|said|explained)\s+(?:what|why)\s+(?:caused|led|prompted)|\bnot\s+(?:being\s+)?treated\s+as\s+suspicious|\bno\s+(?:suspicious\s+circumstances|third[- ]party\s+involvement))/i;

/** Whether the sentence's words for the asked thing (its head, else its predicate) are found in it. */
function mentionsAsked(a: SentenceAssessment): boolean {
  return a.head.some(stated) || stated(a.predicate) || a.relation.some(stated);
}

/**
 * A live blog's own chrome ("That's where we'll leave our live coverage for today", "Follow our live
 * coverage") and an embedded post's credit line ("— Jane Roe (@janeroe) April 3, 2031").
 */
const PAGE_CHROME = /\b(?:(?:leave|end|pause|wrap up|close) (?:our|this|the) live (?:coverage|blog|updates)|follow (?:our|along with our|the) live (?:coverage|blog|updates)|(?:this|our) live (?:blog|coverage) (?:has|is) (?:now )?(?:ended|closed|paused))\b|^[-—–]\s*[\p{L}][\p{L} .'’-]{0,60}\(@\w+\)/iu;

/** How many words after the opposite adjective the modified noun may stand ("an interim crisis administrator"). */
const OPPOSED_WITHIN = 3;

/**
 * Whether the sentence gives the asked noun the opposite modifier of the question's, and never its
 * own: "interim administrator" for "the permanent administrator", "the opening episode" for "the
 * final episode".
 */
function saysOpposite(a: SentenceAssessment): boolean {
  const tokens = a.sentence.tokens;
  return [...a.part.relation, ...a.part.head].some((t) => {
    const { opposed, modifies } = t;
    if (!opposed || !modifies || tokens.some((k) => k.lemma === t.lemma || k.norm === t.norm)) return false;
    return tokens.some((k, i) => (opposed.has(k.lemma) || opposed.has(k.norm)) && tokens.slice(i + 1, i + 1 + OPPOSED_WITHIN).some((n) => n.lemma === modifies));
  });
}

/**
 * Nouns a count is written without ("28 were killed", "turnout was 56%", "up 5 per cent", "$3 billion"
 * for "how much money"): their absence from a sentence says nothing.
 */
const IMPLICIT_HEADS = new Set(['people', 'person', 'persons', 'time', 'times', 'share', 'percentage', 'percent', 'proportion', 'rate', 'turnout', 'margin', 'majority', 'amount', 'number', 'total', 'figure', 'sum', 'much', 'many', 'value', 'price', 'level', 'money', 'cash']);

/**
 * Whether a how-many / how-much part names what it counts ("how many containers", "how much
 * compensation") and the sentence states neither that noun nor the asked action in any form.
 */
/** "How much was …", "How many were …": a count asked with no verb of its own. */
const COPULA_COUNT = /\bhow (?:much|many)\s+(?:was|is|were|are|has been|had been)\b/i;

function countedNotStated(a: SentenceAssessment): boolean {
  if (a.part.type !== 'number') return false;
  const heads = a.part.head.map((t, i) => ({ t, m: a.head[i] })).filter(({ t }) => t.pos === 'NOUN' && !IMPLICIT_HEADS.has(t.lemma) && !IMPLICIT_HEADS.has(t.norm));
  // "How much was her bail?": with no verb but "was", the question's first noun is what is counted.
  if (heads.length === 0) return COPULA_COUNT.test(a.part.text) && a.part.predicate !== undefined && !IMPLICIT_HEADS.has(a.part.predicate.lemma) && !stated(a.predicate);
  if (heads.some(({ m }) => stated(m))) return false;
  return !stated(a.predicate);
}

/**
 * Whether a how-many part names what it counts ("how many soldiers") and the sentence never states
 * it, while every figure the sentence gives counts something else by name ("1,000 volunteers",
 * "300 tents"): the figures are of another thing, whatever action they share with the question.
 */
function countsAnotherThing(a: SentenceAssessment): boolean {
  // "How much weight / oxygen" is measured in kilos or hours, which name no other thing.
  if (a.part.type !== 'number' || !/\bhow many\b/i.test(a.part.text)) return false;
  const heads = a.part.head.map((t, i) => ({ t, m: a.head[i] })).filter(({ t }) => t.pos === 'NOUN' && !IMPLICIT_HEADS.has(t.lemma) && !IMPLICIT_HEADS.has(t.norm));
  if (heads.length === 0 || heads.some(({ m }) => stated(m))) return false;
  const figures = a.candidates.filter((c) => c.candidate.source === 'number' || c.candidate.source === 'range');
  return figures.length > 0 && figures.every((c) => c.candidate.unit.some((u) => u.pos === 'NOUN') && (c.features['fit'] ?? 0) === 0);
}

/**
 * Whether the sentence gives the asked category another owner's name and never the question's:
 * "a long-time Microsoft executive" for "which Apple executive", "the Delta pilot" for "which
 * United pilot". The owner is a name inside the head phrase; nationalities are left out, since
 * "a US official" may be written "an American official".
 */
function ownedByAnother(a: SentenceAssessment): boolean {
  const noun = a.part.head.filter((t) => t.pos === 'NOUN').at(-1);
  const owners = a.part.head.filter((t) => t.pos === 'PROPN' && !isDemonym(t.text) && placeAliases(t.text).length === 0);
  if (!noun || owners.length === 0) return false;
  const tokens = a.sentence.tokens;
  if (owners.some((o) => tokens.some((t) => t.norm === o.norm))) return false;
  return tokens.some((t, i) => {
    const before = tokens[i - 1];
    // "Foreign Minister", "Chief Executive": a capitalised title word owns nothing.
    return i > 1 && t.lemma === noun.lemma && before !== undefined && /^\p{Lu}/u.test(before.text) && before.pos === 'PROPN' && !isDemonym(before.text) && !mayBeTitle(before.text);
  });
}

/**
 * Share of the question's relation words the sentences either side must state for a date to be
 * read as the date of the event they tell ("The bill has been introduced. It was laid before the
 * house on Wednesday."): at least half, so one shared topic word ("cave") does not count.
 */
const EVENT_TOLD_BESIDE = 0.5;

/**
 * Whether every content word of the sentence is a word of the question, or one WordNet relates to
 * it: "A curfew is imposed in Eastport." for "Why was a curfew imposed in Eastport?" restates what
 * was asked and adds nothing to it.
 */
function addsNothing(a: SentenceAssessment): boolean {
  const words = [...a.part.relation, ...a.part.subject, ...a.part.head];
  const asked = (t: Token) => words.some((w) => termsMatch(t, w) || w.related.has(t.lemma) || w.related.has(t.norm));
  const content = a.sentence.tokens.filter((t) => t.content);
  return content.length > 0 && content.every(asked);
}

/**
 * Whether the question speaks of its person as "he" and the sentence is about a "she", or the
 * other way round, with none of the question's names in the sentence: "She is due to give evidence"
 * for "What did John Doe say when he gave evidence?" is about someone else.
 */
function pronounOfAnother(a: SentenceAssessment): boolean {
  const male = /\b(?:he|his|him|himself)\b/i;
  const female = /\b(?:she|her|hers|herself)\b/i;
  const q = a.part.text;
  // The pronoun that would name someone else: "she" when the question speaks only of a "he".
  const other = male.test(q) && !female.test(q) ? female : female.test(q) && !male.test(q) ? male : undefined;
  const opening = /^\W*(he|she|his|her)\b/i.exec(a.sentence.text)?.[1];
  return other !== undefined && opening !== undefined && other.test(opening) && !a.subject.some(stated);
}

/**
 * Whether the question says who did the asked action ("How many did *the British team* pull from
 * the rubble?", "How many rescuers did *Qatar* send?") and neither the sentence nor the one before it
 * names that doer in any form: the figure or date is of someone else doing it ("One man said he
 * had pulled two children from the rubble").
 */
function doerNotStated(a: SentenceAssessment): boolean {
  const doer = a.part.doer ?? [];
  if (doer.length === 0 || !DOER_TYPES.has(a.part.type)) return false;
  const inSentence = (stem: string) => {
    const r = a.part.relation.findIndex((t) => t.stem === stem);
    const n = a.part.subject.findIndex((t) => t.stem === stem);
    return (r >= 0 && stated(a.relation[r])) || (n >= 0 && (a.subject[n]?.level ?? 'none') !== 'none') || a.sentence.tokens.some((t) => t.stem === stem);
  };
  if (doer.some(inSentence)) return false;
  // "I traveled to Incirlik": a statement in the first person may be the doer's own.
  if (FIRST_PERSON.test(a.sentence.text)) return false;
  // "The coalition was formally unveiled on Wednesday": the passive leaves the doer unsaid.
  if (passive(a)) return false;
  const before = a.sentence.previous?.text;
  const terms = [...a.part.relation, ...a.part.subject].filter((t) => doer.includes(t.stem));
  if (before !== undefined && terms.some((t) => new RegExp(`\\b${escapeRegExp(t.text)}`, 'i').test(before) || mentionsName(t.text, before))) return false;
  // Someone else must be named: "the airline", "the Deputy Secretary" may be the doer under another name.
  // Who says so ("…, the Justice Department said", "according to FlightAware") is a source, not a doer.
  const { people, organizations } = sentenceNames(a.sentence.text.replace(ATTRIBUTION, ''));
  const other = (n: string) => !mentionsName(n, a.part.text) && !spellsAcronymOf(n, a.part.text) && !isCountryBody(n);
  return [...people, ...organizations, ...agents(a.sentence.text), ...ownerOfAction(a)].some(other) || capitalActs(a);
}

/** "After *Swift's* donation": a name owning the sentence's word for the asked action is who acted. */
function ownerOfAction(a: SentenceAssessment): string[] {
  const verb = stated(a.predicate) ? a.predicate.token : undefined;
  const owner = verb ? a.sentence.tokens[verb.index - 1] : undefined;
  return owner?.possessive === true && /^\p{Lu}/u.test(owner.text) && !isTitleWord(owner.text) ? [owner.text] : [];
}

/** "donations *by Swift*", "was bought *by Jane Roe*": a name after "by" is who acted, whatever the tagger made of it. */
const AGENT = /\bby\s+((?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+)/gu;

function agents(text: string): string[] {
  return [...text.matchAll(AGENT)].flatMap((m) => m[1] ?? []).filter((n) => !CALENDAR_WORD.test(n) && placeAliases(n).length === 0);
}

/**
 * Whether a capital stands in the sentence for its country's government ("*Algiers* later said it
 * was ready to send 80 rescuers"): a capital the question does not name, written first or after
 * no preposition ("in Algiers", "to Doha" are places).
 */
function capitalActs(a: SentenceAssessment): boolean {
  const tokens = a.sentence.tokens;
  return tokens.some((t, i) => {
    const before = tokens[i - 1];
    return t.pos === 'PROPN' && isCapital(t.text) && before?.pos !== 'ADP' && !new RegExp(`\\b${escapeRegExp(t.text)}\\b`, 'i').test(a.part.text);
  });
}

/** A country or its government written as an organisation ("U.S", "the U.S. government"): a setting more often than an actor. */
function isCountryBody(name: string): boolean {
  const core = name.replace(/\s+(?:government|administration|authorities|military|embassy)$/i, '').replace(/\./g, '');
  return placeAliases(core).length > 0;
}

/** Whether the sentence's word for the asked action is a passive ("was unveiled", "were formally announced"). */
function passive(a: SentenceAssessment): boolean {
  const verb = a.predicate?.token;
  if (!verb || !stated(a.predicate)) return false;
  const before = a.sentence.tokens.filter((t) => t.index < verb.index && t.index >= verb.index - 3);
  // "was ready *to send*": an infinitive after "was" is active.
  if (before.at(-1)?.norm === 'to') return false;
  return before.some((t) => /^(?:was|were|been|being|be|is|are|got)$/.test(t.norm)) && !before.some((t) => t.pos === 'VERB');
}

/** A sentence's attribution: "according to X" anywhere, or a closing ", X said." */
const ATTRIBUTION = /\baccording to [^,;]+|,\s*[^,;]{0,80}\b(?:said|says|told [^,;]+|reported|announced|confirmed)\s*[.!?"”’]*\s*$/gi;

/** Whether `name`'s initials spell an acronym the question writes ("Federal Deposit Insurance Corporation" for "FDIC"). */
function spellsAcronymOf(name: string, question: string): boolean {
  const initials = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials.length >= 2 && new RegExp(`\\b${escapeRegExp(initials)}\\b`).test(question);
}

/** A word of the first person, at a sentence's start or inside it ("We sent…", "said we had…"). */
const FIRST_PERSON = /\b(?:I|[Ww]e|[Mm]y|[Oo]ur)\b/;

/**
 * Whether the question sets its event at an occasion ("in the virtual meeting on security") and
 * neither the sentence nor the sentences around it nor the article's title say any of its describing
 * words, in any form WordNet relates ("online" is not one for "virtual", nor "ordained" for
 * "ordination": WordNet does not relate them, which is why why-questions are left out).
 */
function occasionNotStated(a: SentenceAssessment): boolean {
  const words = a.part.occasion ?? [];
  // A why- or what-answer ("the only Christian in the team, he did not take part") need not retell the occasion.
  if (words.length === 0 || a.part.type === 'reason' || a.part.type === 'description') return false;
  const terms = a.part.relation.map((t, i) => ({ t, m: a.relation[i] })).filter(({ t }) => words.includes(t.stem));
  if (terms.some(({ m }) => stated(m))) return false;
  const scene = sentenceForms(`${a.sentence.previous?.text ?? ''} ${a.sentence.next?.text ?? ''} ${a.article.title ?? ''}`);
  return !scene.some((f) => words.includes(f.stem) || terms.some(({ t }) => t.related.has(f.lemma) || t.related.has(f.norm)));
}

/** Parts whose doer a sentence must name: what a figure, date or place is of depends on who acted. */
const DOER_TYPES = new Set(['number', 'date', 'place']);

/** Parts that ask something about a person rather than for one. */
const ABOUT_SOMEONE = new Set(['date', 'number', 'place', 'reason', 'description']);

/**
 * Whether the sentence tells of another named person instead of the one the question asks about
 * ("Mira Murati left in September" for "when did Greg Brockman begin his sabbatical"): the asked
 * person is named neither in it nor in the sentence before it, and someone else is.
 */
function tellsOfAnother(a: SentenceAssessment): boolean {
  // "Today I traveled to Incirlik": a statement in the first person may be the asked person's own.
  if (!ABOUT_SOMEONE.has(a.part.type) || FIRST_PERSON.test(a.sentence.text)) return false;
  const asked = sentenceNames(a.part.text).people;
  if (asked.length === 0) return false;
  const names = (t: string | undefined) => t !== undefined && asked.some((p) => mentionsName(p, t));
  if (names(a.sentence.text) || names(a.sentence.previous?.text)) return false;
  return sentenceNames(a.sentence.text).people.some((p) => !asked.some((q) => mentionsName(q, p) || mentionsName(p, q)));
}

/** Quotation marks: a quoted statement is reported whatever verb introduces it, or none ("Treason," he wrote.). */
const QUOTATION = /[“”"«»„]/;

/**
 * Asked what someone said or concluded ({@link AskedPart.asksStatement}), a sentence that neither
 * reports a statement with a verb of reporting nor quotes one says nothing of its content.
 */
function reportsNoStatement(a: SentenceAssessment): boolean {
  // As a verb: "the report" or "a phone call" reports nothing.
  return a.part.asksStatement === true && !QUOTATION.test(a.sentence.text) && !a.sentence.tokens.some((t) => t.pos === 'VERB' && STATEMENT_VERBS.has(t.lemma));
}

/**
 * Whether `word`, written just before a name's last word, gives it another first word: a name of
 * its own, not a word of any `asked` name ("Belgassem" in "Belgassem Haftar"; "American" is not one:
 * a nationality, title, month, initial or possessive stands before any name).
 */
function anotherFirstWord(word: Token, asked: readonly string[]): boolean {
  return (
    word.pos === 'PROPN' &&
    /^\p{Lu}\p{Ll}{2,}$/u.test(word.text) &&
    !word.possessive &&
    // "Hikmat" for "Hikmet": outlets transliterate names differently.
    !asked.some((w) => normsMatch(w, word.norm)) &&
    !isTitleWord(word.text) &&
    !mayBeTitle(word.text) &&
    !CALENDAR_WORD.test(word.text) &&
    !isDemonym(word.text)
  );
}

/**
 * A name of two or more words the question is about ("Khalifa Haftar", "United Airlines") whose last
 * word the sentence writes only after another first word ("Belgassem Haftar", "American Airlines"),
 * and whose other words it never writes: the sentence is about a namesake.
 */
function namesAnotherOfTheName(a: SentenceAssessment): boolean {
  const { tokens, text } = a.sentence;
  // Another asked name's word is no other first word ("Silicon Valley Bank" when "Signature Bank" is asked too).
  const names = a.part.names.map(wordNorms);
  const asked = names.flat();
  return names.some((name) => {
    const last = name.at(-1);
    if (name.length < 2 || last === undefined) return false;
    const mentions = tokens.flatMap((t, i) => (normsMatch(t.norm, last) ? [i] : []));
    if (mentions.length === 0 || tokens.some((t) => name.slice(0, -1).some((w) => normsMatch(w, t.norm)))) return false;
    return mentions.every((i) => {
      const before = tokens[i - 1];
      const word = tokens[i];
      // Only a word written right before it, with nothing but a space between ("Israel, Sutskever" is two).
      const adjacent = before !== undefined && word !== undefined && /^\s+$/.test(text.slice(before.start + before.text.length, word.start));
      return adjacent && anotherFirstWord(before, asked);
    });
  });
}

/** The words of a name as the tokens of a sentence write them (`norm`). */
function wordNorms(name: string): string[] {
  return sentenceForms(name).map((f) => f.norm).filter((n) => /\p{L}/u.test(n));
}

/** Words that ask for a cause rather than name the event caused. */
const CAUSE_WORDS = /^(?:cause|caus|reason|motive|why|behind|lead|led|prompt|trigger|spark|result)/;

/**
 * Asked what caused something ("What caused the death of Jane Roe?"), an article that tells none
 * of the nouns of that event, in any form or related word (no "death", "died", "killed"), holds
 * no cause of it, whatever its other sentences say of causes.
 */
function causedEventNotInArticle(a: SentenceAssessment): boolean {
  // Why-questions tell their event in many words, and with irregular verbs ("leave" / "left") the
  // article's words are no sure test; "what caused the death" names its event by a noun.
  if (!/\bcaus(?:e|ed|es)\b/i.test(a.part.text)) return false;
  const events = a.part.relation.filter((t) => t.role === 'relation' && t.pos === 'NOUN' && !CAUSE_WORDS.test(t.stem));
  return events.length > 0 && events.every((t) => a.inArticle.missing.includes(t.stem));
}

/**
 * Whether the sentence writes the role a question gives with "as" after its verb ("appointed *as the
 * permanent administrator* of …"), every word of it: "Head of the Foreign Policy Department" is no
 * "new head".
 */
function statesAskedRole(a: SentenceAssessment): boolean {
  const role = /\bas\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?=\s+(?:of|for|at|in|on|to|after|before|when)\b|\s*[?,]|\s*$)/iu.exec(a.part.text)?.[1];
  const words = role?.toLowerCase().split(/\s+/) ?? [];
  return words.length > 0 && words.every((w) => a.sentence.tokens.some((t) => t.norm === w || t.lemma === w));
}

/**
 * The words naming what is counted after a measure or group word ("how many *members of the Dali's
 * crew*", "how many *tons of wreckage*"): they say what is counted, not what happened to it.
 */
function countedPhrase(part: SentenceAssessment['part']): string | undefined {
  return /\bhow\s+(?:many|much)\s+[\p{L}-]+\s+of\s+((?:[\p{L}\d'’.-]+\s+){0,4}?[\p{L}\d'’.-]+)(?=\s+(?:were|was|are|is|had|have|has|did|do|does|will|would|could)\b)/iu.exec(part.text)?.[1];
}

/** Nouns the question gives a named owner ("Lisa Roe's *family*", "Acme's *board*"): they say whose, not what happened. */
function ownedByName(part: SentenceAssessment['part']): string[] {
  return [...part.text.matchAll(/\p{Lu}[\p{L}-]*['’]s\s+([\p{Ll}-]+)/gu)].flatMap((m) => (m[1] ? [m[1].toLowerCase()] : []));
}

/** See `action-not-stated`. */
function actionNotStated(a: SentenceAssessment): boolean {
  if (!(a.part.type === 'number' || (a.part.type === 'date' && a.neighbourCoverage < EVENT_TOLD_BESIDE))) return false;
  if (a.part.predicate === undefined || TELLING.has(a.part.predicate.lemma)) return false;
  if (a.predicate !== undefined && a.predicate.level !== 'none') return false;
  const counted = new Set([...((countedPhrase(a.part) ?? '').toLowerCase().match(/[\p{L}\d]+/gu) ?? []), ...ownedByName(a.part)]);
  // Words of an attribution ("According to the report on the ceremony, …") say where to look, not
  // what happened; nor do the words naming what is counted.
  return !a.relation.some((m, i) => {
    const term = a.part.relation[i];
    return term !== undefined && term.role !== 'context' && !counted.has(term.norm) && stated(m);
  });
}

/** Words that point back to someone or something told before ("He was sentenced…", "The ship's owner…"). */
const POINTS_BACK = /^(?:he|she|it|they|him|her|them|his|its|their|this|these|those|that|such)$/;

/** See `shares-no-word`. */
function sharesNoWord(a: SentenceAssessment): boolean {
  // A reason or account may follow the sentence that tells the event in words of its own ("The reason: …").
  if (a.part.type === 'reason' || a.part.type === 'description') return false;
  const matches = [...a.subject, ...a.relation, ...a.head];
  if (matches.length === 0 || matches.some(stated)) return false;
  return !a.sentence.tokens.some((t) => POINTS_BACK.test(t.norm));
}

/** A question asking for a calendar day: "on what date", "on what day", "by what date", "the exact date". */
const ASKS_DAY = /\b(?:on|from|for|by) what (?:date|day)\b|\b(?:exact|precise) (?:date|day)\b/i;
/** `datePrecision` of a weekday ("on Monday"): placed by its article's date, it names a day. */
const WEEKDAY_PRECISION = 0.8;

/** The rules, checked in order; the first that applies is recorded on the assessment. */
export const SENTENCE_RULES: readonly SentenceRule[] = [
  {
    name: 'is-page-chrome',
    reason: 'A live blog\'s sign-off ("That\'s where we\'ll leave our live coverage for today") or an embedded post\'s credit line ("— Jane Roe (@janeroe) April 3, 2031") is the page talking about itself, not reporting.',
    rejects: (a) => PAGE_CHROME.test(a.sentence.text),
  },
  {
    name: 'name-not-in-article',
    reason: 'An article that never names someone or something the question is about cannot answer it ("How much did United Airlines lose?" is not answered by an article about Delta).',
    rejects: (a) => a.namesMissing.length > 0,
  },
  {
    name: 'rare-word-not-in-article',
    reason: 'A word of the question as specific as a name ("lavash", "hypersonic") that the article never uses means the article is about something else.',
    rejects: (a) => a.inArticle.rareMissing.length > 0,
  },
  {
    name: 'shares-no-word',
    reason: 'Asked for a name, date, place or figure, a sentence that writes no word of the question in any form (no name, nor a word of what is asked or its kind, nor a WordNet relative of one) and points back to nothing told before it ("he", "the company\'s…") is about something else, however close its article is: the story beside it may be on topic, the sentence is not.',
    rejects: sharesNoWord,
  },
  {
    name: 'contradicts-constraint',
    reason: 'A sentence about another year, day or round than the question asks answers a different question ("since the 2019 attack" is not "in 2025"; "in the first round" is not "in the third").',
    rejects: (a) => a.constraints.conflict,
  },
  {
    name: 'constraint-not-stated',
    reason: 'A later round ("the third round"), a year or a month the question names must be stated by the sentence or the sentences around it, or be its article\'s year or month; otherwise nothing says the figure belongs to it ("inflation in December" is not the September peak). A first occurrence is often left implicit.',
    rejects: (a) => a.constraints.unmet.some((c) => (c.kind === 'ordinal' && c.value >= 2) || c.kind === 'year' || c.kind === 'month'),
  },
  {
    name: 'setting-not-stated',
    reason: 'A place the question sets the event in ("met in Washington", "destroyed in Limache") must be stated by the sentence, the sentences around it or the article\'s title. Articles name places for other events too, and a near miss swaps the place: a toll for one town is not the toll for another.',
    rejects: (a) => a.constraints.unmet.some((c) => c.kind === 'place'),
  },
  {
    name: 'occasion-not-stated',
    reason: 'An occasion a who, which, when, where or how-many question sets the event at ("in the virtual meeting on security", "during the televised debate") must be told by one of its describing words in the sentence, the sentences around it or the article\'s title. Stories hold many meetings and debates: a sentence naming the same people at another one answers for the wrong occasion.',
    rejects: occasionNotStated,
  },
  {
    name: 'predicate-not-in-article',
    reason: 'A when / how-many question about an action ("how many died", "when was he arrested") is not answered by an article that never states that action, in any form WordNet relates to it. Who-questions are left out: they are asked with any verb ("who runs the company") and answered with a title.',
    rejects: (a) =>
      (a.part.type === 'number' || a.part.type === 'date') &&
      a.part.predicate !== undefined &&
      !TELLING.has(a.part.predicate.lemma) &&
      !a.inArticle.predicate && !stated(a.predicate),
  },
  {
    name: 'opposite-modifier',
    reason: 'A sentence that gives the asked thing the opposite quality ("the interim administrator" for "the permanent administrator", "the opening episode" for "the final episode") is about another one of them, and says nothing of the one asked.',
    rejects: saysOpposite,
  },
  {
    name: 'owned-by-another',
    reason: 'Asked for one company\'s or body\'s member ("which Apple executive"), a sentence that names a member of another ("a long-time Microsoft executive") and never the asked one is about someone else.',
    rejects: ownedByAnother,
  },
  {
    name: 'counted-not-stated',
    reason: 'Asked how many or how much of something ("how many containers", "how much compensation"), a sentence that names neither that thing nor the asked action gives a figure for something else ("400 metres long", "the outage cost $500 million").',
    rejects: countedNotStated,
  },
  {
    name: 'counts-another-thing',
    reason: 'Asked how many of something ("how many soldiers were deployed"), a sentence that never names it and whose every figure counts another thing by name ("1,000 volunteers were deployed") gives a figure for something else, though it states the asked action.',
    rejects: countsAnotherThing,
  },
  {
    name: 'another-person',
    reason: 'A question about what someone did or said ("When did Greg Brockman begin his sabbatical?") is not answered by a sentence that tells of another named person ("Mira Murati left in September") and names the asked one neither there nor just before.',
    rejects: tellsOfAnother,
  },
  {
    name: 'another-of-the-name',
    reason: 'A question about someone or something named in full ("Khalifa Haftar", "United Airlines") is not answered by a sentence that writes the name\'s last word only after another first word ("Belgassem Haftar", "American Airlines") and never its own: families share surnames in the news (the Haftars, the Rajapaksas), and companies and countries share last words.',
    rejects: namesAnotherOfTheName,
  },
  {
    name: 'undergone-action-not-stated',
    reason: 'A who-question in the passive ("Who was arrested?", "Which executives were indicted?") asks who underwent the action; a sentence that never states that action, in any form or paraphrase, names people for something else. A role the question gives with "as" ("appointed as the permanent administrator") is the action told another way ("was made permanent administrator").',
    rejects: (a) =>
      a.part.type === 'person' &&
      a.part.predicate !== undefined &&
      !TELLING.has(a.part.predicate.lemma) &&
      asksPassive(a.part) &&
      (a.predicate === undefined || a.predicate.level === 'none') &&
      !statesAskedRole(a),
  },
  {
    name: 'doer-not-stated',
    reason: 'A how-many, when or where question that says who acted ("How many rescuers did Qatar send?") is not answered by a sentence that names that doer in no form, nor does the sentence before it: its figure, date or place is of someone else acting. Another doer may be named as the tagger knows names, or after "by" ("two donations by Swift"), or owning the word for the action ("after Swift\'s donation").',
    rejects: doerNotStated,
  },
  {
    name: 'pronoun-of-another',
    reason: 'A question that calls its person "he" is not answered by a sentence about a "she" (or the other way round) that names none of the question\'s names: it is about someone else.',
    rejects: pronounOfAnother,
  },
  {
    name: 'action-not-stated',
    reason: 'A how-many or when question about an action ("how many were killed", "when did the cave reopen") is answered by a figure or date the sentence ties to that action. A sentence that never states the action, in any form or close paraphrase, gives a figure or date for something else about the same people ("shelters housed 1,400 people", "a year ago the boys came out of the cave"). A date may follow the sentence that tells the event ("The bill has been introduced. It was laid before the house on Wednesday."). Another word of the asked relation in the sentence leaves it to the model, but not the words naming what is counted ("how many members of the crew were arrested": "21 crew members remain on board") or a noun the question gives a named owner ("donate to the fund for Jane Roe\'s family": "Roe\'s family had set a goal of $75,000").',
    rejects: actionNotStated,
  },
  {
    name: 'says-withheld',
    reason: 'A sentence saying the asked name, date, place or figure was not disclosed or is not known ("The company has not disclosed the name of the captain") tells the reader the articles do not give it; quoted as an answer it reads as one. Not for why or what-questions: there the withholding may be the answer ("the crew had not been given visas").',
    rejects: (a) => a.part.type !== 'reason' && a.part.type !== 'description' && WITHHELD.test(a.sentence.text) && mentionsAsked(a),
  },
  {
    name: 'caused-event-not-in-article',
    reason: 'A what-caused question ("What caused the death of Jane Roe?") is not answered by an article that never tells the event, in any form or related word: its sentences about causes ("a cause of strained relations") are about something else, and quoted as an answer they read as the reason for an event that did not happen.',
    rejects: causedEventNotInArticle,
  },
  {
    name: 'cause-unknown',
    reason: 'A why- or what-caused question is not answered by a sentence that says the cause is not known or not given ("The cause of death has not been disclosed"): quoted as an answer it reads as one, and the articles do not say.',
    rejects: (a) => (a.part.type === 'reason' || /\bcaus(?:e|ed|es)\b|\breason\b|\bmotive\b/i.test(a.part.text)) && CAUSE_UNKNOWN.test(a.sentence.text),
  },
  {
    name: 'is-a-question',
    reason: 'A sentence that asks ("Who is the third suspect?", an explainer\'s subheading) states nothing, so it cannot be an answer; a quoted question ends with who asked it instead.',
    rejects: (a) => /\?\s*$/.test(a.sentence.text),
  },
  {
    name: 'unrealised-event',
    reason: 'A question about what happened ("What cause did the final report give?") is not answered by a sentence that says it has not happened or is still to come ("The preliminary report does not assign a cause", "A final report will assign one").',
    rejects: (a) => ASKS_PAST.test(a.part.text) && !ASKS_FUTURE.test(a.part.text) && !asksIntention(a) && statesOnlyUnrealised(a),
  },
  {
    name: 'adds-nothing',
    reason: 'A why- or what-question is answered by what the sentence says beyond the question. A sentence made only of the question\'s own words ("A curfew is imposed in Eastport." for "Why was a curfew imposed in Eastport?") restates it and gives no reason or account.',
    rejects: (a) => (a.part.type === 'reason' || a.part.type === 'description') && addsNothing(a),
  },
  {
    name: 'statement-not-reported',
    reason: 'A question about what someone said, wrote or concluded ("What did the minister tell parliament?", "What did the inquiry conclude?") is answered by a sentence that reports the statement ("she said", "the report found") or quotes it. One that only mentions the speech or the report ("The speech was moved indoors because of the rain", "The report is the first of three") tells the occasion, not what was said.',
    rejects: reportsNoStatement,
  },
  {
    name: 'is-a-teaser',
    reason: 'A link to another story ("Also Read | Election results live", "Read more: …") that a scrape glued into a paragraph is page furniture, not the article\'s reporting.',
    rejects: (a) => INLINE_TEASER.test(a.sentence.text),
  },
  {
    name: 'subject-excepted',
    reason: 'A sentence that names whom the question is about only as an exception ("the entire cabinet, apart from Prime Minister Mahinda Rajapaksa, resigned") says the opposite of it.',
    rejects: (a) => {
      const spans = [...a.sentence.text.matchAll(EXCEPTION)].map((m) => [m.index, m.index + m[0].length] as const);
      if (spans.length === 0) return false;
      const excepted = (t: { start: number }) => spans.some(([s, e]) => t.start >= s && t.start < e);
      // A name of the question written in the sentence only inside an exception.
      return a.subject.some((m) => m.token !== undefined && m.level !== 'none' && a.sentence.tokens.filter((t) => t.norm === m.token?.norm).every(excepted));
    },
  },
  {
    name: 'name-not-given',
    reason: 'Asked for the name of an X ("the name of Saman\'s widow"), a sentence that mentions the X but gives no name to it ("Saman\'s widow and the army doctor Pak Loharnchun") answers with someone else\'s name. The name must be set beside the X ("his widow, Jane Roe", "the ferry Finkenwerder", "a girl named Aya").',
    rejects: (a) => {
      if (a.part.asksName !== true) return false;
      // Any mention of the X puts the rule to work; only the X itself ("protester", not the related "protest") can be named.
      const mentioned = a.head.some((m) => m.token && m.level !== 'none');
      const heads = a.head.flatMap((m) => (m.token && m.level === 'exact' ? [m.token] : []));
      // A sentence that never mentions the X gives it no name either.
      return a.head.length > 0 && (!mentioned || !namesTheHead(a.sentence.text, a.sentence.tokens, heads, a.candidates.map((c) => c.candidate)));
    },
  },
  {
    name: 'date-too-vague',
    reason: 'Asked on what date or day something happened, a sentence whose dates name no day ("in early February", "in June 2024", "last year") does not give it: quoted first, a month reads as the answer, and the day may be in another sentence or not in the articles at all. "When" questions are left out: a month or a year answers them.',
    rejects: (a) => a.part.type === 'date' && ASKS_DAY.test(a.part.text) && a.candidates.length > 0 && a.candidates.every((c) => c.candidate.source !== 'date' || datePrecision(c.candidate.text) < WEEKDAY_PRECISION),
  },
  {
    name: 'no-answer-of-asked-type',
    reason: 'A who / when / how-many question is not answered by a sentence that names no person, gives no date or states no number of the asked kind.',
    rejects: (a) => TYPED.has(a.part.type) && a.candidates.length === 0,
  },
];

/** The first rule that rejects the sentence for its part, if any. */
export function rejectingSentenceRule(a: SentenceAssessment): SentenceRule | undefined {
  return SENTENCE_RULES.find((r) => r.rejects(a));
}
