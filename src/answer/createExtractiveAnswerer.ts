import type { WordVectorTable } from '../embeddings/WordVectorCache.js';
import { WordVectorEmbeddings } from '../embeddings/WordVectorEmbeddings.js';
import type { AnswerParams } from './AnswerParams.js';
import { ExtractiveAnswerer } from './ExtractiveAnswerer.js';
import { WordNetLexicon } from './lexicon/Lexicon.js';
import { wordSimilarity } from './lexicon/WordSimilarity.js';
import { rarityFromVocabulary } from './termRarity.js';

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
    embed: (text) => offline.embedSync(text),
    params: options.params,
  });
}
