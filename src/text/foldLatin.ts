/** Latin letters with no decomposition into a base letter and marks: their nearest plain letter. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ı: 'i', İ: 'I', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŋ: 'n', Ŋ: 'N',
  ĸ: 'k', ŀ: 'l', Ŀ: 'L', ŉ: 'n', œ: 'o', Œ: 'O', ƒ: 'f', ſ: 's', ø: 'o', Ø: 'O', æ: 'a', Æ: 'A', ð: 'd', Ð: 'D', þ: 't', Þ: 'T', ß: 's',
};

/** Latin-1 Supplement letters, Latin Extended-A and -B, and Latin Extended Additional (Vietnamese). */
const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/gu;

/**
 * The text with every accented or special Latin letter replaced by its plain letter, one character
 * for one ("Kılıçdaroğlu" → "Kilicdaroglu"), so offsets into the result are offsets into the text.
 * wink-nlp's tokenizer splits words at letters outside Latin-1 ("Erdoğan" → "Erdo", "an"); names
 * from Turkey, Poland, Romania or Vietnam must stay whole words. Other scripts are left as they are.
 */
export function foldLatin(text: string): string {
  return text.replace(LATIN_WITH_MARKS, (ch) => {
    const mapped = UNDECOMPOSABLE[ch];
    if (mapped) return mapped;
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    return base.length === 1 ? base : ch;
  });
}
