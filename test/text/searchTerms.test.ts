import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processTerm, termSet, tokenize } from '../../src/text/searchTerms.js';
import { STOP_WORDS } from '../../src/text/stopWords.js';
import { foldLatin } from '../../src/text/foldLatin.js';

/** The parts of wink-nlp-utils' public API (its package index) that index terms were first made with. */
interface WinkUtils {
  string: { stem(word: string): string };
  tokens: { removeWords(tokens: string[]): string[] };
}

function isWinkUtils(value: unknown): value is WinkUtils {
  const v = value as Partial<WinkUtils> | null;
  return typeof v?.string?.stem === 'function' && typeof v.tokens?.removeWords === 'function';
}

describe('searchTerms', () => {
  it.each<[string, string | null]>([
    ['Erdoğan', 'erdogan'],
    ['Erdogan', 'erdogan'],
    ['Łódź', 'lodz'],
    ["Mayor's", 'mayor'],
    ['the', null],
    ['negotiations', 'negoti'],
  ])('%j is indexed as %j', (token, term) => {
    expect(processTerm(token)).toBe(term);
  });

  it('meets every spelling of the United States as one term', () => {
    expect(termSet('U.S. and USA and the United States')).toEqual(new Set(['us']));
  });

  it('keeps a name with letters beyond Latin-1 as one token', () => {
    expect(tokenize('Kılıçdaroğlu met Wałęsa')).toEqual(['Kılıçdaroğlu', 'met', 'Wałęsa']);
  });

  // Stored indexes hold the terms these made: the stop words and stems must stay those of
  // wink-nlp-utils (its public `tokens.removeWords` and `string.stem`) for every word of the seeds.
  it("drops exactly wink-nlp-utils' stop words and stems as its string.stem does", async () => {
    const wink: unknown = createRequire(import.meta.url)('wink-nlp-utils');
    if (!isWinkUtils(wink)) throw new Error('wink-nlp-utils does not have the expected public API');
    const dir = path.join(process.cwd(), 'seeds');
    const words = new Set<string>(STOP_WORDS);
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt'))) {
      for (const token of tokenize(await readFile(path.join(dir, name), 'utf8'))) words.add(foldLatin(token).toLowerCase().replace(/’/g, "'"));
    }
    const list = [...words];
    const kept = new Set(wink.tokens.removeWords(list));
    expect(list.filter((w) => !kept.has(w)).sort()).toEqual([...STOP_WORDS].sort());
    const bare = list.map((w) => w.replace(/'s$/, '').replace(/'/g, '')).filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
    expect(bare.length).toBeGreaterThan(500);
    for (const w of bare) expect(processTerm(w)).toBe(wink.string.stem(w));
  }, 30_000);
});
