import { describe, expect, it } from 'vitest';
import { extendLexicalChanges, noLexicalChanges, parseLexicalChanges } from '../../src/store/lexicalFiles.js';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('lexical changes file', () => {
  it('discards a saved passage once, and forgets a passage added since the save when it is removed', () => {
    let changes = noLexicalChanges(100);
    // a.txt is edited: its saved passages are discarded and the new versions added.
    changes = extendLexicalChanges(changes, ['a#0', 'a#1'], ['a#0', 'a#1']);
    expect(changes).toEqual({ version: 1, indexBytes: 100, discarded: ['a#0', 'a#1'], added: ['a#0', 'a#1'] });
    // Edited again, one passage shorter: the added versions are replaced; nothing more to discard.
    changes = extendLexicalChanges(changes, ['a#0', 'a#1'], ['a#0']);
    expect(changes).toEqual({ version: 1, indexBytes: 100, discarded: ['a#0', 'a#1'], added: ['a#0'] });
    // A new file, then removed: it leaves no trace.
    changes = extendLexicalChanges(changes, [], ['n#0']);
    changes = extendLexicalChanges(changes, ['n#0'], []);
    expect(changes.added).toEqual(['a#0']);
    // A saved file removed.
    changes = extendLexicalChanges(changes, ['b#0'], []);
    expect(changes.discarded).toEqual(['a#0', 'a#1', 'b#0']);
  });

  it.each([
    ['not JSON', Buffer.from('{"version":1,')],
    ['another index size', bytes({ version: 1, indexBytes: 99, discarded: [], added: [] })],
    ['another version', bytes({ version: 2, indexBytes: 100, discarded: [], added: [] })],
    ['ids that are not strings', bytes({ version: 1, indexBytes: 100, discarded: [1], added: [] })],
    ['a missing list', bytes({ version: 1, indexBytes: 100, discarded: [] })],
  ])('refuses changes with %s', (_why, data) => {
    expect(parseLexicalChanges(data, 100)).toBeNull();
  });

  it('reads what it wrote', () => {
    const changes = extendLexicalChanges(noLexicalChanges(100), ['a#0'], ['a#0', 'n#0']);
    expect(parseLexicalChanges(bytes(changes), 100)).toEqual(changes);
  });
});
