/**
 * A year told in words right after a day or month: "Aug. 24 last year", "March of this year",
 * "May 5, next year". Anchored at the start of the text that follows the date.
 */
export const YEAR_IN_WORDS = /^,?\s+(?:of\s+)?(last|this|next)\s+year\b/i;

/**
 * The year the words after a date give, counted from `referenceYear` (the article's), or
 * undefined when they give none.
 * @param after - the text right after the date.
 */
export function yearInWords(after: string, referenceYear: number): number | undefined {
  const told = YEAR_IN_WORDS.exec(after)?.[1]?.toLowerCase();
  if (told === undefined) return undefined;
  return referenceYear + (told === 'last' ? -1 : told === 'next' ? 1 : 0);
}
