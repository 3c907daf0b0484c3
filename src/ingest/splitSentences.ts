import type { TextSpan } from './Article.js';
import { endsWithTitleAbbreviation } from './abbreviations.js';
import { getSentenceNlp } from './nlp.js';
import { splitLines } from './splitLines.js';
import { isBullet, isTableRow } from './textShape.js';

/** A sentence with its exact place in the raw text: `raw.slice(start, end) === text`. */
export type Sentence = TextSpan & { text: string };

/**
 * Sentence boundaries (wink-nlp) inside each kept span, mapped back to exact offsets of `raw`.
 * A sentence never crosses a span, and bullet and table lines are sentences of their own, since
 * a sentence splitter would otherwise glue a list to the paragraph that introduces it.
 */
export function splitSentences(raw: string, spans: TextSpan[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const span of spans) {
    for (const unit of units(raw, span)) {
      if (isTableSeparator(raw.slice(unit.start, unit.end))) continue; // layout, not content
      if (unit.listLike) pushTrimmed(raw, unit.start, unit.end, sentences);
      else splitProse(raw, unit.start, unit.end, sentences);
    }
  }
  return sentences;
}

interface Unit extends TextSpan {
  listLike: boolean;
}

/** Splits a span into runs of prose lines and single bullet/table lines. */
function units(raw: string, span: TextSpan): Unit[] {
  const text = raw.slice(span.start, span.end);
  const out: Unit[] = [];
  for (const line of splitLines(text)) {
    if (line.text === '') continue;
    const start = span.start + line.start;
    const end = span.start + line.end;
    const listLike = isBullet(line.text) || isTableRow(line.text);
    const last = out.at(-1);
    if (!listLike && last && !last.listLike) last.end = end;
    else out.push({ start, end, listLike });
  }
  return out;
}

/**
 * Sentence boundaries a scrape glued shut by dropping the space or line break between two
 * paragraphs or a caption and the text after it. Each is a zero-width position inside a sentence
 * piece where a new sentence starts; a title abbreviation before it still holds ("Gov.Newsom").
 */
export const GLUED_BOUNDARY_RULES: ReadonlyArray<{ name: string; reason: string; pattern: RegExp }> = [
  {
    name: 'sentence-end',
    reason: 'A word, its full stop and a capitalised word with no space ("third spot.The far-right", "than that of Scholz’s.Also") are two paragraphs joined; acronyms ("U.S.The") have one letter before the dot and are left alone, and so are outlets named by their web address ("Caliber.Az reports", "Trend.Az", "Ukrinform.Net").',
    pattern: /(?<=(?:\p{Ll}{2}|\p{L}['’]\p{Ll})[.!?]["”’]?)(?!(?:Az|Ru|Uz|Kz|Ge|Ua|Com|Net|Org|Info|News|Tv|Pk|Lk|Uk|Eu|Tr|Ir|Ae|Ng|Ke|Za|Ph|Sg|Cn|Jp|Kr|Hk|Au|Nz|Ca|Br)(?!\p{L}))(?=\p{Lu}\p{Ll})/gu,
  },
  {
    name: 'glued-the',
    reason: 'A lower-case word straight before "The" ("takes second placeThe Bundestag has …") is a teaser headline or paragraph joined to the next when the word before is all lower case (not "TheThe").',
    pattern: /(?<=(?:^|[^\p{L}])\p{Ll}{2,})(?=The\s)/gu,
  },
  {
    name: 'caption-credit',
    reason: 'A closing bracket straight before a capitalised word ("(AP Photo)According to …") ends a photo credit or caption the scrape joined to the next paragraph.',
    pattern: /(?<=\))(?=\p{Lu}\p{Ll}+\s)/gu,
  },
  {
    name: 'figure-end',
    reason: 'A percentage straight before a capitalised word ("Others = 4.6%The results …") ends a list item or sentence joined to the next.',
    pattern: /(?<=\d%)(?=\p{Lu}\p{Ll}+\s)/gu,
  },
];

/** Offsets inside `text` where a glued sentence starts (see `GLUED_BOUNDARY_RULES`). */
export function gluedBoundaries(text: string): number[] {
  const at = new Set<number>();
  for (const rule of GLUED_BOUNDARY_RULES) for (const m of text.matchAll(rule.pattern)) if (m.index > 0) at.add(m.index);
  return [...at].sort((a, b) => a - b);
}

/** Pieces of wink's sentences, split again at glued boundaries; `glued` marks a piece that starts at one. */
function pieces(text: string): Array<{ text: string; glued: boolean }> {
  const out: Array<{ text: string; glued: boolean }> = [];
  for (const sentence of getSentenceNlp().readDoc(text).sentences().out() as string[]) {
    let from = 0;
    for (const cut of gluedBoundaries(sentence)) {
      out.push({ text: sentence.slice(from, cut), glued: from > 0 });
      from = cut;
    }
    out.push({ text: sentence.slice(from), glued: from > 0 });
  }
  return out;
}

function splitProse(raw: string, start: number, end: number, into: Sentence[]): void {
  const text = raw.slice(start, end);
  let cursor = 0;
  for (const piece of pieces(text)) {
    const trimmed = piece.text.trim();
    if (trimmed === '') continue;
    const at = text.indexOf(trimmed, cursor);
    if (at < 0) continue; // wink never rewrites text; this only guards against surprises
    const previous = into.at(-1);
    const absolute = start + at;
    if (previous && previous.end >= start && continuesPrevious(previous.text, trimmed, previous.end === absolute, piece.glued)) {
      previous.end = absolute + trimmed.length;
      previous.text = raw.slice(previous.start, previous.end);
    } else {
      pushTrimmed(raw, absolute, absolute + trimmed.length, into);
    }
    cursor = at + trimmed.length;
  }
  if (cursor < text.length && text.slice(cursor).trim() !== '') pushTrimmed(raw, start + cursor, end, into);
}

/**
 * wink breaks "Apa.az" and similar domains after the dot, and breaks after titles ("Rear Adm.",
 * "Sgt. Maj."): a "sentence" that starts in lowercase or follows a title abbreviation continues the
 * previous one, and so does one with no space before it unless that is a glued boundary.
 */
function continuesPrevious(previous: string, piece: string, touching: boolean, glued: boolean): boolean {
  if (endsWithTitleAbbreviation(previous) || /^[\p{Ll}]/u.test(piece)) return true;
  return touching && !glued && !gluedBoundaries(previous + piece).includes(previous.length);
}

function pushTrimmed(raw: string, start: number, end: number, into: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(raw[s] ?? '')) s++;
  while (e > s && /\s/.test(raw[e - 1] ?? '')) e--;
  if (e > s) into.push({ start: s, end: e, text: raw.slice(s, e) });
}

function isTableSeparator(text: string): boolean {
  return /^[\s|:+-]+$/.test(text) && text.includes('-') && text.includes('|');
}
