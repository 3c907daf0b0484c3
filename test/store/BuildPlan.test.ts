import { describe, expect, it } from 'vitest';
import { describeStaleness, planBuild, type BuildPlan, type BuildTarget, type FileState, type PlanBase } from '../../src/store/BuildPlan.js';
import type { IndexManifest } from '../../src/store/IndexManifest.js';
import { SAMPLE_MANIFEST, sha } from '../fixtures/store/sampleManifest.js';

const manifest: IndexManifest = SAMPLE_MANIFEST;
const base: PlanBase = { kind: 'manifest', manifest };
const target: BuildTarget = { embedder: manifest.embedder, chunking: manifest.chunking };
const A: FileState = { source: 'seeds/a.txt', sha256: sha('a'), metaSha256: null };
const B: FileState = { source: 'seeds/b.txt', sha256: sha('b'), metaSha256: sha('e') };
const EMPTY: FileState = { source: 'seeds/empty.txt', sha256: sha('f'), metaSha256: null };
const C: FileState = { source: 'seeds/c.txt', sha256: sha('c'), metaSha256: null };

type Lists = Pick<BuildPlan, 'added' | 'changed' | 'metaChanged' | 'unchanged' | 'skippedUnchanged' | 'removed' | 'stale' | 'incremental'>;
const none: Lists = { added: [], changed: [], metaChanged: [], unchanged: [], skippedUnchanged: [], removed: [], stale: false, incremental: true };

describe('planBuild', () => {
  it.each<[string, FileState[], Partial<Lists>]>([
    ['nothing changed', [A, B], { unchanged: [A.source, B.source] }],
    ['nothing changed, and a skipped file is still the same', [A, B, EMPTY], { unchanged: [A.source, B.source], skippedUnchanged: [EMPTY.source] }],
    ['a skipped file now has content', [A, B, { ...EMPTY, sha256: sha('9') }], { unchanged: [A.source, B.source], added: [EMPTY.source], stale: true }],
    ['a file added', [A, B, C], { unchanged: [A.source, B.source], added: [C.source], stale: true }],
    ['a file edited', [A, { ...B, sha256: sha('c') }], { unchanged: [A.source], changed: [B.source], stale: true }],
    ['a file removed', [A], { unchanged: [A.source], removed: [B.source], stale: true }],
    ['a sidecar added', [{ ...A, metaSha256: sha('d') }, B], { unchanged: [B.source], metaChanged: [A.source], stale: true }],
    ['a sidecar removed', [A, { ...B, metaSha256: null }], { unchanged: [A.source], metaChanged: [B.source], stale: true }],
    ['sidecars not compared when not given', [{ source: A.source, sha256: A.sha256 }, { source: B.source, sha256: B.sha256 }], { unchanged: [A.source, B.source] }],
    ['everything at once', [{ ...A, sha256: sha('1') }, { ...B, metaSha256: null }, C], { changed: [A.source], metaChanged: [B.source], added: [C.source], stale: true }],
  ])('%s', (_name, files, expected) => {
    const plan = planBuild(base, files, target);
    expect(plan).toMatchObject({ ...none, ...expected });
    expect(plan.fullReason).toBeUndefined();
    expect(plan.previous).toBe(manifest);
  });

  it.each<[string, PlanBase, Partial<BuildTarget>, RegExp | undefined, Partial<BuildPlan>]>([
    ['passage settings changed', base, { chunking: { ...manifest.chunking, maxChars: 500 } }, /^chunking changed \(maxChars 1000→500, overlap 1→1, cleaner c1→c1\)$/, { chunking: { settings: true, rules: false } }],
    ['the ingestion rules changed', base, { chunking: { ...manifest.chunking, cleanerVersion: 'c2' } }, /cleaner c1→c2/, { chunking: { settings: false, rules: true } }],
    ['another embedder', base, { embedder: { id: 'openai:text-embedding-3-small', dimension: 1536 } }, /^embedder changed: index was built with local:wink-sg-100d:sif:v1 \(100 dims\); now using openai:text-embedding-3-small \(1536 dims\)$/, {}],
    ['an unreadable index (an older format)', { kind: 'unreadable', reason: 'manifest has format version 1; this build reads version 2' }, {}, /^the current index is unreadable: manifest has format version 1/, { previous: null, removed: [] }],
    ['no index yet', { kind: 'none' }, {}, undefined, { previous: null, added: [A.source, B.source], removed: [] }],
  ])('plans a full build for %s', (_name, planBase, change, reason, expected) => {
    const plan = planBuild(planBase, [A, B], { ...target, ...change });
    expect(plan).toMatchObject({ incremental: false, stale: true, ...expected });
    if (reason) expect(plan.fullReason).toMatch(reason);
    else expect(plan.fullReason).toBeUndefined();
  });

  it('still lists what changed by file in a full build, for the report', () => {
    const plan = planBuild(base, [A, C], { ...target, chunking: { ...manifest.chunking, overlapSentences: 0 } });
    expect(plan).toMatchObject({ incremental: false, unchanged: [A.source], added: [C.source], removed: [B.source] });
  });
});

describe('describeStaleness', () => {
  it.each<[string, FileState[], Partial<BuildTarget>, string | undefined]>([
    ['nothing changed', [A, B, EMPTY], {}, undefined],
    ['files added, changed and removed', [{ ...A, sha256: sha('1') }, C], {}, '1 added, 1 changed, 1 removed'],
    ['a sidecar edit', [A, { ...B, metaSha256: sha('2') }], {}, '1 with new metadata'],
    ['new ingestion rules', [A, B], { chunking: { ...manifest.chunking, cleanerVersion: 'c2' } }, 'this version of Dossier reads articles differently'],
    ['new passage settings', [A, B], { chunking: { ...manifest.chunking, maxChars: 2000 } }, 'passage settings changed'],
  ])('%s', (_name, files, change, expected) => {
    expect(describeStaleness(planBuild(base, files, { ...target, ...change }))).toBe(expected);
  });
});
