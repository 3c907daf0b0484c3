import type { WordVectorTable } from '../embeddings/WordVectorCache.js';
import { WordVectorEmbeddings } from '../embeddings/WordVectorEmbeddings.js';
import type { AnswerParams } from './AnswerParams.js';
import { ExtractiveAnswerer } from './ExtractiveAnswerer.js';
import { WordNetLexicon } from './lexicon/Lexicon.js';
import { wordSimilarity } from './lexicon/WordSimilarity.js';
import { rarityFromVocabulary } from './termRarity.js';
import { memoizeText } from '../util/memoizeText.js';

/**
 * Sentence vectors remembered: the same retrieved sentences come back for question after question
 * (and for every part of one), and embedding them was a tenth of answering. 8192 of them are 3 MB.
 */
const SENTENCE_VECTORS = 8192;

/**
 * The offline answerer with everything it reads words with: rarity and similarity from the word
 * vectors' vocabulary, WordNet, and sentence embeddings from the same vectors. One place, so the
 * app, the fitting script and the tests answer exactly alike.
 * @param embeddings - reuse the index's offline embeddings when they are the word vectors.
 */
export function createExtractiveAnswerer(
  table: WordVectorTable,
  options: { embeddings?: WordVectorEmbeddings | undefined; params?: Partial<AnswerParams> | undefined } = {},
): ExtractiveAnswerer {
  const offline = options.embeddings ?? WordVectorEmbeddings.fromTable(table);
  return new ExtractiveAnswerer({
    rarity: rarityFromVocabulary(table.lookup, table.size),
    similarity: wordSimilarity(table),
    lexicon: new WordNetLexicon(),
    embed: memoizeText((text) => offline.embedSync(text), SENTENCE_VECTORS),
    params: options.params,
  });
}
