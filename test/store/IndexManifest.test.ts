import { describe, expect, it } from 'vitest';
import { parseIndexManifest } from '../../src/store/IndexManifest.js';
import type { IndexManifest } from '../../src/store/IndexManifest.js';
import { SAMPLE_MANIFEST, sha } from '../fixtures/store/sampleManifest.js';

const valid: IndexManifest = SAMPLE_MANIFEST;

describe('parseIndexManifest', () => {
  it('accepts a manifest the builder writes, after a JSON round trip', () => {
    expect(parseIndexManifest(JSON.parse(JSON.stringify(valid)))).toEqual({ kind: 'ok', manifest: valid });
  });

  it.each<[string, unknown, RegExp]>([
    ['a future format', { ...valid, formatVersion: 3 }, /format version 3/],
    ['an older format (no sidecar hashes)', { ...valid, formatVersion: 1 }, /format version 1; this build reads version 2/],
    ['a file without its sidecar hash', { ...valid, files: { 'seeds/a.txt': { sha256: sha('a'), passages: 5 } } }, /metaSha256/],
    ['no embedder', { ...valid, embedder: undefined }, /embedder/],
    ['a zero dimension', { ...valid, embedder: { id: 'x', dimension: 0 } }, /embedder\.dimension/],
    ['a bad sha256', { ...valid, files: { 'seeds/a.txt': { sha256: 'xyz', passages: 5 } } }, /sha256/],
    ['counts that do not add up', { ...valid, passageCount: 6 }, /passageCount is 6/],
    ['not an object', 'hello', /invalid/],
    ['null', null, /invalid/],
  ])('rejects %s with a reason', (_name, value, reason) => {
    const result = parseIndexManifest(value);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(reason);
  });
});
