import { sentenceNames, sentenceQuantities } from '../sentenceEntities.js';
import type { AnswerType } from '../question/QuestionAnalysis.js';
import type { Token } from './EvidenceSentence.js';
import { isTitleWord, withoutTitles } from '../titles.js';
import { THING_SUFFIX } from './mentionsName.js';
import { YEAR_IN_WORDS } from '../../util/yearInWords.js';

/** Where a candidate came from: the extractors differ in how sure they are of the type. */
export type CandidateSource = 'person' | 'organization' | 'place' | 'run' | 'quoted' | 'date' | 'number' | 'range' | 'clause';

/** A possible short answer inside a sentence. */
export interface AnswerCandidate {
  /** As written in the sentence. */
  text: string;
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  source: CandidateSource;
  /** For numbers: the words right after it, up to the next function word ("nine terror sites" → terror, sites). */
  unit: Token[];
}

/** Lower-case connectors allowed inside a name ("Court of Arbitration", "Welt am Sonntag"). */
const CONNECTOR = /^(?:of|for|de|du|des|la|le|am|al|von|van|der|den|del|da|di|y)$/;
/** Capitalised words that are not names on their own. */
const NOT_A_NAME = /^(?:The|A|An|In|On|At|But|And|Or|As|It|Its|This|That|These|Those|He|She|They|We|I|His|Her|Their|Our|Mr|Mrs|Ms|Dr|If|When|While|After|Before|During|According|However|Meanwhile|Also|Some|Many|Most|All|Both|Other|Another|Several|Few|Each|Every|Various|Numerous|Such|Neither|Either|Earlier|Later|Now|Then|There|Here|What|Who|Which|Where|Why|How|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * A word of a person's name: capitalised, or with an Arabic or European particle joined to it
 * ("al-Ghaithi", "el-Sisi", "d'Angelo").
 */
const NAME_WORD = /^(?:(?:al|el|ad|ash|as|at|az|ar|an|ul|d|l)[-'’])?\p{Lu}\p{Ll}/u;

const capitalised = (t: Token) => /^[\p{Lu}\d]/u.test(t.text) && /\p{L}/u.test(t.text);

function span(text: string, value: string, from = 0): { start: number; end: number } | undefined {
  const at = text.indexOf(value, from);
  return at < 0 ? undefined : { start: at, end: at + value.length };
}

/** A letter or two glued to a figure or degree sign is a unit or part of an identifier ("38°F", "5G", "train 32N"), not a name. */
function isUnitLetter(text: string, t: Token): boolean {
  return t.text.length <= 2 && /[\d°]$/.test(text.slice(0, t.start));
}

/** Runs of capitalised words, joined by connectors ("Fulton County Superior Court", "The Resistance Front"). */
function capitalisedRuns(text: string, tokens: readonly Token[]): AnswerCandidate[] {
  const out: AnswerCandidate[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && (CONNECTOR.test(run.at(-1)?.text ?? '') || NOT_A_NAME.test(run.at(-1)?.text ?? ''))) run.pop();
    while (run.length > 0 && (CONNECTOR.test(run[0]?.text ?? '') || NOT_A_NAME.test(run[0]?.text ?? ''))) run.shift();
    const first = run[0];
    const last = run.at(-1);
    if (first && last) {
      const sentenceStart = first.index === 0 && first.pos !== 'PROPN' && run.length === 1;
      if (!sentenceStart) out.push({ text: text.slice(first.start, last.start + last.text.length), start: first.start, end: last.start + last.text.length, source: 'run', unit: [] });
    }
    run = [];
  };
  for (const t of tokens) {
    if (t.text.includes('-') && run.some((r) => r.start === t.start)) continue; // a hyphen part already read
    const between = run.length > 0 ? text.slice((run.at(-1)?.start ?? 0) + (run.at(-1)?.text.length ?? 0), t.start) : '';
    if (run.length > 0 && /[,;:()"“”]/.test(between)) flush();
    if (capitalised(t) && t.pos !== 'PART' && !isUnitLetter(text, t)) run.push(t);
    else if (run.length > 0 && CONNECTOR.test(t.text)) run.push(t);
    else flush();
  }
  flush();
  return out;
}

/** Short quoted titles ("“An Outage Strikes: …”"): named things that are not capitalised runs. */
function quotedTitles(text: string): AnswerCandidate[] {
  const out: AnswerCandidate[] = [];
  for (const m of text.matchAll(/[“"]([^”"]{3,90})[”"]/g)) {
    const inner = m[1] ?? '';
    const words = inner.trim().split(/\s+/);
    if (words.length > 12 || !/^[\p{Lu}]/u.test(inner) || /[.!?]$/.test(inner.trim())) continue;
    const start = (m.index ?? 0) + 1;
    out.push({ text: inner, start, end: start + inner.length, source: 'quoted', unit: [] });
  }
  return out;
}

/** The words after a number, up to a function word: what it counts ("nine terror sites" → terror, sites). */
function unitAfter(tokens: readonly Token[], end: number, text?: string): Token[] {
  const after = tokens.filter((t) => t.start >= end);
  const unit: Token[] = [];
  let cursor = end;
  for (const t of after) {
    // Punctuation ends what a figure counts: "since 2019, nine sites" does not count sites by 2019.
    if (text !== undefined && !/^[\s-]*$/.test(text.slice(cursor, t.start))) break;
    cursor = t.start + t.text.length;
    if (unit.length >= 3) break;
    if (t.pos === 'NUM' && unit.length === 0) continue; // "500 million", "1.3 million"
    if (/^(?:million|billion|trillion|thousand|hundred|percent|per|cent|mn|bn|m|k)$/i.test(t.norm)) continue;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || (t.pos === 'VERB' && /ed$/.test(t.norm))) unit.push(t);
    else break;
  }
  return unit;
}

/** Numbers, amounts and ranges ("300-400 drones", "between 80 and 90", "$500 million", "32%"). */
/** A fraction before "of" ("a quarter of", "half of", "two-thirds of", "one in five"): a share of something. */
export const FRACTION_OF = /\b((?:(?:a|one|two|three|four)[\s-])?(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths))\s+of\b/gi;

function numbers(text: string, tokens: readonly Token[]): AnswerCandidate[] {
  const out: AnswerCandidate[] = [];
  const ranges = /(?:[$€£]\s?)?\b\d[\d,.]*\s*(?:-|–|—|to|and)\s*(?:[$€£]\s?)?\d[\d,.]*(?:\s*(?:million|billion|per ?cent|%))?/g;
  for (const m of text.matchAll(ranges)) {
    const start = m.index ?? 0;
    if (/^\d{4}\s*(?:-|–|to)\s*\d{2,4}$/.test(m[0]) && /^(?:1[5-9]|20)\d\d/.test(m[0])) continue; // "2023-24": years
    const between = /\bbetween\s+$/i.exec(text.slice(Math.max(0, start - 9), start));
    if (/\band\b/.test(m[0]) && !between) continue;
    const from = between ? start - between[0].length : start;
    out.push({ text: text.slice(from, start + m[0].length), start: from, end: start + m[0].length, source: 'range', unit: unitAfter(tokens, start + m[0].length, text) });
  }
  for (const m of text.matchAll(SPAN_OF_TIME)) {
    const start = m.index ?? 0;
    if (out.some((r) => r.start < start + m[0].length && start < r.end)) continue;
    const number = /^\S+/.exec(m[0])?.[0] ?? m[0];
    out.push({ text: m[0], start, end: start + m[0].length, source: 'number', unit: unitAfter(tokens, start + number.length, text) });
  }
  // "A quarter of the city", "half of the homes", "two-thirds of the town": a share written in words.
  for (const m of text.matchAll(FRACTION_OF)) {
    const start = m.index ?? 0;
    const end = start + (m[1]?.length ?? 0);
    if (out.some((r) => r.start < end && start < r.end)) continue;
    out.push({ text: text.slice(start, end), start, end, source: 'number', unit: unitAfter(tokens, end, text) });
  }
  let from = 0;
  for (const value of sentenceQuantities(text).numbers) {
    const at = span(text, value, from) ?? span(text, value);
    if (!at) continue;
    from = at.end;
    if (out.some((r) => r.start < at.end && at.start < r.end)) continue; // part of a range or span of time
    // The figure itself, without words a tagger takes along ("about 80", "since 2019").
    const figure = /(?:[$€£¥]\s?)?(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half|dozen|dozens|hundreds|thousands|millions|a million|a billion)\b).*$/i.exec(value)?.[0];
    if (!figure) continue;
    out.push({ text: figure, start: at.end - figure.length, end: at.end, source: 'number', unit: unitAfter(tokens, at.end, text) });
  }
  return out;
}

/** Clock times ("2:50 p.m.", "04:09 UTC", "5 pm IST"): what "at what time" asks for. */
const CLOCK = /\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s*(?:IST|GMT|UTC|ET|EDT|EST|PT|PST|PDT|CET|HST|local time))?|\b\d{1,2}:\d{2}\s*(?:IST|GMT|UTC|ET|EDT|EST|PT|PST|PDT|CET|HST)\b/gi;

/** Dates and times as the sentence writes them ("May 10, 2025", "Wednesday", "5 pm"). */
function dates(text: string): AnswerCandidate[] {
  const out: AnswerCandidate[] = [];
  for (const m of text.matchAll(CLOCK)) {
    const start = m.index ?? 0;
    out.push({ text: m[0].trim(), start, end: start + m[0].trim().length, source: 'date', unit: [] });
  }
  let from = 0;
  for (const value of sentenceQuantities(text).dates) {
    const at = span(text, value, from) ?? span(text, value);
    if (!at) continue;
    from = at.end;
    // "May 10, 2031, at 5 p.m.": the day, the time being a candidate of its own.
    const day = value.replace(/,?\s+at\s+\d.*$/i, '');
    // "Aug. 24 last year": the year told in words belongs to the date.
    const told = YEAR_IN_WORDS.exec(text.slice(at.start + day.length))?.[0] ?? '';
    const end = at.start + day.length + told.length;
    if (out.some((o) => o.start < end && at.start < o.end)) continue;
    out.push({ text: text.slice(at.start, end), start: at.start, end, source: 'date', unit: [] });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Spans of time ("13 days", "11 weeks", "78 minutes"): date parsers read them as dates, but they answer "how long". */
const SPAN_OF_TIME = /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)\s+(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?)\b/gi;

/** The words introducing a cause or condition ("because", "due to", "after", "citing", "unless"). */
export const CAUSAL = /\b(?:because(?: of)?|(?<!\b(?:is|are|was|were|be|been|being|not|also)\s)due to|owing to|as a result of|thanks to|in order to|so that|so as to|in response to|in retaliation for|citing|on the grounds that|on condition that|unless|until|provided that|after|since|as|over|amid|following|for)\b/i;

/**
 * Words that say outright that a cause or purpose is being given. `CAUSAL` also admits "as", "for",
 * "after" and "over", which usually introduce no cause; these do not.
 */
export const STATED_CAUSE = /\b(?:because|(?<!\b(?:is|are|was|were|be|been|being|not|also)\s)due to|owing to|as a result of|thanks to|in order to|so that|so as to|in response to|in retaliation for|in protest (?:at|against|over)|citing|cited|on the grounds that|the reasons?\b|reasons? (?:for|why)|caused by|blamed|blames|led to|prompted by|triggered by|aimed at|intended to|designed to|necessary because|was meant to)/i;

/** The clause after a causal connective: what answers "why". */
function causalClauses(text: string): AnswerCandidate[] {
  const out: AnswerCandidate[] = [];
  const re = new RegExp(CAUSAL.source, 'gi');
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const rest = text.slice(start);
    const end = start + (/^[^.;!?]*/.exec(rest)?.[0].length ?? rest.length);
    if (end - start > m[0].length + 8) out.push({ text: text.slice(start, end), start, end, source: 'clause', unit: [] });
  }
  return out;
}

function withSpans(text: string, values: readonly string[], source: CandidateSource): AnswerCandidate[] {
  const out: AnswerCandidate[] = [];
  for (const v of values) {
    const at = span(text, v);
    if (at) out.push({ text: v, ...at, source, unit: [] });
  }
  return out;
}

/** A person without the titles before the name ("Finance Minister Jane Roe" → "Jane Roe"). */
function trimTitles(c: AnswerCandidate): AnswerCandidate {
  const name = withoutTitles(c.text);
  return name === c.text ? c : { ...c, text: name, start: c.end - name.length };
}

/** Drops candidates covered by a longer one of the same list, keeping document order. */
function dedupe(list: AnswerCandidate[]): AnswerCandidate[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: AnswerCandidate[] = [];
  for (const c of sorted) {
    const covering = out.find((o) => o.start <= c.start && c.end <= o.end);
    if (covering) continue;
    out.push(c);
  }
  return out;
}

/**
 * "Mr. Ray", "Ms Ellison", "Dr. Roe": a later mention of a person is written with an honorific and
 * the surname only, which the tagger rarely reads as a person. The name after the honorific is a
 * person's; the honorific is no part of it.
 */
const HONORIFIC_NAME = /\b(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/gu;

function honorificNames(text: string): AnswerCandidate[] {
  return [...text.matchAll(HONORIFIC_NAME)].flatMap((m) => {
    const name = m[1];
    if (name === undefined) return [];
    const start = m.index + m[0].length - name.length;
    return [{ text: name, start, end: start + name.length, source: 'person' as const, unit: [] }];
  });
}

/**
 * The things in a sentence that could answer a question of `type`: people for "who", named
 * entities for "which X", places, dates, numbers with what they count, causal clauses for "why".
 * Descriptions have none: the sentence itself answers.
 */
export function extractCandidates(text: string, tokens: readonly Token[], type: AnswerType): AnswerCandidate[] {
  switch (type) {
    case 'person': {
      const names = sentenceNames(text);
      // Names the tagger does not know ("Gerold Otten", "Jörg Kukies"): runs of two or three
      // capitalised words that are no place or organisation, as weaker candidates.
      const known = [...names.places, ...names.organizations];
      // Titles before a name are no part of it ("MP Amarakeerthi Athukorala").
      const runs = capitalisedRuns(text, tokens).map(trimTitles).filter((r) => {
        const words = r.text.split(/\s+/);
        const placeOrBody = known.some((k) => k.includes(r.text) || r.text.includes(k));
        return words.length >= 2 && words.length <= 3 && !placeOrBody && words.every((w) => NAME_WORD.test(w)) && !THING_SUFFIX.test(words.at(-1) ?? '');
      });
      // A title alone ("Deputy Assistant") names no one.
      return dedupe([...withSpans(text, names.people, 'person'), ...runs, ...honorificNames(text)].map(trimTitles).filter((c) => !isTitleWord(c.text) && c.text.split(/\s+/).some((w) => !isTitleWord(w))));
    }
    case 'named': {
      const names = sentenceNames(text);
      const typed = [...withSpans(text, names.organizations, 'organization'), ...withSpans(text, names.places, 'place')];
      return dedupe([...typed, ...capitalisedRuns(text, tokens), ...quotedTitles(text)].filter((c) => !names.people.includes(c.text)));
    }
    case 'place': {
      const names = sentenceNames(text);
      return dedupe([...withSpans(text, names.places, 'place'), ...capitalisedRuns(text, tokens)].filter((c) => !names.people.includes(c.text)));
    }
    case 'date':
      return dates(text);
    case 'number':
      return dedupe(numbers(text, tokens));
    case 'reason':
      return causalClauses(text);
    case 'description':
      return [];
  }
}
