/**
 * Page furniture that scraped pages glue to the start of a paragraph: the scraper's page stamp
 * (" date 2025-04-22 "), and datelines with their agency tags ("Islamabad, April 24:",
 * "Jan. 23 (UPI) --", "ATLANTA — (AP) —", "(BERLIN) —"). They are metadata, not what the article
 * says: a quoted sentence must not open with them, and a short answer must never be taken from
 * them ("Islamabad" is not where an event happened because the story was filed there). They still
 * tell the article's date and place, so the cleaner reports them rather than forgetting them.
 *
 * Each rule is anchored at the start of a paragraph and states why it is furniture.
 */

import { PAGE_STAMP_BEFORE_TEXT } from './headerRules.js';

/** A month written out or abbreviated ("Sept", "Apr.", "March"). */
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** "April 24", "Sept 5", "24 April", "9th Aug, 2025", "May 6, 2025", "Apr. 9". */
const DAY_DATE = String.raw`(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?(?:\s+\d{4})?)`;
/** An agency or outlet tag: "(UPI)", "(AP)", "(dpa/GNA)", "(TNA)", "/TASS/", "(de-news.net)". */
const AGENCY = String.raw`(?:\(\s*[\p{L}][\p{L}\d .&/'-]{0,40}\)|/[\p{Lu}][\p{Lu}\d]{1,10}/)`;
/**
 * What ends a dateline: a colon, a doubled hyphen, or a dash with a space before it ("US-Azerbaijan"
 * is a compound, not "US" and a dash).
 */
const SEP = String.raw`(?:\s*(?:--|:)\s*|\s+[—–-]\s*|[—–]\s+)`;
/** A place in capitals ("RAWALPINDI", "NEW DELHI", "JAMMU/SRINAGAR"). */
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}.'/-]+(?:\s+\p{Lu}[\p{Lu}.'/-]+){0,3}`;
/** A place in title case, one to three words ("Islamabad", "Jammu/Srinagar", "New Delhi"). */
const PLACE = String.raw`\p{Lu}[\p{L}.'’/-]+(?:\s+\p{Lu}[\p{L}.'’/-]+){0,2}`;

/** One kind of leading furniture. */
export interface FurnitureRule {
  name: string;
  /** Why this is metadata rather than article text. */
  reason: string;
  /** Matches at the start of a paragraph; the match is what is cut off. */
  pattern: RegExp;
}

/** What may follow furniture: the article's own first word (a capital, a digit or a quote). */
const NEXT = String.raw`(?=["“‘'(]?[\p{Lu}\d])`;

/** The rules, tried in order; a paragraph may start with a stamp and then a dateline. */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  {
    name: 'page-stamp',
    reason: 'The scraper records the page date as " date YYYY-MM-DD" before the text; the page never says it.',
    // Any text may follow the stamp: the scraper also cuts pages mid-sentence ("date 2031-08-07 the hearing …").
    pattern: PAGE_STAMP_BEFORE_TEXT,
  },
  {
    name: 'date-agency',
    reason: 'Wire copy opens with the filing date and agency ("Jan. 23 (UPI) --"): when the story was filed, not what happened.',
    pattern: new RegExp(String.raw`^${DAY_DATE}\s*${AGENCY}${SEP}${NEXT}`, 'u'),
  },
  {
    name: 'place-date-agency',
    reason: 'A place, a date and often an agency before the text ("Islamabad, April 24:", "Jammu/Srinagar, May 7 (PTI)", "BERLIN, May 6. /TASS/.") say where and when the story was filed.',
    pattern: new RegExp(String.raw`^${PLACE}(?:,\s*${PLACE})?,\s*${DAY_DATE}\.?,?\s*(?:${AGENCY}\.?)?(?:${SEP}|\s+)${NEXT}`, 'u'),
  },
  {
    name: 'caps-place',
    reason: 'A place in capitals before a dash or colon, with an optional region and agency ("RAWALPINDI:", "ATLANTA — (AP) —", "ERBIL, Kurdistan Region -", "BANGKOK, Sept 5 (TNA) –") is a dateline.',
    pattern: new RegExp(String.raw`^${CAPS_PLACE}(?:,\s*(?:${DAY_DATE}|${PLACE}))?\s*(?:${AGENCY})?(?:${SEP}${AGENCY})?${SEP}${NEXT}`, 'u'),
  },
  {
    name: 'place-paren-agency',
    reason: 'A place, a parenthesised region and an agency credit with its date ("BAKU (AZERBAIJAN), (APP - … - 9th Aug, 2025)") is a dateline.',
    pattern: new RegExp(String.raw`^${CAPS_PLACE}\s*\([^()]{1,40}\),?\s*\([^()]{1,120}\)\s*(?:${SEP})?${NEXT}`, 'u'),
  },
  {
    name: 'place-region-agency',
    reason: 'A place in title case, its country in parentheses and an agency credit before a dash ("Derna (Libya) (AFP) –") is a dateline.',
    pattern: new RegExp(String.raw`^${PLACE}\s*\(${PLACE}\)\s*\(\s*\p{Lu}[\p{L}]{1,5}\s*\)${SEP}${NEXT}`, 'u'),
  },
  {
    name: 'paren-lead',
    reason: 'A parenthesised place or outlet before a dash ("(BERLIN) —", "(CNN) —", "(de-news.net) –") names where or by whom the story was filed.',
    pattern: new RegExp(String.raw`^\(\s*[\p{L}][\p{L}\d .&/'-]{1,40}\)${SEP}${NEXT}`, 'u'),
  },
  {
    name: 'place-colon',
    reason: 'A one- or two-word place in title case and a colon opening a paragraph ("Srinagar: Pakistani troops…", "ATLANTA, Georgia:") is a dateline; a label of more words is left alone.',
    pattern: new RegExp(String.raw`^(?:${CAPS_PLACE}|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)(?:,\s*\p{Lu}\p{Ll}+)?:\s+${NEXT}`, 'u'),
  },
];

/** Furniture found at the start of a paragraph: which rule, and how many characters it covers. */
export interface LeadingFurniture {
  rule: string;
  length: number;
}

/**
 * The furniture at the start of `paragraph` (a stamp, then possibly a dateline), in order. Empty
 * when the paragraph starts with its own text. `place-colon` needs `isPlace`, so that a label such
 * as "Vote:" or "Proposal:" is not taken for a dateline.
 */
export function leadingFurniture(paragraph: string, isPlace: (word: string) => boolean = () => true): LeadingFurniture[] {
  const found: LeadingFurniture[] = [];
  let rest = paragraph;
  for (let round = 0; round < 2; round++) {
    const hit = FURNITURE_RULES.map((rule) => ({ rule, m: rule.pattern.exec(rest) })).find(
      ({ rule, m }) => m !== null && (rule.name !== 'place-colon' || isPlace(m[0].replace(/[:\s]+$/, ''))),
    );
    if (!hit?.m) break;
    found.push({ rule: hit.rule.name, length: hit.m[0].length });
    rest = rest.slice(hit.m[0].length);
    if (hit.rule.name !== 'page-stamp') break;
  }
  return found;
}
