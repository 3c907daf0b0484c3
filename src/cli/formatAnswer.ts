import type { Answer } from '../answer/Answer.js';
import type { Citation } from '../answer/Answer.js';
import { articleTitle } from '../util/articleTitle.js';

/** A citation's human label: its article's title, or that there is none (the file is shown under it). */
export function citationLabel(c: Pick<Citation, 'title'>): string {
  return articleTitle(c.title);
}

/** "Publisher, 2024-06-18" with unknown parts left out rather than guessed. */
export function citationByline(c: Pick<Citation, 'publisher' | 'date'>): string {
  return [c.publisher ?? 'publisher unknown', c.date ?? 'date unknown'].join(', ');
}

/** Renders an answer for a terminal: the answer, then the numbered sources with exact quotes. */
export function formatAnswer(answer: Answer, options: { maxQuoteChars?: number } = {}): string {
  const max = options.maxQuoteChars ?? 600;
  const lines: string[] = [];
  if (answer.notice) lines.push(`(${answer.notice})`, '');
  lines.push(answer.text);
  if (answer.citations.length > 0) {
    lines.push('', answer.kind === 'answered' ? 'Sources' : 'Closest sources');
    for (const c of answer.citations) {
      const quote = c.quote.length > max ? `${c.quote.slice(0, max).replace(/\s+\S*$/, '')}…` : c.quote;
      // A quote that opens with its own quotation mark is not wrapped in a second one ("““Our talks…").
      const shown = /^["“‘']/.test(quote) ? quote : `“${quote}”`;
      lines.push(`[${c.n}] ${citationLabel(c)} — ${citationByline(c)}`, `    ${c.source} (chars ${c.start}–${c.end})`, `    ${shown}`);
    }
  }
  return lines.join('\n');
}
