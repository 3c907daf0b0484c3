/**
 * Phrases that name a point of comparison rather than the event a sentence reports: "the deadliest
 * attack since the 2019 Pulwama bombing", "more than in 2020", "up from 500 a year earlier". A year,
 * day or figure inside one belongs to the reference, so it says nothing about which event the
 * sentence's own facts belong to.
 */
const REFERENCE_OPENERS = /\b(?:since|than|compared (?:with|to)|(?:up|down) from|surpassing|eclipsing)\b/gi;

/** Where a reference phrase stops: the next clause or sentence punctuation. */
const REFERENCE_END = /[,;:.!?()\u2013\u2014]|\s-\s/g;

/** Character spans `[start, end)` of the comparison-reference phrases in `text`. */
export function referenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(REFERENCE_OPENERS)) {
    const start = m.index;
    REFERENCE_END.lastIndex = start + m[0].length;
    // A decimal point inside a figure ("since 7.5") does not end the phrase.
    let end = text.length;
    for (let e = REFERENCE_END.exec(text); e; e = REFERENCE_END.exec(text)) {
      if (e[0] === '.' && /\d/.test(text[e.index - 1] ?? '') && /\d/.test(text[e.index + 1] ?? '')) continue;
      end = e.index;
      break;
    }
    spans.push([start, end]);
  }
  return spans;
}

/** `text` with its reference phrases blanked out, offsets kept. */
export function withoutReferences(text: string): string {
  let out = text;
  for (const [start, end] of referenceSpans(text)) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}
