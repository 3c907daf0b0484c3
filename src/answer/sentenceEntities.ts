import nlp from 'compromise';
import * as chrono from 'chrono-node';
import type { ItsFunction } from 'wink-nlp';
import { getIts, getNlp } from '../ingest/nlp.js';
import { LruMap } from '../util/LruMap.js';

/** Entities in one sentence, as written there (so a short answer can quote them). */
export interface SentenceEntities {
  people: string[];
  places: string[];
  /** The places compromise knows as cities ("Baku", "Yerevan"), for "which city" questions. */
  cities: string[];
  /** The places compromise knows as countries ("Azerbaijan", "United States"). */
  countries: string[];
  organizations: string[];
  /** Date expressions ("17 May 2024", "June 17", "1992", "August 7-8, 2025"). */
  dates: string[];
  /** Counts and amounts ("6 months", "1,564", "$2 million"). */
  numbers: string[];
}

interface CompromiseTerm {
  text: string;
  post?: string;
  tags?: string[];
}
interface CompromiseMatch {
  terms?: CompromiseTerm[];
}

function isTermList(v: unknown): v is CompromiseMatch[] {
  return Array.isArray(v);
}

const TITLE_TAGS = new Set(['Actor', 'Honorific', 'Acronym', 'Place', 'Country', 'City', 'Organization', 'Possessive', 'Adjective', 'Demonym']);
const NAME_TAGS = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName']);

function clean(word: string): string {
  return word.replace(/['’]s$/u, '').replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '').replace(/\.$/, '');
}

/** The capitalised words of `terms`, tidied, as one name; undefined when there are none. */
function nameOf(terms: CompromiseTerm[]): string | undefined {
  const words = terms.map((t) => clean(t.text)).filter((w) => /^\p{Lu}/u.test(w));
  return words.length > 0 ? words.join(' ') : undefined;
}

/**
 * Names compromise does not know, recognised by their frame: runs of two or three untagged proper
 * nouns that are not titles, places or organisations, with a title right before them ("Minister X
 * Y"), an appositive title right after them ("Sonata Coulter, Deputy Assistant to..."), or commas
 * setting them off before a lower-case word ("… of Presidential Administration, Hikmat Hajiyev,
 * holds talks"). Exported so the timeline's actors can take them from a document it has parsed.
 */
export function framedNames(doc: ReturnType<typeof nlp>): string[] {
  const names: string[] = [];
  const all: unknown = doc.json();
  if (!isTermList(all)) return names;
  for (const sentence of all) {
    const terms = sentence.terms ?? [];
    const isTitle = (t: CompromiseTerm | undefined) => (t?.tags ?? []).includes('Actor');
    let run: CompromiseTerm[] = [];
    let runStart = 0;
    const flush = (i: number) => {
      const before = terms[runStart - 1];
      const after = terms[i];
      const appositive = run.length > 0 && /,/.test(run.at(-1)?.post ?? '') && isTitle(after);
      const setOff = run.length > 0 && /,\s*$/.test(before?.post ?? '') && /,/.test(run.at(-1)?.post ?? '') && after !== undefined && !/^\p{Lu}/u.test(after.text.trim());
      const name = run.length >= 2 && run.length <= 3 && (isTitle(before) || appositive || setOff) ? nameOf(run) : undefined;
      if (name) names.push(name);
      run = [];
    };
    terms.forEach((t, i) => {
      const tags = t.tags ?? [];
      const properish = tags.includes('ProperNoun') && !tags.some((tag) => TITLE_TAGS.has(tag)) && /^\p{Lu}\p{Ll}+$/u.test(t.text.trim());
      if (properish) {
        if (run.length === 0) runStart = i;
        run.push(t);
        if (/[,.;:]/.test(t.post ?? '')) flush(i + 1);
      } else if (run.length > 0) flush(i);
    });
    flush(terms.length);
  }
  return names;
}

/**
 * Person names from compromise, tidied: titles that compromise folds into a name ("Affairs John
 * Bass", "President Ilham Aliyev") are trimmed to start at the first given name. Names compromise
 * does not know are added by their frame (see {@link framedNames}).
 */
function people(doc: ReturnType<typeof nlp>): string[] {
  const found: string[] = [];
  const push = (name: string | undefined) => {
    if (name && !found.some((f) => f.includes(name) || name.includes(f))) found.push(name);
  };
  const peopleJson: unknown = doc.people().json();
  if (isTermList(peopleJson)) {
    for (const m of peopleJson) {
      const terms = m.terms ?? [];
      const firstGiven = terms.findIndex((t) => (t.tags ?? []).some((tag) => NAME_TAGS.has(tag)));
      const kept = (firstGiven >= 0 ? terms.slice(firstGiven) : terms).filter((t) => !(t.tags ?? []).some((tag) => TITLE_TAGS.has(tag)));
      if (kept.length > 0 && (firstGiven >= 0 || kept.length >= 2)) push(nameOf(kept));
    }
  }
  framedNames(doc).forEach(push);
  return found;
}

/** A name as an answer: no trailing punctuation, no possessive ("Azerbaijan’s" → "Azerbaijan"). */
function texts(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((s) => s.replace(/[,.;:]+$/, '').replace(/['’]s$/, '').trim()).filter(Boolean) : [];
}

/** People, places and organisations of a sentence: the compromise part of `SentenceEntities`. */
export type SentenceNames = Pick<SentenceEntities, 'people' | 'places' | 'cities' | 'countries' | 'organizations'>;

/** Dates and numbers of a sentence: the wink-nlp + chrono-node part of `SentenceEntities`. */
export type SentenceQuantities = Pick<SentenceEntities, 'dates' | 'numbers'>;

/*
 * Retrieval keeps returning the same passages (a topic's best passages answer many questions), and
 * tagging is the answerer's dominant cost (compromise ~2 ms a sentence), so results are kept per
 * sentence text. Bounded so a long-running bot over a large corpus does not grow without limit.
 */
const CACHE_SIZE = 4096;
const namesCache = new LruMap<string, SentenceNames>(CACHE_SIZE);
const quantitiesCache = new LruMap<string, SentenceQuantities>(CACHE_SIZE);

/** People, places and organisations (compromise), cached per text. Callers must not mutate the result. */
export function sentenceNames(text: string): SentenceNames {
  const hit = namesCache.get(text);
  if (hit) return hit;
  const doc = nlp(text);
  const names: SentenceNames = {
    people: people(doc).sort((a, b) => text.indexOf(a) - text.indexOf(b)),
    places: texts(doc.places().out('array')),
    cities: texts(doc.match('#City').out('array')),
    countries: texts(doc.match('#Country').out('array')),
    organizations: texts(doc.organizations().out('array')),
  };
  namesCache.set(text, names);
  return names;
}

/** Dates (wink-nlp, then chrono-node) and numbers (wink-nlp), cached per text. Callers must not mutate the result. */
export function sentenceQuantities(text: string): SentenceQuantities {
  const hit = quantitiesCache.get(text);
  if (hit) return hit;
  const its = getIts();
  const winkDoc = getNlp().readDoc(text);
  const dates: string[] = [];
  const numbers: string[] = [];
  winkDoc.entities().each((e: { out<T>(f: ItsFunction<T>): T | string }) => {
    const type = e.out(its.type);
    const value = e.out(its.value);
    if (type === 'DATE') dates.push(value);
    else if (type === 'CARDINAL' || type === 'MONEY' || type === 'PERCENT' || type === 'DURATION' || type === 'QUANTITY') numbers.push(value);
  });
  // chrono sees ranges and day-month forms wink splits ("August 7-8, 2025"); prefer its longer spans.
  for (const r of chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    if (!r.start.isCertain('month') && !r.start.isCertain('year')) continue;
    const t = r.text.trim();
    for (let i = dates.length - 1; i >= 0; i--) if (t.includes(dates[i] ?? '\u0000')) dates.splice(i, 1);
    if (!dates.some((d) => d.includes(t))) dates.push(t);
  }
  // A number inside a date ("2025" of "August 7-8, 2025") is part of the date, not a count: "How many
  // days did the visit last?" must not be answered "2025".
  const dateSpans = dates.map((d) => [text.indexOf(d), text.indexOf(d) + d.length] as const).filter(([start]) => start >= 0);
  const counts = numbers.filter((n) => {
    const at = text.indexOf(n);
    return at < 0 || !dateSpans.some(([start, end]) => at >= start && at + n.length <= end);
  });
  const quantities: SentenceQuantities = { dates: dates.sort((a, b) => text.indexOf(a) - text.indexOf(b)), numbers: counts };
  quantitiesCache.set(text, quantities);
  return quantities;
}

/** Extracts people, places, organisations (compromise) and dates/numbers (wink-nlp, then chrono-node). */
export function sentenceEntities(text: string): SentenceEntities {
  return { ...sentenceNames(text), ...sentenceQuantities(text) };
}
