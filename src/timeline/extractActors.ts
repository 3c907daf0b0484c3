import nlp from 'compromise';
import { framedNames } from '../answer/sentenceEntities.js';

/** The part of compromise's match JSON we read. */
interface TermJson {
  text: string;
  tags?: string[];
}
interface MatchJson {
  terms: TermJson[];
}

function isMatchJson(value: unknown): value is MatchJson {
  return typeof value === 'object' && value !== null && Array.isArray((value as { terms?: unknown }).terms);
}

/**
 * People, places (countries, cities) and organisations a text names, as compromise tags them,
 * in order of first appearance, without honorifics or possessive endings. For people, compromise
 * often swallows a capitalised word before the first name ("Resources Richard Verma"); the name
 * is taken to start at the first word it tags as a first name.
 */
export function extractActors(text: string): string[] {
  const doc = nlp(text);
  const found: Array<{ name: string; at: number }> = [];
  const collect = (matches: unknown[], person: boolean): void => {
    for (const match of matches) {
      if (!isMatchJson(match)) continue;
      let terms = match.terms.filter((t) => !(t.tags ?? []).includes('Honorific'));
      if (person) {
        const first = terms.findIndex((t) => (t.tags ?? []).includes('FirstName'));
        if (first > 0) terms = terms.slice(first);
      }
      const name = terms
        .map((t) => t.text)
        .join(' ')
        .replace(/['’]s$/u, '')
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$|\.$/gu, '')
        .trim();
      if (name.length < 2) continue;
      const at = text.indexOf(name);
      found.push({ name, at: at < 0 ? Number.MAX_SAFE_INTEGER : at });
    }
  };
  collect(doc.people().json() as unknown[], true);
  // Names compromise does not know ("Hikmat Hajiyev"), by their frame, as the answerer finds them.
  for (const name of framedNames(doc)) {
    if (found.some((f) => f.name.includes(name) || name.includes(f.name))) continue;
    const at = text.indexOf(name);
    found.push({ name, at: at < 0 ? Number.MAX_SAFE_INTEGER : at });
  }
  collect(doc.places().json() as unknown[], false);
  collect(doc.organizations().json() as unknown[], false);
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const actors: string[] = [];
  for (const { name } of found) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    actors.push(name);
  }
  return actors;
}
