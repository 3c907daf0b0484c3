import nlp from 'compromise';
import type { TextSpan } from './Article.js';
import { leadingFurniture } from './leadingFurniture.js';
import { parseFrontMatter } from './parseFrontMatter.js';
import { splitLines } from './splitLines.js';
import type { Line } from './splitLines.js';
import {
  containsCalendarDate,
  endsLikeSentence,
  isBullet,
  isMenuLine,
  isNameLike,
  isProse,
  isPunctuationOnly,
  isTableRow,
  isTimestampOnly,
  normalizeForCompare,
  wordCount,
  isBylineFields,
} from './textShape.js';

// In its own module so start-up's staleness check does not load the cleaning rules (and chrono-node).
export { CLEANER_VERSION } from './cleanerVersion.js';

/** The cleaner's verdict: kept article text and removed boilerplate, both as spans of `raw`. */
export interface CleanedArticle {
  body: TextSpan[];
  removed: TextSpan[];
  /**
   * Page stamps and datelines cut from the start of paragraphs (see `leadingFurniture.ts`), in
   * order, each with the rule that recognised it: metadata reads the article's date and place
   * from them.
   */
  furniture: Array<TextSpan & { rule: string }>;
}

/** "Berlin:" opening a paragraph is a dateline; "Vote:" is a label (compromise knows places). */
function isKnownPlace(word: string): boolean {
  return nlp(word).has('#Place');
}

/**
 * Headings that open a site section after the article ("Read also", "Latest news", "Follow us").
 * Matched against a whole line only, so prose mentioning these words is never affected.
 */
const SECTION_MARKER =
  /^\[?(?:read also|also read|read more|more news|latest news|all news|top news|latest posts|recent posts|popular posts|most popular|most read|most viewed|related|related (?:news|articles|stories|posts|content|press releases|links|reading|coverage|topics)|further reading|more (?:features|coverage|on this (?:topic|story|subject))|other news(?: in this section)?|read next|up next|also in the news|more in the news|in other news|you may also like|recommended(?: for you)?|trending(?: now)?|more stories|more from [\p{L} .-]{1,40}|follow us(?: on [\p{L} ,&]{1,40})?|subscribe to our [\p{L} ]{1,40}|join our [\p{L} ]{1,40}|share this(?: article)?|tags?)\]?\s*:?$/iu;

/** A teaser link inside the article: "Also read: …", "Read more: …" (a line, or a sentence glued into a paragraph). */
export const INLINE_TEASER = /^(?:also read|read also|read more|see also|related|recommended|watch|listen|(?:next|previous|prev) (?:gallery|article|story|video|slideshow|post))\s*[:|–—-]\s*\S/i;

/** Social counters such as "4,846FansLike", "2.1K Followers Follow". */
const SOCIAL_COUNTER = /^[\d.,]+\s*[KkMm]?\s*(?:[\p{L}]+\s*)?(?:like|likes|follow|followers|subscribe|subscribers|join|share|shares)$/iu;

/** Calls to action and site chrome ("Subscribe to our Telegram channel", "Open Menu"). */
const CALL_TO_ACTION = /^(?:subscribe|follow us|join us|join our|sign up|share this|share on|click here|download our|open menu|close menu|toggle navigation|skip to (?:main )?content|advertisement|sponsored|newsletter\b.{0,80}$)\b/i;

/** A cookie or consent banner ("We use cookies to …", "This site uses cookies."): site chrome wherever it stands. */
const COOKIE_BANNER = /\b(?:we use cookies|this (?:site|website) uses cookies|uses cookies to|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|manage (?:cookie )?preferences)\b/i;

/**
 * A related-headlines item: a headline line that ends with its own date, in parentheses or after a
 * dash ("- Airbus wins record orders in 2023 (Jan 10, 2024)", "Board approves rule - 12/20/2031"),
 * or with a day without its year in parentheses ("Orders rebound in February (March 10)").
 */
function isDatedTeaser(text: string): boolean {
  const date = String.raw`(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.?,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4})`;
  // "- Uranium prices hit a high (January 2024)": in a list, a month and year is a headline's date too.
  if (isBullet(text) && new RegExp(String.raw`\((?:${date}|[A-Z][a-z]{2,8} \d{4})\)\s*$`).test(text)) return true;
  // "Port reopens to traffic — Aug. 6, 2031", "3. Councils warn over costs – 20 November 2031", "Rents flatten
  // (Mar 21, 2031)", "Board approves rule - 12/20/2031", "Holiday travel peaks   2031-09-17" (a column gap): a
  // headline and its date.
  if (!endsLikeSentence(text) && wordCount(text, 20) <= 20 && new RegExp(String.raw`(?:\s[—–-]\s*|,\s+|\s\|\s*|\s\(|\S\s{2,}|\S\t+)${date}\)?\s*$`).test(text)) return true;
  // "Shipbuilders' orders rebound in February (March 10)": a teaser list dated without its year.
  return !endsLikeSentence(text) && wordCount(text, 20) <= 20 && /\s\((?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})\)\s*$/.test(text);
}

/**
 * A page's topic tags ("Tags: Titan submersible, OceanGate, Coast Guard", "Filed under: Politics"):
 * a list of labels after a heading, not a sentence of the article.
 */
const TAG_LINE = /^(?:tags?|topics?|keywords|categories|filed under|more on)\s*:\s*\S[^!?]{0,200}(?<![.!?]["'”’)]*)$/i;

/** A share bar ("Share 1.2K | Tweet | Email", "Share | Print"): buttons, not text. */
const SHARE_BAR = /^(?:share|tweet|email|print|save|comments?)\b[\s\d.,KkMm]*(?:[|•·]\s*(?:share|tweet|email|print|save|comments?|whatsapp|facebook|twitter|linkedin|x)\b[\s\d.,KkMm]*)+$/i;

/** A reading-time or share counter line ("2 min read | 847 Shares", "5 minute read"). */
const READING_TIME = /^\d+\s*(?:min|mins|minutes?)\s+read\b.{0,60}$/i;

/** An editor's note about the page itself ("Editor's note: This article was updated on March 12 …"). */
const EDITOR_NOTE = /^(?:editor['’]s note|correction|clarification)\s*:|\bthis (?:article|story|report) (?:was|has been) (?:originally |first )?(?:updated|published|amended|corrected)\b/i;

/** A copyright or rights footer ("© 2025 Example. All rights reserved."). */
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\.?$/i;

/** A metadata line naming the source address. */
const URL_LINE = /^(?:url|source|canonical|link)\s*:\s*<?https?:\/\/\S+$/i;

/** An author bio paragraph opener. */
const BIO_OPENER = /^(?:the author|the writer|about the author|about the writer)\b/i;

/** A linked or plain headline in a teaser list (no sentence punctuation, not a list/table item of the article). */
function isTeaserHeadline(text: string): boolean {
  // Bulleted too: a "Read also" list of headlines is a list ("- Sea wall repairs delayed again").
  return !endsLikeSentence(text) && !/[:;]$/.test(text) && !isTableRow(text) && wordCount(text, 20) <= 20;
}

/** A dateline or publication stamp ("REGION 18 June 2024 - 09:21", "Published August 09, 2025"). */
function isDateline(text: string): boolean {
  // "Updated: February 19, 2025 at 9:47 p.m.": the full stop of "p.m." ends a clock time, not a sentence.
  const untimed = text.replace(/\d{1,2}(?:[:.]\d{2})?\s*[ap]\.m\.$/i, '').trim();
  return wordCount(text, 12) <= 12 && !endsLikeSentence(untimed) && containsCalendarDate(text);
}

/** Lines above the article that are a title, breadcrumb, dateline or menu rather than text. */
function isHeaderLine(text: string): boolean {
  return (
    isPunctuationOnly(text) ||
    isMenuLine(text) ||
    isDateline(text) ||
    CALL_TO_ACTION.test(text) ||
    URL_LINE.test(text) ||
    // Headlines may end in "?" or "!", but a short line ending in a full stop is a sentence.
    (!isProse(text) && !isBullet(text) && !isTableRow(text) && !/\.["'”’)]*$/.test(text) && wordCount(text, 20) <= 20)
  );
}

/** Lines that are never article text, wherever they appear. */
function isChrome(text: string): boolean {
  return (
    isPunctuationOnly(text) ||
    INLINE_TEASER.test(text) ||
    (COPYRIGHT.test(text) && wordCount(text, 15) <= 15) ||
    SOCIAL_COUNTER.test(text) ||
    URL_LINE.test(text) ||
    (CALL_TO_ACTION.test(text) && !isProse(text)) ||
    (isDateline(text) && /\b(?:published|updated|posted|modified|date)\b/i.test(text)) ||
    (COOKIE_BANNER.test(text) && wordCount(text, 40) <= 40) ||
    isDatedTeaser(text) ||
    (EDITOR_NOTE.test(text) && wordCount(text, 40) <= 40) ||
    TAG_LINE.test(text) ||
    READING_TIME.test(text) ||
    (isTimestampOnly(text) && wordCount(text, 6) <= 6) ||
    isBylineFields(text) ||
    SHARE_BAR.test(text)
  );
}

/**
 * Separates an article's own text from the page furniture scraped along with it, by choosing
 * which lines of `raw` to keep. Nothing is rewritten, so every kept span is an exact slice of
 * `raw` and citations can quote it verbatim.
 *
 * The rules are general, not per-site:
 * - header: a title, breadcrumb, dateline, menu or lone "-" above the first paragraph;
 * - a known section heading ("Read also", "Latest news", "Follow us") after which nothing but
 *   short lines follows: it and everything after it go; mid-article, it and the headlines under it;
 * - runs of short headline lines interleaved with two or more timestamps (news tickers);
 * - teaser links ("Also read: …"), social counters, calls to action, URL and copyright lines;
 * - byline and date lines made of short fields ("By Jane Roe | Nov 18, 2031 | 214 Comments");
 * - a byline name (possibly repeated) followed by an "The author is …" bio;
 * - a line repeated verbatim (a title shown twice), or a summary repeated inside a later paragraph.
 *
 * Bullets, tables and subheadings inside the article are kept.
 */
export function cleanArticle(raw: string): CleanedArticle {
  const frontMatter = parseFrontMatter(raw);
  const contentStart = frontMatter?.range.end ?? 0;
  const lines = splitLines(raw).filter((l) => l.text !== '' && l.start >= contentStart);
  const drop = new Array<boolean>(lines.length).fill(false);
  const texts = lines.map((l) => l.text);

  // Header: the maximal run of header-like lines at the top (a hard-wrapped first line is not one).
  let first = 0;
  while (first < lines.length && isHeaderLine(texts[first] ?? '')) {
    const line = lines[first];
    const nextLine = lines[first + 1];
    if (line && nextLine && continuesParagraph(raw, line, nextLine)) break;
    drop[first++] = true;
  }

  // Trailing section: a marker followed only by non-prose lines.
  for (let i = first; i < lines.length; i++) {
    if (!SECTION_MARKER.test(texts[i] ?? '')) continue;
    if (texts.slice(i + 1).every((t) => !isProse(t) || BIO_OPENER.test(t))) {
      for (let j = i; j < lines.length; j++) drop[j] = true;
      break;
    }
    // A sidebar in the middle ("Read also" + headlines): drop it up to the next paragraph.
    drop[i] = true;
    for (let j = i + 1; j < lines.length && !isProse(texts[j] ?? '') && isTeaserHeadline(texts[j] ?? ''); j++) drop[j] = true;
  }

  dropTimestampRuns(texts, drop);

  for (let i = first; i < lines.length; i++) {
    const text = texts[i] ?? '';
    if (isChrome(text)) drop[i] = true;
    if (BIO_OPENER.test(text)) {
      drop[i] = true;
      for (let j = i - 1; j >= 0 && j >= i - 3 && isNameLike(texts[j] ?? ''); j--) drop[j] = true;
    }
  }

  dropDuplicates(texts, drop);

  const body = joinKept(raw, lines, drop);
  const removed: TextSpan[] = [];
  if (frontMatter) removed.push(frontMatter.range);
  lines.forEach((l, i) => {
    if (drop[i]) removed.push({ start: l.start, end: l.end });
  });
  const furniture = cutLeadingFurniture(raw, body);
  removed.push(...furniture.map(({ start, end }) => ({ start, end })));
  return { body, removed, furniture };
}

/** Moves each paragraph's start past its page stamp and dateline; returns what was cut. */
function cutLeadingFurniture(raw: string, body: TextSpan[]): Array<TextSpan & { rule: string }> {
  const cut: Array<TextSpan & { rule: string }> = [];
  for (const span of body) {
    for (const f of leadingFurniture(raw.slice(span.start, span.end), isKnownPlace)) {
      if (span.start + f.length >= span.end) break;
      cut.push({ start: span.start, end: span.start + f.length, rule: f.rule });
      span.start += f.length;
    }
  }
  return cut;
}

/** Drops news-ticker runs: consecutive short non-prose lines holding two or more timestamps. */
function dropTimestampRuns(texts: string[], drop: boolean[]): void {
  let i = 0;
  while (i < texts.length) {
    if (isProse(texts[i] ?? '') || isBullet(texts[i] ?? '') || isTableRow(texts[i] ?? '')) {
      i++;
      continue;
    }
    let j = i;
    let stamps = 0;
    while (j < texts.length) {
      const t = texts[j] ?? '';
      if (isProse(t) || isBullet(t) || isTableRow(t) || wordCount(t, 16) > 16) break;
      if (isTimestampOnly(t)) stamps++;
      j++;
    }
    if (stamps >= 2) for (let k = i; k < j; k++) drop[k] = true;
    i = Math.max(j, i + 1);
  }
}

/** Drops a line seen before (a repeated title or byline) and a summary repeated in a later paragraph. */
function dropDuplicates(texts: string[], drop: boolean[]): void {
  const norm = texts.map(normalizeForCompare);
  const seen = new Set<string>();
  norm.forEach((n, i) => {
    const repeatable = isBullet(texts[i] ?? '') || isTableRow(texts[i] ?? '') || wordCount(n, 3) < 3;
    if (seen.has(n) && !repeatable) drop[i] = true;
    seen.add(n);
  });
  norm.forEach((n, i) => {
    if (drop[i] || wordCount(n, 8) < 8) return;
    for (let j = i + 1; j < norm.length; j++) {
      const later = norm[j] ?? '';
      if (!drop[j] && later.length > n.length && later.includes(n)) {
        drop[i] = true;
        return;
      }
    }
  });
}

/**
 * Turns kept lines into spans. Consecutive kept lines are joined into one span only when the
 * first is hard-wrapped prose (no terminal punctuation, next line starts in lowercase), so a
 * sentence is never cut by a line break while headings, bullets and table rows stay separate.
 */
function joinKept(raw: string, lines: Line[], drop: boolean[]): TextSpan[] {
  const spans: TextSpan[] = [];
  let prev: { line: Line; span: TextSpan } | undefined;
  lines.forEach((line, i) => {
    if (drop[i]) {
      prev = undefined;
      return;
    }
    if (prev && continuesParagraph(raw, prev.line, line)) {
      prev.span.end = line.end;
      prev = { line, span: prev.span };
      return;
    }
    const span = { start: line.start, end: line.end };
    spans.push(span);
    prev = { line, span };
  });
  return spans;
}

function continuesParagraph(raw: string, prev: Line, next: Line): boolean {
  const between = raw.slice(prev.end, next.start);
  const lineBreaks = between.match(/\r\n|\n|\r/g)?.length ?? 0;
  if (lineBreaks !== 1) return false;
  if (isBullet(prev.text) || isTableRow(prev.text) || isBullet(next.text) || isTableRow(next.text)) return false;
  if (endsLikeSentence(prev.text) || /[:]$/.test(prev.text)) return false;
  return /^[\p{Ll}\d(,;]/u.test(next.text);
}
