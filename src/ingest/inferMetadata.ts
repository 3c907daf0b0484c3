import type { ArticleMeta, TextSpan } from './Article.js';
import type { CleanedArticle } from './cleanArticle.js';
import { parseFrontMatter } from './parseFrontMatter.js';
import { splitLines } from './splitLines.js';
import { DATE_RULES, firstFound, isSiteName, PAGE_STAMP, PUBLISHER_RULES, toIsoDate, withoutPageStamp, type HeaderView } from './headerRules.js';
import { findDates, isBylineFields, isMenuLine, isNameLike, isPunctuationOnly, wordCount } from './textShape.js';

export { toIsoDate } from './headerRules.js';

/**
 * Reads what an article says about itself: its headline, publisher, publication date, address
 * and author. Only the page header (the lines above the first kept paragraph), the stamp and
 * dateline of the first paragraph, an author bio and the copyright line are consulted, so a date
 * or outlet merely mentioned in the story is never taken for the article's own. Each field comes
 * from named rules (see `headerRules.ts`); unknown fields are `null`.
 */
export function inferMetadata(raw: string, cleaned: Pick<CleanedArticle, 'body' | 'furniture'>): ArticleMeta {
  const { body } = cleaned;
  const view = headerView(raw, cleaned);
  const bio = authorBio(raw);
  const found = pageOverStamp(firstFound(DATE_RULES, view), view);
  const date = found?.value ?? null;
  const datelineDay = date === null && view.lead ? yearlessDay(view.lead) : null;
  const datelinePlace = view.lead ? datelinePlaceOf(view.lead) : null;
  return {
    title: inferTitle(view.lines),
    publisher: firstFound(PUBLISHER_RULES, view)?.value ?? inferPublisherFromText(view.lead, raw, body),
    date,
    url: inferUrl(raw),
    author: inferAuthor(view.lines, bio),
    ...(found && dateAttested(found, view) ? { dateAttested: true } : {}),
    ...(datelineDay ? { datelineDay } : {}),
    ...(datelinePlace ? { datelinePlace } : {}),
  };
}

/**
 * A scraper's page stamp that another year than the page's own dated dateline gives ("date
 * 2019-10-03" above "BENGHAZI, Libya, Oct. 3, 2023 —") is wrong: the page's words win. A day or two
 * apart is left to the stamp (time zones, late stamps).
 */
function pageOverStamp(found: { value: string; rule: string } | null, view: HeaderView): { value: string; rule: string } | null {
  if (found?.rule !== 'page-stamp') return found;
  const dateline = DATE_RULES.find((r) => r.name === 'dateline')?.find(view);
  return dateline && dateline.length === 10 && dateline.slice(0, 4) !== found.value.slice(0, 4) ? { value: dateline, rule: 'dateline' } : found;
}

/**
 * Whether the page itself states its date (see `ArticleMeta.dateAttested`): any rule but the
 * scraper's page stamp, or another header line agreeing with the stamp: a dated rule to the
 * precision it gives, the dateline's day without a year ("COPIAPÓ, Aug 2 (Agency) –"), the
 * copyright year.
 */
function dateAttested(found: { value: string; rule: string }, view: HeaderView): boolean {
  if (found.rule !== 'page-stamp') return true;
  const agrees = (other: string | null) => other !== null && (found.value.startsWith(other) || other.startsWith(found.value));
  // The stamp's own line does not confirm it: another line must.
  const rest: HeaderView = { ...view, lines: view.lines.filter((l) => !PAGE_STAMP.test(l)) };
  if (DATE_RULES.some((r) => r.name !== 'page-stamp' && agrees(r.find(rest)))) return true;
  if (view.lead && yearlessDay(view.lead) === found.value.slice(5, 10)) return true;
  const year = view.copyright ? /\b(\d{4})\b/.exec(view.copyright)?.[1] : undefined;
  return year !== undefined && found.value.startsWith(year);
}

/** Words that open a dateline without being its place: dates, bylines, labels. */
const NOT_A_PLACE = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|by|updated|published|posted|date|breaking|exclusive|news|photo|video|live|watch|opinion|analysis)$/i;

/**
 * The place a dateline opens with: one to four capitalised words before a comma, colon, dash or
 * parenthesis ("ANKARA, Feb 7 (Reuters) -", "Islamabad, April 24:", "NEW DELHI (AP) —"), in the
 * case news writes it in running text ("Ankara", "New Delhi"). `null` for a dateline that opens
 * with its date or an agency ("Jan. 23 (UPI) --").
 */
export function datelinePlaceOf(lead: string): string | null {
  // A parenthesis after the place holds an agency ("(Reuters)", "(AP)"), not a ticker or a subtitle.
  const m = /^\s*(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,3})\s*(?:,|:|[-–—]\s|\(\s*(?:\p{Lu}{2,6}|\p{Lu}\p{Ll}+)\s*\))/u.exec(lead);
  const words = m?.[1]?.split(/\s+/) ?? [];
  if (words.length === 0 || words.some((w) => NOT_A_PLACE.test(w.replace(/\.$/, '')))) return null;
  // "The President:" opens a transcript; of places, only "The Hague" is written with its article.
  if (words[0] === 'The' && words[1] !== 'Hague') return null;
  // A bare agency or outlet acronym ("AP —", "TDI:") is no place; a spelled-out capital is.
  if (words.length === 1 && /^\p{Lu}{2,5}$/u.test(words[0] ?? '') && !/^(?:LA|NYC)$/.test(words[0] ?? '')) return null;
  return words.map((w) => (w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w)).join(' ');
}

/** Month and day (`MM-DD`) of a dateline that writes no year ("April 15 (Reuters) -", "ANKARA, Feb 7 (Reuters) -"). */
export function yearlessDay(lead: string): string | null {
  if (/\b\d{4}\b/.test(lead)) return null;
  const found = findDates(lead).find((r) => r.start.isCertain('month') && r.start.isCertain('day') && !/\bago\b|\btoday\b|\byesterday\b/i.test(r.text));
  if (!found) return null;
  return `${String(found.start.get('month')).padStart(2, '0')}-${String(found.start.get('day')).padStart(2, '0')}`;
}

/** The header of an article as the metadata rules read it (see {@link HeaderView}). */
export function headerView(raw: string, cleaned: Pick<CleanedArticle, 'body' | 'furniture'>): HeaderView {
  const { furniture } = cleaned;
  // The story starts at its first paragraph that reads as prose; short lines kept before it (a
  // byline's name, a kicker) belong to the header.
  const storyAt = cleaned.body.findIndex((b) => isProse(raw.slice(b.start, b.end)));
  const body = storyAt > 0 ? cleaned.body.slice(storyAt) : cleaned.body;
  const contentStart = parseFrontMatter(raw)?.range.end ?? 0;
  // The first paragraph as written, with the stamp and dateline the cleaner cut from its start.
  const firstStart = body[0] ? Math.min(body[0].start, ...furniture.filter((f) => f.end === body[0]?.start).map((f) => f.start)) : raw.length;
  const all = splitLines(raw).filter((l) => l.text !== '' && l.start >= contentStart);
  const lines = [...all.filter((l) => l.end <= firstStart).map((l) => l.text), ...gluedHeaderLines(body[0] ? raw.slice(firstStart, body[0].end) : ''), ...droppedNearTop(raw, all, body, firstStart)];
  const stamps = furniture.filter((f) => f.rule === 'page-stamp').map((f) => raw.slice(f.start, f.end));
  const opening = body[0] ? withoutPageStamp(raw.slice(firstStart, body[0].end)) : '';
  const copyright = all.map((l) => l.text).find((t) => /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b/i.test(t) && wordCount(t, 20) <= 20) ?? null;
  // The dateline the cleaner cut from the first paragraph ("Jan. 23 (UPI) --"), else one it left in place.
  const cut = furniture.filter((f) => f.rule !== 'page-stamp' && f.end === body[0]?.start).map((f) => raw.slice(f.start, f.end).trim());
  return { lines, firstLine: all[0]?.text ?? '', stamps, lead: cut[0] ?? datelineLead(opening), copyright };
}

/**
 * Short lines the cleaner dropped near the top of the story, before its third prose paragraph:
 * where a standfirst or a photo caption sits above the byline and the page's date ("Business
 * Today TV", "• May 10, 2025,"). Further down, dropped lines are teasers and footers, not header.
 */
function droppedNearTop(raw: string, all: ReadonlyArray<{ text: string; start: number; end: number }>, body: readonly TextSpan[], from: number): string[] {
  // A standfirst and a caption may both stand above the byline: the limit is the third prose paragraph.
  const prose = body.filter((b) => isProse(raw.slice(b.start, b.end)));
  const second = prose[2] ?? prose[1];
  if (!second) return [];
  const kept = (l: { start: number; end: number }) => body.some((b) => l.start < b.end && l.end > b.start);
  return all.filter((l) => l.start >= from && l.end <= second.start && !kept(l) && (wordCount(l.text, 13) <= 12 || isBylineFields(l.text))).map((l) => l.text);
}

/** A paragraph that reads as prose: a dozen words or more, or a sentence with its full stop. */
function isProse(text: string): boolean {
  return wordCount(text, 12) >= 12 || (wordCount(text, 6) >= 6 && /[.!?]["'”’)]*\s*$/.test(text));
}

/**
 * Header lines a scrape glued to the first paragraph with no blank line between ("Robert Besser",
 * "23 May 2025, 19:48 GMT+10", then the story): its leading lines while they are short and end
 * without a full stop, when a longer line follows.
 */
export function gluedHeaderLines(paragraph: string): string[] {
  const lines = paragraph.split('\n').map((l) => l.trim());
  const out: string[] = [];
  for (const line of lines.slice(0, -1)) {
    if (line === '' || wordCount(line, 13) > 12 || /[.!?]["'”’)]*$/.test(line)) break;
    out.push(line);
  }
  return out.length < lines.length ? out : [];
}

/**
 * The dateline at the head of a paragraph: "Washington, 17 May 2024(TDI):", "BAKU (…), (APP - …
 * 2025)", and the wire forms ending in a dash, "ANKARA, October 2, 2025 — " or "LONDON (Reuters) - ".
 */
export function datelineLead(paragraph: string): string | null {
  if (!/^[\p{Lu}][\p{L}.'’ -]{1,30}\s*[,(]/u.test(paragraph)) return null;
  const m = /^(.{0,160}?)(?::\s|\)\s+(?=[\p{Lu}"“]))/u.exec(paragraph);
  const colonOrParen = m?.[1] ? (m[0].endsWith(')') || /\)\s+$/.test(m[0]) ? `${m[1]})` : m[1]) : null;
  // A dash ends the dateline only outside parentheses: "(APP - UrduPoint / … - 9th Aug, 2025)" is one piece.
  let dashed: string | null = null;
  for (const d of paragraph.slice(0, 160).matchAll(/\s+[—–-]\s+(?=[\p{Lu}"“])/gu)) {
    const before = paragraph.slice(0, d.index);
    if ((before.match(/\(/g) ?? []).length === (before.match(/\)/g) ?? []).length) {
      // What datelines have and a list of names before a dash does not: a place in capitals, a number, an agency.
      if (/^\p{Lu}{2,}\b|\d|\(/u.test(before)) dashed = before;
      break;
    }
  }
  if (colonOrParen === null || (dashed !== null && dashed.length < colonOrParen.length)) return dashed;
  return colonOrParen;
}


/** Header lines that are never the headline: site chrome, bylines, photo credits. */
const NOT_A_TITLE = /\bissue\s+\d+\s*[|·•-]\s*page\s+\d+\s*$|^(?:advertisement|sponsored|skip to (?:main )?content|open menu|close menu|home|menu|search|subscribe|sign in|log in|newsletter|share|generate key takeaways|key takeaways:?|listen to (?:this )?article|by\s|photo:|image:|(?:image|photo) credit)/i;

/**
 * The headline: the first header line of four or more words that is no menu, byline, stamp or
 * site name (a site's name often stands above the headline); failing that, any such line. A page
 * stamp sharing the headline's line is not part of it.
 */
function inferTitle(header: string[]): string | null {
  const candidates = header
    .map((t) => withoutPageStamp(t).replace(/^#{1,6}\s+/, '').replace(/^title\s*:\s*/i, '').trim())
    .filter(
      (t) =>
        t !== '' &&
        !isPunctuationOnly(t) &&
        toIsoDate(t) === null &&
        !isMenuLine(t) &&
        !NOT_A_TITLE.test(t) &&
        !isSiteName(t) &&
        !/\.["'”’)]*$/.test(t) &&
        wordCount(t, 25) <= 25,
    );
  const usable = candidates.filter((text) => {
    // A breadcrumb glued to the headline ("HomeWorldAmericasPresidential …") ends with another header line.
    const isBreadcrumb = candidates.some((other) => other !== text && other.length >= 12 && text.endsWith(other));
    return !isBreadcrumb && !/(?:\s[>»›/|]\s.*){2}/.test(` ${text}`);
  });
  // A short line of capitalised words only is a byline's name ("Robert Besser") or a section label
  // more often than a headline; a short headline has a lower-case word ("Talks resume").
  return usable.find((t) => wordCount(t, 4) >= 4) ?? usable.find((t) => wordCount(t, 2) >= 2 && /(?:^|\s)\p{Ll}/u.test(t)) ?? null;
}

/** Publisher from the story itself: an acronym credit the article spells out, or the outlet naming itself ("Caliber.Az reports citing …"). */
function inferPublisherFromText(lead: string | null, raw: string, body: TextSpan[]): string | null {
  const acronym = lead ? /\(([A-Z]{2,6})\)/.exec(lead)?.[1] : undefined;
  if (acronym) {
    const expanded = expandAcronym(acronym, raw);
    if (expanded) return expanded;
  }
  const bodyText = body.map((s) => raw.slice(s.start, s.end)).join('\n');
  const reports =
    /\b([\p{Lu}][\p{L}\d-]*(?:\.[\p{L}]{2,})+) reports\b/u.exec(bodyText) ??
    /\b((?:[\p{Lu}][\p{L}\d.-]*\s){0,3}[\p{Lu}][\p{L}\d.-]*) reports,? citing\b/u.exec(bodyText);
  return reports?.[1] ?? null;
}

function expandAcronym(acronym: string, raw: string): string | null {
  const words = raw.split(/[^\p{L}\d.&'’-]+/u).filter(Boolean);
  for (let i = 0; i + acronym.length <= words.length; i++) {
    const window = words.slice(i, i + acronym.length);
    const matches = window.every((w, k) => /^\p{Lu}/u.test(w) && w[0] === acronym[k]);
    if (matches) return window.join(' ');
  }
  return null;
}

function inferUrl(raw: string): string | null {
  const line = /^[ \t]*(?:url|source|canonical|link)\s*:\s*<?(https?:\/\/[^\s>]+)/im.exec(raw);
  if (line?.[1]) return line[1];
  const canonical = /<link[^>]*rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(raw);
  return canonical?.[1] ?? null;
}

/** The name line(s) just above an "The author is …" bio, if any. */
function authorBio(raw: string): string | null {
  const lines = splitLines(raw)
    .map((l) => l.text)
    .filter((t) => t !== '');
  const i = lines.findIndex((t) => /^(?:the author|the writer|about the author)\b/i.test(t));
  const name = i > 0 ? lines[i - 1] : undefined;
  return name && isNameLike(name) ? name : null;
}

function inferAuthor(header: string[], bioName: string | null): string | null {
  for (const text of header) {
    const byline =
      /^[Bb][Yy]:?\s+([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3})\b/u.exec(text) ??
      /^([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){1,3})\s+(?:published|posted|updated)\b/iu.exec(text);
    if (byline?.[1] && isNameLike(byline[1])) return byline[1];
  }
  return bioName;
}
