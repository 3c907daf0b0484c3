import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/Passage.js';
import { asciiJson } from '../../src/store/asciiJson.js';
import { decodePassages, encodePassages } from '../../src/store/passageCodec.js';
import { syntheticPassage } from '../support/syntheticPassages.js';

const meta = { title: 'Peace talks', publisher: 'Agency', date: '2025-08-08', url: null, author: null };
/** As splitPassages makes them: sentence texts joined by single spaces, offsets into the raw file. */
const split: Passage = {
  id: 'seeds/a.txt#0',
  source: 'seeds/a.txt',
  index: 0,
  start: 10,
  end: 80,
  text: 'The ministers met. They signed “the declaration” in Washington.',
  sentences: [
    { start: 10, end: 28, text: 'The ministers met.' },
    { start: 35, end: 80, text: 'They signed “the declaration” in Washington.' },
  ],
  meta,
};
const second: Passage = { ...split, id: 'seeds/a.txt#1', index: 1, meta: { ...meta } };
/** Sentences that do not tile the text (not from splitPassages): kept whole. */
const odd: Passage = { ...syntheticPassage('seeds/b.txt', 0, 'One.  Two.'), sentences: [{ start: 0, end: 4, text: 'One.' }, { start: 6, end: 10, text: 'Two.' }] };
const spanMismatch: Passage = { ...syntheticPassage('seeds/c.txt', 0, 'Short.'), sentences: [{ start: 0, end: 40, text: 'Short.' }] };

describe('passageCodec', () => {
  it.each<[string, Array<Passage | null>]>([
    ['passages from splitPassages', [split, second]],
    ['deleted labels', [split, null, second, null]],
    ['passages whose sentences do not tile the text', [odd, spanMismatch, split]],
    ['no passages', []],
  ])('round-trips %s exactly', (_name, passages) => {
    const json = encodePassages(passages);
    expect(decodePassages(JSON.parse(json))).toEqual(passages);
  });

  it('stores sentence texts and repeated metadata once, so the file is much smaller', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...split, id: `seeds/a.txt#${i}`, index: i, meta: { ...meta } }));
    const compact = encodePassages(many);
    // Against the plain list written the same way (non-ASCII escaped, see asciiJson).
    expect(compact.length).toBeLessThan(asciiJson(many).length * 0.8);
    const decoded = decodePassages(JSON.parse(compact)) as Passage[];
    expect(decoded[0]?.meta).toBe(decoded[49]?.meta);
  });

  it('passes the older plain list through, and leaves unknown shapes for validation to reject', () => {
    expect(decodePassages([split])).toEqual([split]);
    expect(decodePassages({ format: 'other' })).toEqual({ format: 'other' });
    const broken = decodePassages({ format: 'compact-1', metas: [], passages: [{ ...split, sentences: [[0, 5]], meta: 3 }] }) as Array<{ meta: unknown }>;
    expect(broken[0]?.meta).toBeUndefined();
  });
});
