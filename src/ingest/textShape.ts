import * as chrono from 'chrono-node';

/**
 * Small predicates about the shape of a line of text, shared by the cleaner and the metadata
 * inference so both agree on what a headline, a dateline or a paragraph looks like.
 */

/** Code units JavaScript's `\s` (and `String.prototype.trim`) treat as whitespace. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Number of whitespace-separated words (as `text.trim().split(/\s+/)` counts them, without the
 * arrays). With `atMost`, counting stops at `atMost + 1` words: the cleaner asks "at most n words?"
 * of every line, and most lines are paragraphs far longer than n.
 */
export function wordCount(text: string, atMost = Infinity): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord && ++words > atMost) return words;
    inWord = !space;
  }
  return words;
}

/** Ends like a sentence: terminal punctuation, optionally followed by closing quotes/brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*$/.test(text.trim());
}

/** A running-text paragraph (as opposed to a headline, label, menu or timestamp). */
export function isProse(text: string): boolean {
  const words = wordCount(text, 25);
  return (words >= 8 && endsLikeSentence(text)) || words >= 25;
}

/** A markdown-ish bullet line (`- x`, `* x`, `• x`, `1. x`). */
export function isBullet(text: string): boolean {
  return /^(?:[-*•▪◦–]\s+\S|\d{1,3}[.)]\s+\S)/.test(text);
}

/** A markdown-ish table row or separator (`a | b |`, `---|---|`). */
export function isTableRow(text: string): boolean {
  return /\|/.test(text) && (/^\|?\s*:?-{2,}/.test(text) || text.split('|').length >= 3);
}

/** Only punctuation/symbols (a lone "-", "***", "•"), excluding table separators. */
export function isPunctuationOnly(text: string): boolean {
  return text !== '' && !text.includes('|') && /^[\p{P}\p{S}\s]+$/u.test(text);
}

/** Lowercased, whitespace-collapsed, quote-normalised text for duplicate detection. */
export function normalizeForCompare(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line that could be a person's name on its own (a byline): 2–4 capitalised words. */
export function isNameLike(text: string): boolean {
  return /^(?:[\p{Lu}][\p{L}'’.-]*)(?:\s+[\p{Lu}][\p{L}'’.-]*){1,3}$/u.test(text);
}

const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Dates chrono finds in the text (relative to a fixed reference, so results are deterministic). */
export function findDates(text: string): chrono.ParsedResult[] {
  return chrono.parse(text, REFERENCE);
}

/** Whether the text contains an absolute calendar date (not "2 hours ago"): month or year spelled out. */
export function containsCalendarDate(text: string): boolean {
  return findDates(text).some((r) => r.start.isCertain('month') && !/\bago\b|\btoday\b|\byesterday\b/i.test(r.text));
}

/**
 * A line that is nothing but a timestamp ("14 July 2024 - 18:13", "Jul 14, 2024 12:03 GMT",
 * "2 hours ago"): what a date parser recognises covers all of it but separators.
 */
export function isTimestampOnly(text: string): boolean {
  // A digit is required: "last two days." is prose that a date parser would happily accept.
  if (text === '' || wordCount(text, 8) > 8 || !/\d/.test(text)) return false;
  const results = findDates(text);
  if (results.length === 0) return false;
  let rest = text;
  for (const r of results) rest = rest.replace(r.text, ' ');
  return /^[\s\p{P}\p{S}]*$/u.test(rest);
}

/**
 * A byline or date line made of short fields ("By Jane Roe | Nov 18, 2031, 1:12 AM | 214 Comments",
 * "Updated Feb. 2, 2031 | Published Jan. 8, 2031", "Jane Roe | July 9, 2031 | 5 min read"): two or
 * more fields of a few words between "|", "•" or "·", one of them a byline ("By …") or a date with
 * figures. It says who wrote the page and when, never what happened.
 */
export function isBylineFields(text: string): boolean {
  const fields = text.split(/\s+[|•·]\s+/).map((f) => f.trim()).filter(Boolean);
  if (fields.length < 2 || fields.some((f) => wordCount(f, 9) > 8)) return false;
  return fields.some((f) => /^by\s+\p{Lu}/iu.test(f) || (/\d/.test(f) && findDates(f).some((r) => r.start.isCertain('month'))));
}

/**
 * A site menu or breadcrumb: two or more short items separated by "|", "›", "»", ">", "//" or " / "
 * ("Home | World | Business", "News › Local › Washington County"), each a few words without
 * figures. Unlike a table row, it states nothing.
 */
export function isMenuLine(text: string): boolean {
  const items = text
    .split(/\s*(?:\||›|»|>|\/\/|•)\s*|\s+\/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length < 2) return false;
  // "U.S." ends with a dot and is still a menu item; a sentence is not.
  return items.every((item) => wordCount(item, 4) <= 4 && !/\d/.test(item) && !/[!?:]$/.test(item) && !(/\.$/.test(item) && wordCount(item, 2) > 2) && /^[\p{Lu}#&]/u.test(item));
}
