import { describe, expect, it } from 'vitest';
import { processTerm, termSet, tokenize } from '../../src/retrieval/searchTerms.js';

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
});
