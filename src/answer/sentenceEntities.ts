import nlp from 'compromise';
import * as chrono from 'chrono-node';
import type { ItsFunction } from 'wink-nlp';
import { getIts, getNlp } from '../ingest/nlp.js';

/** Entities in one sentence, as written there (so a short answer can quote them). */
export interface SentenceEntities {
  people: string[];
  places: string[];
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
  return word.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '').replace(/\.$/, '');
}

/**
 * Person names from compromise, tidied: titles that compromise folds into a name ("Affairs John
 * Bass", "President Ilham Aliyev") are trimmed to start at the first given name. Runs of two or
 * more untagged proper nouns that are not titles, places or organisations ("Sonata Coulter") are
 * added, because compromise's lexicon does not know every name.
 */
function people(doc: ReturnType<typeof nlp>): string[] {
  const found: string[] = [];
  const pushName = (terms: CompromiseTerm[]) => {
    const words = terms.map((t) => clean(t.text)).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length === 0) return;
    const name = words.join(' ');
    if (!found.some((f) => f.includes(name) || name.includes(f))) found.push(name);
  };
  const peopleJson: unknown = doc.people().json();
  if (isTermList(peopleJson)) {
    for (const m of peopleJson) {
      const terms = m.terms ?? [];
      const firstGiven = terms.findIndex((t) => (t.tags ?? []).some((tag) => NAME_TAGS.has(tag)));
      const kept = (firstGiven >= 0 ? terms.slice(firstGiven) : terms).filter((t) => !(t.tags ?? []).some((tag) => TITLE_TAGS.has(tag)));
      if (kept.length > 0 && (firstGiven >= 0 || kept.length >= 2)) pushName(kept);
    }
  }
  const all: unknown = doc.json();
  if (isTermList(all)) {
    for (const sentence of all) {
      // An unknown name is recognised by its frame: a title right before it ("Minister X Y") or an
      // appositive title right after it ("X Y, Deputy Assistant to...").
      const terms = sentence.terms ?? [];
      const isTitle = (t: CompromiseTerm | undefined) => (t?.tags ?? []).includes('Actor');
      let run: CompromiseTerm[] = [];
      let runStart = 0;
      const flush = (i: number) => {
        const before = terms[runStart - 1];
        const after = terms[i];
        const appositive = run.length > 0 && /,/.test(run.at(-1)?.post ?? '') && isTitle(after);
        if (run.length >= 2 && run.length <= 3 && (isTitle(before) || appositive)) pushName(run);
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
  }
  return found;
}

function texts(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((s) => s.replace(/[,.;:]+$/, '').trim()) : [];
}

/** Extracts people, places, organisations (compromise) and dates/numbers (wink-nlp, then chrono-node). */
export function sentenceEntities(text: string): SentenceEntities {
  const doc = nlp(text);
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
  return {
    people: people(doc).sort((a, b) => text.indexOf(a) - text.indexOf(b)),
    places: texts(doc.places().out('array')),
    organizations: texts(doc.organizations().out('array')),
    dates: dates.sort((a, b) => text.indexOf(a) - text.indexOf(b)),
    numbers,
  };
}
