/**
 * How specific a word is, independent of the corpus: a multiplier around 1 for an ordinary word,
 * below 1 for very common words ("state", "group") and above 1 for rare ones ("cybersecurity").
 * Local IDF over a handful of retrieved passages cannot tell these apart, because retrieval picked
 * those passages for containing the question's words in the first place.
 */
export type TermRarity = (word: string) => number;

/**
 * Exponent on the information ratio. Linear is too flat to let one specific word ("cybersecurity")
 * outweigh four generic ones ("Minister", "State Department official"); 3 does. It was chosen when
 * abstention was a hand-set threshold; the fitted answer model (docs/answering.md) now weighs the
 * features built on it.
 */
const SHARPNESS = 3;

/** Frequency rank of an ordinary content word; its rarity is 1. */
const ORDINARY_RANK = 1000;

/**
 * Rarity from a vocabulary listed in descending corpus frequency (the word-vector table's row
 * order). By Zipf's law a word's frequency is proportional to 1 / rank, so its information content
 * grows with log(rank); this returns that information relative to an ordinary word's. Words not in
 * the vocabulary count as the rarest.
 * @param rankOf - 0-based frequency rank of a lower-case word, or undefined if unknown.
 * @param size - number of words in the vocabulary.
 */
export function rarityFromVocabulary(rankOf: (word: string) => number | undefined, size: number): TermRarity {
  // -log p(rank) = log(rank) + log(H_size), with H the harmonic number (Zipf normaliser).
  const offset = Math.log(Math.log(size) + 0.5772);
  const information = (rank: number) => Math.log(rank + 2) + offset;
  const ordinary = information(ORDINARY_RANK);
  return (word) => {
    const rank = rankOf(word.toLowerCase());
    return (information(rank ?? size) / ordinary) ** SHARPNESS;
  };
}
