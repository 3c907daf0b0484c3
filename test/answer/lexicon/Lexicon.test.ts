import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { WordNetLexicon } from '../../../src/answer/lexicon/Lexicon.js';

describe('WordNetLexicon', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'dossier-wordnet-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('opens the installed WordNet and relates a verb to its noun', async () => {
    const related = await new WordNetLexicon().related('withdraw', 'verb');
    expect(related.has('withdrawal')).toBe(true);
  });

  it.each<[string, string[], string[]]>([
    // A head adjective: its antonym and the antonym's cluster, without WordNet's position marks ("acting(a)").
    ['permanent', ['temporary', 'interim', 'acting'], ['permanent', 'lasting']],
    // A satellite reaches its head ("final" → "closing") and the head's antonym ("opening").
    ['final', ['opening', 'first', 'inaugural'], ['last', 'final']],
    // The ordinals' head opposes every cardinal number: that antonym is not followed.
    ['first', ['last'], ['two', '2', 'one']],
    ['harbour', [], []],
  ])('gives the adjectives opposed to "%s"', async (word, has, hasNot) => {
    const opposed = await new WordNetLexicon().opposed(word);
    for (const w of has) expect(opposed.has(w), w).toBe(true);
    for (const w of hasNot) expect(opposed.has(w), w).toBe(false);
  });

  it('names the repair when the fast index (written by an install script) is missing', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => new WordNetLexicon(empty)).toThrow(
        expect.objectContaining({ code: 'INSTALL_INCOMPLETE', message: expect.stringContaining('npm rebuild wordpos') }),
      );
    } finally {
      quiet.mockRestore();
    }
  });
});
