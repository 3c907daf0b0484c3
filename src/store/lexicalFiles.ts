/**
 * How a generation stores its BM25 index, as attachments (see `engine/lexicalAttachment.ts` for
 * when each is written):
 *
 * - {@link LEXICAL_INDEX_FILE}: the index in our own binary format (`retrieval/Bm25File.ts`),
 *   written by `LexicalIndex.save` and read by `LexicalIndex.load`.
 * - {@link LEXICAL_CHANGES_FILE} (optional): which passages changed since that index was saved, by
 *   id. An incremental rebuild carries the previous generation's index file over byte for byte and
 *   writes only this small file; loading leaves the discarded ids out (their text is not needed,
 *   so removed passages are not stored) and indexes the added passages from the generation's own.
 */
export const LEXICAL_INDEX_FILE = 'lexical-index.bin';
export const LEXICAL_CHANGES_FILE = 'lexical-changes.json';

/**
 * Files of the earlier format (MiniSearch's term index in a compact encoding of ours, plus a delta
 * holding removed passages whole). A generation that has only these is indexed afresh, once.
 */
export const LEGACY_LEXICAL_FILES = ['lexical.json', 'lexical-delta.json'] as const;

/** The contents of {@link LEXICAL_CHANGES_FILE}. */
export interface LexicalChanges {
  version: 1;
  /** Size of the index file it applies to (guards against an index and changes from different builds). */
  indexBytes: number;
  /** Ids of passages in the saved index that the generation no longer holds in that version. */
  discarded: string[];
  /** Ids of the generation's passages that are not in the saved index as they are now. */
  added: string[];
}

/** No changes: the saved index is the generation's. */
export function noLexicalChanges(indexBytes: number): LexicalChanges {
  return { version: 1, indexBytes, discarded: [], added: [] };
}

const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((id) => typeof id === 'string');

/** The changes in `bytes`, or null when they are malformed or belong to an index of another size. */
export function parseLexicalChanges(bytes: Uint8Array, indexBytes: number): LexicalChanges | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const o = parsed as Record<string, unknown>;
  if (o['version'] !== 1 || o['indexBytes'] !== indexBytes || !isIdList(o['discarded']) || !isIdList(o['added'])) return null;
  return { version: 1, indexBytes, discarded: o['discarded'], added: o['added'] };
}

/**
 * The changes after one more build that removed the passages `removed` and added `added` (ids):
 * a removed passage that was added since the saved index is simply no longer added; any other is
 * discarded from the saved index (once, even when removed again after being re-added).
 */
export function extendLexicalChanges(changes: LexicalChanges, removed: readonly string[], added: readonly string[]): LexicalChanges {
  const discarded = new Set(changes.discarded);
  const now = new Set(changes.added);
  for (const id of removed) {
    if (now.has(id)) now.delete(id);
    else discarded.add(id);
  }
  for (const id of added) now.add(id);
  return { version: 1, indexBytes: changes.indexBytes, discarded: [...discarded], added: [...now] };
}
