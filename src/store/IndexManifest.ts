import { z } from 'zod';

/** Bumped when the on-disk layout of a generation changes incompatibly. */
export const INDEX_FORMAT_VERSION = 2;

/** How passages were cut; any change means stored passages (and vectors) no longer match the files. */
export const ChunkingSchema = z.object({
  maxChars: z.number().int().positive(),
  overlapSentences: z.number().int().min(0),
  cleanerVersion: z.string().min(1),
});

/** `manifest.json` of one index generation: what was embedded, with what, from which file versions. */
export const IndexManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  embedder: z.object({ id: z.string().min(1), dimension: z.number().int().positive() }),
  chunking: ChunkingSchema,
  /**
   * Keyed by source (e.g. `seeds/000_x.txt`): the file's sha256, its sidecar's sha256 (null: none)
   * and how many passages it produced. With the sidecar hash a rebuild can tell that nothing changed
   * without reading and cleaning the corpus.
   */
  files: z.record(
    z.string(),
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), metaSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(), passages: z.number().int().min(0) }),
  ),
  /** Files that were skipped (empty, binary, too large...), with their fingerprint, so an unchanged one is not read again. */
  skipped: z.record(z.string(), z.object({ sha256: z.string().min(1), metaSha256: z.string().nullable(), reason: z.string() })),
  passageCount: z.number().int().min(0),
  /** ISO 8601 timestamp. */
  builtAt: z.string().min(1),
});

export type IndexManifest = z.infer<typeof IndexManifestSchema>;
export type Chunking = IndexManifest['chunking'];

/**
 * How two chunkings differ: the passage settings (size, overlap) or the ingestion rules
 * (`cleanerVersion`: cleaning, sentence splitting, metadata). Either means stored passages are stale.
 */
export function chunkingChanges(a: Chunking, b: Chunking): { settings: boolean; rules: boolean } {
  return { settings: a.maxChars !== b.maxChars || a.overlapSentences !== b.overlapSentences, rules: a.cleanerVersion !== b.cleanerVersion };
}

/** Whether passages cut with `a` are the passages `b` would cut. */
export function sameChunking(a: Chunking, b: Chunking): boolean {
  const { settings, rules } = chunkingChanges(a, b);
  return !settings && !rules;
}

/** Validates parsed JSON; a readable reason on failure (an unknown `formatVersion` is called out). */
export function parseIndexManifest(value: unknown): { kind: 'ok'; manifest: IndexManifest } | { kind: 'invalid'; reason: string } {
  if (typeof value === 'object' && value !== null) {
    const version = (value as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version !== INDEX_FORMAT_VERSION)
      return { kind: 'invalid', reason: `manifest has format version ${version}; this build reads version ${INDEX_FORMAT_VERSION}` };
  }
  const parsed = IndexManifestSchema.safeParse(value);
  if (parsed.success) {
    const sum = Object.values(parsed.data.files).reduce((n, f) => n + f.passages, 0);
    if (sum !== parsed.data.passageCount) return { kind: 'invalid', reason: `manifest lists ${sum} passages across files but passageCount is ${parsed.data.passageCount}` };
    return { kind: 'ok', manifest: parsed.data };
  }
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return { kind: 'invalid', reason: `manifest is invalid (${issues})` };
}
