/** One line of a raw text, with offsets that point into that text. */
export interface Line {
  /** Offset of the first character of the line. */
  lineStart: number;
  /** Offset just past the line's last character, before `\r\n`, `\n` or `\r`. */
  lineEnd: number;
  /** Offset of the first non-whitespace character (equals `end` for a blank line). */
  start: number;
  /** Offset just past the last non-whitespace character. */
  end: number;
  /** `raw.slice(start, end)`: the line without surrounding whitespace (incl. NBSP and `\r`). */
  text: string;
}

/**
 * Splits text into lines without altering it, so every offset stays valid for the original
 * string. Handles `\n`, `\r\n` and lone `\r`, because scraped files mix them.
 */
export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let lineStart = 0;
  for (;;) {
    const m = re.exec(raw);
    const lineEnd = m ? m.index : raw.length;
    lines.push(makeLine(raw, lineStart, lineEnd));
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return lines;
}

function makeLine(raw: string, lineStart: number, lineEnd: number): Line {
  let start = lineStart;
  let end = lineEnd;
  while (start < end && /\s/.test(raw[start] ?? '')) start++;
  while (end > start && /\s/.test(raw[end - 1] ?? '')) end--;
  return { lineStart, lineEnd, start, end, text: raw.slice(start, end) };
}
