import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import { LexicalIndex } from '../retrieval/LexicalIndex.js';
import type { IndexChange } from '../store/buildIndex.js';
import {
  extendLexicalChanges,
  LEGACY_LEXICAL_FILES,
  LEXICAL_CHANGES_FILE,
  LEXICAL_INDEX_FILE,
  noLexicalChanges,
  parseLexicalChanges,
  type LexicalChanges,
} from '../store/lexicalFiles.js';
import { ATTACHMENTS_DIR, type IndexContents, type LoadedIndex } from '../store/openIndex.js';
import writeFileAtomic from 'write-file-atomic';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Changes (discarded + added passages) as a share of the corpus above which the index is saved whole
 * again instead of extending the changes file: loading indexes the added passages, so they must
 * stay few.
 */
export const COMPACT_SHARE = 0.1;

/**
 * Share of the new generation's passages that are new above which the lexical index is built afresh
 * from the passages, as a cold build does, instead of loading the old one, removing the old versions
 * and adding the new: when most articles changed, that did twice the work and held two indexes
 * (on the bench corpus with every article changed: 18 s and 930 MB against a cold build's 9 s).
 */
export const FRESH_SHARE = 0.5;

/**
 * The lexical index for the serving state of a new generation, once it is live.
 * `apply`: the serving index is brought up to date in place at the moment the new state replaces
 * it (see {@link settleLexical}); `ready`: a private index already up to date.
 */
export type PendingLexical = { kind: 'apply'; lexical: LexicalIndex; change: IndexChange } | { kind: 'ready'; lexical: LexicalIndex };

/** The serving generation and its lexical index, when the build updates that very generation. */
export interface ServingLexical {
  index: LoadedIndex;
  lexical: LexicalIndex;
}

/**
 * A lexical index of `passages` and its saved form. The index served is the one loaded from the
 * saved form, which keeps postings encoded until a query reads them (the built one holds them all).
 */
function freshLexical(passages: readonly Passage[]): { bytes: Uint8Array; lexical: LexicalIndex } {
  const bytes = LexicalIndex.build(passages).save();
  return { bytes, lexical: LexicalIndex.load(bytes, passages) };
}

/**
 * The attachment files of a new generation with `passages`, and how to get its lexical index.
 * A full build (no `change.previous`) indexes everything; an update carries the previous index file
 * over and extends its changes file, or saves the index whole when the changes got large or the
 * previous files are unusable.
 */
export async function lexicalAttachments(
  passages: Passage[],
  change: IndexChange,
  serving: ServingLexical | undefined,
  onWarning: (message: string) => void,
): Promise<{ files: Record<string, string | Uint8Array>; pending: PendingLexical }> {
  const fresh = () => {
    const { bytes, lexical } = freshLexical(passages);
    return { files: { [LEXICAL_INDEX_FILE]: bytes }, pending: { kind: 'ready', lexical } as const };
  };
  const previous = change.previous;
  if (!previous || change.added.length > FRESH_SHARE * passages.length) return fresh();
  const stored = await readStored(previous, onWarning);
  if (!stored) return fresh();

  const changes = extendLexicalChanges(
    stored.changes,
    change.removed.map((p) => p.id),
    change.added.map((p) => p.id),
  );
  // A private copy of the previous generation's index, brought up to date (never the serving index).
  const updatedCopy = (): LexicalIndex | null => {
    try {
      const lexical = stored.lexical();
      lexical.update({ remove: change.removed, add: change.added });
      return lexical;
    } catch (error) {
      onWarning(`The stored lexical index could not be updated (${String(error)}); rebuilding it.`);
      return null;
    }
  };
  if (changes.discarded.length + changes.added.length > COMPACT_SHARE * Math.max(1, passages.length)) {
    const lexical = updatedCopy();
    return lexical ? { files: { [LEXICAL_INDEX_FILE]: lexical.save() }, pending: { kind: 'ready', lexical } } : fresh();
  }
  const files = { [LEXICAL_INDEX_FILE]: stored.index, [LEXICAL_CHANGES_FILE]: JSON.stringify(changes) };
  if (serving !== undefined && serving.index === previous) return { files, pending: { kind: 'apply', lexical: serving.lexical, change } };
  // Another process built the live generation: bring a private copy of it up to date.
  const lexical = updatedCopy();
  return lexical ? { files, pending: { kind: 'ready', lexical } } : fresh();
}

/**
 * The lexical index for a new serving state, called synchronously right before the state replaces
 * the old one. For `apply` this updates the serving index in place: no query can observe it half
 * way (JavaScript runs it to completion, and the retriever reads the lexical index synchronously at
 * the start of a query), and loading a private copy first would cost more than the update. A
 * failure part-way rebuilds the index from the passages.
 */
export function settleLexical(pending: PendingLexical, passages: readonly Passage[], onWarning: (message: string) => void): LexicalIndex {
  if (pending.kind === 'ready') return pending.lexical;
  try {
    pending.lexical.update({ remove: pending.change.removed, add: pending.change.added });
    return pending.lexical;
  } catch (error) {
    onWarning(`Updating the lexical index failed (${String(error)}); rebuilding it.`);
    return LexicalIndex.build(passages);
  }
}

/**
 * Loads a generation's lexical index (the saved index plus its changes); rebuilds it from the
 * passages, with a warning, when the files are missing, of an earlier format or do not match.
 */
export async function loadLexical(index: IndexContents, onWarning: (message: string) => void): Promise<LexicalIndex> {
  const stored = await readStored(index, onWarning);
  if (!stored) return rebuildAndSave(index, onWarning);
  try {
    return stored.lexical();
  } catch (error) {
    onWarning(`The stored lexical index is unreadable (${String(error)}); rebuilding it.`);
    return rebuildAndSave(index, onWarning);
  }
}

/**
 * Rebuilds a generation's lexical index from its passages and saves it into the generation (stale
 * changes and files of the earlier format removed), so the next start loads it instead of rebuilding
 * again. A generation that cannot be written (a read-only volume) keeps working from memory.
 */
async function rebuildAndSave(index: IndexContents, onWarning: (message: string) => void): Promise<LexicalIndex> {
  const { bytes, lexical } = freshLexical(index.passages);
  const dir = path.join(index.dir, ATTACHMENTS_DIR);
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(path.join(dir, LEXICAL_INDEX_FILE), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    for (const name of [LEXICAL_CHANGES_FILE, ...LEGACY_LEXICAL_FILES]) await rm(path.join(dir, name), { force: true });
  } catch (error) {
    onWarning(`The rebuilt lexical index could not be saved with the index (${(error as NodeJS.ErrnoException).code ?? String(error)}); it is kept in memory.`);
  }
  return lexical;
}

interface StoredLexical {
  /** The saved index file, as read. */
  index: Buffer;
  changes: LexicalChanges;
  /** A fresh (private) index for the generation: the saved index with the changes applied. Throws when they do not match. */
  lexical(): LexicalIndex;
}

async function readStored(index: IndexContents, onWarning: (message: string) => void): Promise<StoredLexical | null> {
  const saved = await index.attachment(LEXICAL_INDEX_FILE);
  if (!saved) {
    const legacy = (await Promise.all(LEGACY_LEXICAL_FILES.map((name) => index.attachment(name)))).some((bytes) => bytes !== null);
    onWarning(
      legacy
        ? 'The index stores its lexical index in an earlier format; rebuilding the lexical index (once, a few seconds).'
        : 'The index has no stored lexical index; rebuilding it.',
    );
    return null;
  }
  const changeBytes = await index.attachment(LEXICAL_CHANGES_FILE);
  let changes = noLexicalChanges(saved.length);
  if (changeBytes) {
    const parsed = parseLexicalChanges(changeBytes, saved.length);
    if (!parsed) {
      onWarning(`The stored lexical index changes (${LEXICAL_CHANGES_FILE}) are unreadable or do not match; rebuilding the lexical index.`);
      return null;
    }
    changes = parsed;
  }
  return {
    index: saved,
    changes,
    lexical() {
      const added = new Set(changes.added);
      const current = index.passages.filter((p) => added.has(p.id));
      if (current.length !== added.size) throw new DossierError('INDEX_CORRUPT', 'The lexical index changes name passages the index does not hold.');
      return LexicalIndex.load(saved, index.passages, { discard: changes.discarded, add: current });
    },
  };
}
