import { describe, expect, it } from 'vitest';
import { normsMatch, termsMatch } from '../../src/answer/termsMatch.js';

/** Plain Levenshtein distance, the definition the fast bounded version must agree with. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The rule as documented: same forms, or long words with the same initial, no digits, a small edit distance. */
function reference(a: string, b: string): boolean {
  if (a === b) return true;
  const len = Math.min(a.length, b.length);
  if (len < 5 || a[0] !== b[0] || /\d/.test(a) || /\d/.test(b)) return false;
  const max = len >= 9 && a.slice(-2) === b.slice(-2) ? 2 : 1;
  return levenshtein(a, b) <= max;
}

const word = (w: string) => ({ norm: w, stem: w });

describe('termsMatch', () => {
  it('accepts transliteration variants and rejects other words', () => {
    expect(termsMatch(word('hikmet'), word('hikmat'))).toBe(true);
    expect(termsMatch(word('nakhichevan'), word('nakhchivan'))).toBe(true);
    expect(termsMatch(word('azerbaijani'), word('azerbaijan'))).toBe(true);
    expect(termsMatch(word('later'), word('water'))).toBe(false);
    // Two words sharing a long stem differ at their ends; a transliteration differs inside.
    expect(termsMatch(word('christmas'), word('christian'))).toBe(false);
    expect(termsMatch(word('protested'), word('protestor'))).toBe(false);
    expect(termsMatch(word('base'), word('bass'))).toBe(false);
    expect(termsMatch(word('2024a'), word('2024b'))).toBe(false);
    expect(termsMatch({ norm: 'ran', stem: 'run', lemma: 'run' }, { norm: 'running', stem: 'run' })).toBe(true);
  });

  it('agrees with plain Levenshtein on random words, long ones included', () => {
    // Deterministic (mulberry32), so a failure reproduces; a small alphabet makes near-misses common.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const alphabet = 'abcde1ü';
    const randomWord = () => Array.from({ length: 3 + (next(4) === 0 ? next(40) : next(10)) }, () => alphabet[next(alphabet.length)]).join('');
    const mutate = (w: string) => {
      const chars = [...w];
      for (let k = next(4); k > 0; k--) {
        const at = next(chars.length + 1);
        const op = next(3);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, alphabet[next(alphabet.length)] ?? 'a');
        else chars[at] = alphabet[next(alphabet.length)] ?? 'a';
      }
      return chars.join('');
    };
    let matched = 0;
    for (let i = 0; i < 20000; i++) {
      const a = randomWord();
      const b = next(4) === 0 ? randomWord() : mutate(a);
      const expected = reference(a, b);
      if (expected) matched++;
      expect(termsMatch(word(a), word(b)), `${a} / ${b}`).toBe(expected);
      expect(normsMatch(a, b), `${a} / ${b}`).toBe(expected);
    }
    // Enough pairs on both sides of the cut-off to mean something.
    expect(matched).toBeGreaterThan(2000);
  });
});
