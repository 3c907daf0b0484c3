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

function splitProse(raw: string, start: number, end: number, into: Sentence[]): void {
  const text = raw.slice(start, end);
  const doc = getSentenceNlp().readDoc(text);
  let cursor = 0;
  const pieces: string[] = doc.sentences().out();
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed === '') continue;
    const at = text.indexOf(trimmed, cursor);
    if (at < 0) continue; // wink never rewrites text; this only guards against surprises
    const previous = into.at(-1);
    const absolute = start + at;
    // wink breaks "Apa.az" and similar domains after the dot, and breaks after titles ("Rear Adm.",
    // "Sgt. Maj."): a "sentence" that starts with no space or in lowercase, or follows a title
    // abbreviation, continues the previous one.
    if (previous && previous.end >= start && (previous.end === absolute || /^[\p{Ll}]/u.test(trimmed) || endsWithTitleAbbreviation(previous.text))) {
      previous.end = absolute + trimmed.length;
      previous.text = raw.slice(previous.start, previous.end);
    } else {
      pushTrimmed(raw, absolute, absolute + trimmed.length, into);
    }
    cursor = at + trimmed.length;
  }
  if (cursor < text.length && text.slice(cursor).trim() !== '') pushTrimmed(raw, start + cursor, end, into);
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
