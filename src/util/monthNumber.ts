const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The number (1–12) of a month written in full or abbreviated ("March", "Mar", "Sept."), by its
 * first three letters; 0 when the word is no month.
 */
export function monthNumber(word: string): number {
  return MONTH_PREFIXES.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}
