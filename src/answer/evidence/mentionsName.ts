import nlp from 'compromise';
import { mentionsAlias } from '../placeAliases.js';
import { termsMatch } from '../termsMatch.js';
import { LruMap } from '../../util/LruMap.js';

/** Last words that make a name an organisation, place or thing rather than a person ("Trump Corridor", "Key Bridge"). */
export const THING_SUFFIX =
  /^(?:airlines?|airways|air|service|services|bridge|party|court|council|ministry|department|bank|group|association|agency|company|corporation|corp|inc|ltd|llc|plc|university|college|committee|commission|union|army|navy|forces?|front|airport|port|park|river|lake|street|square|station|conference|summit|club|institute|foundation|fund|organi[sz]ation|authority|board|office|administration|assembly|parliament|senate|house|congress|hospital|school|church|mosque|temple|museum|stadium|cent(?:er|re)|market|exchange|times|post|news|network|systems?|technologies|media|treaty|agreement|accord|act|law|bill|operation|project|programme|program|county|city|state|province|district|region|republic|kingdom|federation|union|emirates|island|islands|valley|mountains?|sea|ocean|gulf|bay|canal|corridor|route|highway|road|tower|building|palace|hall|plaza|prize|award|cup|games|league|festival|airbase|base|camp|crossing|border|dam|plant|reactor|mine|field|fleet|ship|vessel|aircraft)$/i;

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'du', 'am', 'van', 'von', '&']);

interface Word {
  text: string;
  norm: string;
}

/* Articles are checked for several names per question, and the same articles recur. */
const wordsCache = new LruMap<string, Word[]>(512);

/** Words of a text; a hyphenated word also counts as its parts ("Lashkar-e-Toiba" names "Lashkar"). */
function wordsOf(text: string): Word[] {
  const hit = wordsCache.get(text);
  if (hit) return hit;
  const out: Word[] = [];
  for (const w of text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []) {
    const clean = w.replace(/['’]s$/u, '').replace(/[.'’-]+$/u, '');
    out.push({ text: clean, norm: clean.toLowerCase().replace(/[.’']/g, '') });
    if (clean.includes('-')) for (const part of clean.split('-')) if (part.length > 1) out.push({ text: part, norm: part.toLowerCase().replace(/[.’']/g, '') });
  }
  wordsCache.set(text, out);
  return out;
}

const same = (a: Word, b: Word) => termsMatch({ norm: a.norm, stem: a.norm }, { norm: b.norm, stem: b.norm });

/** Whether `needle` occurs as consecutive words of `hay` (each word matching up to a spelling variant). */
function hasRun(hay: Word[], needle: Word[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((w, k) => same(hay[i + k] as Word, w))) return true;
  }
  return false;
}

/** Initials of a multi-word name, connectors skipped ("National Health Service" → "NHS"). */
function acronymOf(words: Word[]): string | undefined {
  const significant = words.filter((w) => !CONNECTORS.has(w.norm));
  return significant.length >= 2 ? significant.map((w) => w.text[0]?.toUpperCase() ?? '').join('') : undefined;
}

/** Whether an acronym ("JBC") is spelled out in the text ("Joint Boundary Commission"). */
function expandedIn(acronym: string, hay: Word[]): boolean {
  const letters = acronym.toUpperCase();
  for (let i = 0; i + letters.length <= hay.length; i++) {
    let k = 0;
    let j = i;
    while (j < hay.length && k < letters.length) {
      const w = hay[j] as Word;
      if (CONNECTORS.has(w.norm) && k > 0) {
        j++;
        continue;
      }
      if (!/^\p{Lu}/u.test(w.text) || w.text[0]?.toUpperCase() !== letters[k]) break;
      k++;
      j++;
    }
    if (k === letters.length) return true;
  }
  return false;
}

const people = new Map<string, boolean>();

/** A person's name: compromise says so, or two or three words none of which marks an organisation or place. */
function isPersonName(name: string, words: Word[]): boolean {
  let known = people.get(name);
  if (known === undefined) {
    known = words.length >= 2 && words.length <= 3 && !THING_SUFFIX.test(words.at(-1)?.norm ?? '') && (nlp(name).has('#Person') || !nlp(name).has('#Place|#Organization'));
    if (people.size > 2000) people.clear();
    people.set(name, known);
  }
  return known;
}

/**
 * Whether a text mentions a name the question gives. Written the way news refers back to names:
 * a person by surname ("Scholz" for "Olaf Scholz"), an organisation by its acronym ("NHS") or its
 * last words ("Key Bridge"), an acronym by its expansion, a country by its capital and back, and
 * any word up to a transliteration variant ("Hikmet" / "Hikmat"). "United Airlines" is not
 * mentioned by a text that names only "Delta Air Lines" and the "United States".
 */
export function mentionsName(name: string, text: string): boolean {
  const needle = wordsOf(name);
  if (needle.length === 0) return true;
  const hay = wordsOf(text);
  if (hasRun(hay, needle)) return true;
  // "U.S." is how news writes the "US" that place aliases list.
  if (mentionsAlias(text.replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, '')), name)) return true;
  if (needle.length === 1) {
    const only = needle[0] as Word;
    return /^\p{Lu}{2,6}$/u.test(only.text) && expandedIn(only.text, hay);
  }
  if (isPersonName(name, needle)) return hay.some((w) => same(w, needle.at(-1) as Word));
  const acronym = acronymOf(needle);
  if (acronym && hay.some((w) => w.text === acronym)) return true;
  return needle.length >= 3 && hasRun(hay, needle.slice(-2));
}
