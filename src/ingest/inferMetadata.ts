import type { ArticleMeta, TextSpan } from './Article.js';
import type { CleanedArticle } from './cleanArticle.js';
import { parseFrontMatter } from './parseFrontMatter.js';
import { splitLines } from './splitLines.js';
import { findDates, isNameLike, isPunctuationOnly, wordCount } from './textShape.js';

/**
 * Reads what an article says about itself: its headline, publisher, publication date, address
 * and author. Only the page header (the lines above the first kept paragraph), the opening
 * dateline of the first paragraph and an author bio are consulted, so a date or outlet merely
 * mentioned in the story is never taken for the article's own. Unknown fields are `null`.
 */
export function inferMetadata(raw: string, cleaned: Pick<CleanedArticle, 'body' | 'furniture'>): ArticleMeta {
  const { body, furniture } = cleaned;
  const contentStart = parseFrontMatter(raw)?.range.end ?? 0;
  // The first paragraph as written, with the stamp and dateline the cleaner cut from its start.
  const firstStart = body[0] ? Math.min(body[0].start, ...furniture.filter((f) => f.end === body[0]?.start).map((f) => f.start)) : raw.length;
  const header = splitLines(raw)
    .filter((l) => l.text !== '' && l.start >= contentStart && l.end <= firstStart)
    .map((l) => l.text);
  const stamps = furniture.filter((f) => f.rule === 'page-stamp' && f.end <= (body[0]?.start ?? raw.length)).map((f) => raw.slice(f.start, f.end));
  const opening = body[0] ? raw.slice(firstStart, body[0].end).replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+/, '') : '';
  const lead = datelineLead(opening);
  const bio = authorBio(raw);

  return {
    title: inferTitle(header),
    publisher: inferPublisher(lead, header, raw, body),
    date: inferDate([...stamps, ...header], lead),
    url: inferUrl(raw),
    author: inferAuthor(header, bio),
  };
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

/** ISO date at the precision the text states, or null when the year is not stated. */
export function toIsoDate(text: string): string | null {
  for (const r of findDates(text)) {
    if (/\bago\b|\btoday\b|\byesterday\b|\btomorrow\b/i.test(r.text)) continue;
    const s = r.start;
    if (!s.isCertain('year')) continue;
    const year = String(s.get('year')).padStart(4, '0');
    if (!s.isCertain('month')) return year;
    const month = String(s.get('month')).padStart(2, '0');
    if (!s.isCertain('day')) return `${year}-${month}`;
    return `${year}-${month}-${String(s.get('day')).padStart(2, '0')}`;
  }
  return null;
}

function inferTitle(header: string[]): string | null {
  const candidates = header.filter(
    (t) => !isPunctuationOnly(t) && toIsoDate(t) === null && !/\bmenu\b/i.test(t) && !/\.["'”’)]*$/.test(t) && wordCount(t, 25) <= 25,
  );
  for (const text of candidates) {
    // A breadcrumb glued to the headline ("HomeWorldAmericasPresidential …") ends with another header line.
    const isBreadcrumb = candidates.some((other) => other !== text && other.length >= 12 && text.endsWith(other));
    if (isBreadcrumb || /(?:\s[>»›/|]\s.*){2}/.test(` ${text}`)) continue;
    const title = text.replace(/^#{1,6}\s+/, '').replace(/^title\s*:\s*/i, '').trim();
    if (title !== '') return title;
  }
  return null;
}

function inferDate(header: string[], lead: string | null): string | null {
  for (const text of header) {
    if (wordCount(text, 12) > 12) continue;
    const iso = toIsoDate(text);
    if (iso) return iso;
  }
  return lead ? toIsoDate(lead) : null;
}

function inferPublisher(lead: string | null, header: string[], raw: string, body: TextSpan[]): string | null {
  for (const text of [lead ?? '', ...header]) {
    // "(APP - UrduPoint / Pakistan Point News - 9th Aug, 2025)": agency, then the outlet.
    const agency = /\(\s*[A-Z]{2,8}\s*[-–—]\s*([^/()–—-]+?)\s*[/–—-]/.exec(text);
    if (agency?.[1]) return agency[1].trim();
  }
  if (lead) {
    // "(TDI)": an acronym, expanded only if the article spells it out somewhere.
    const acronym = /\(([A-Z]{2,6})\)/.exec(lead)?.[1];
    if (acronym) {
      const expanded = expandAcronym(acronym, raw);
      if (expanded) return expanded;
    }
  }
  const bodyText = body.map((s) => raw.slice(s.start, s.end)).join('\n');
  // "Caliber.Az reports citing …": the outlet naming itself as the reporter.
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
