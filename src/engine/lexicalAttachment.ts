import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import { LexicalIndex } from '../retrieval/LexicalIndex.js';
import { asciiJson } from '../store/asciiJson.js';
import type { IndexChange } from '../store/buildIndex.js';
import { ATTACHMENTS_DIR, type IndexContents, type LoadedIndex } from '../store/openIndex.js';
import writeFileAtomic from 'write-file-atomic';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * How the BM25 index is stored with a generation: a full serialised index (`lexical.json`, the
 * "base") plus `lexical-delta.json`, the passages changed since that base. Serialising the index
 * takes about a second on the 15.6k-passage bench corpus (loading it about 0.2 s), so an incremental
 * rebuild carries the base over byte for byte and writes only the delta; the delta is folded into
 * a new base once it grows past {@link COMPACT_SHARE} of the corpus.
 */
export const LEXICAL_ATTACHMENT = 'lexical.json';
export const LEXICAL_DELTA_ATTACHMENT = 'lexical-delta.json';

/** How a base written in the lexical index's first format begins (`JSON.stringify` keeps `version` first). */
const LEGACY_BASE_PREFIX = '{"version":1,';

/** Delta size (removed + added passages) as a share of the corpus above which a new base is written. */
export const COMPACT_SHARE = 0.1;

/**
 * Share of the new generation's passages that are new above which the lexical index is built afresh
 * from the passages, as a cold build does, instead of loading the old one, removing the old versions
 * and adding the new: when most articles changed, that did twice the work and held two indexes
 * (on the bench corpus with every article changed: 18 s and 930 MB against a cold build's 9 s).
 */
export const FRESH_SHARE = 0.5;

/** The delta file: what turns the base into the generation's index. */
interface LexicalDelta {
  version: 1;
  /** Size of the base file it applies to (guards against a base and delta from different builds). */
  baseBytes: number;
  /** Base versions of passages taken out since the base (un-indexing needs the indexed text). */
  removed: Passage[];
  /** Ids of the generation's passages that are not in the base as they are now. */
  added: string[];
}

function isLexicalDelta(v: unknown): v is LexicalDelta {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o['version'] === 1 && typeof o['baseBytes'] === 'number' && Array.isArray(o['removed']) && Array.isArray(o['added']) && o['added'].every((a) => typeof a === 'string');
}

/**
 * The lexical index for the serving state of a new generation, once it is live.
 * `apply`: the serving index is brought up to date in place at the moment the new state replaces
 * it (see {@link lexicalFor}); `ready`: a private index already up to date.
 */
export type PendingLexical = { kind: 'apply'; lexical: LexicalIndex; change: IndexChange } | { kind: 'ready'; lexical: LexicalIndex };

/** The serving generation and its lexical index, when the build updates that very generation. */
export interface ServingLexical {
  index: LoadedIndex;
  lexical: LexicalIndex;
}

/**
 * A lexical index of `passages` and its saved form (a base). Indexing straight into the saved form,
 * then loading it, is far quicker than serialising a built index.
 */
function freshLexical(passages: Passage[]): { text: string; lexical: LexicalIndex } {
  const json = LexicalIndex.buildJSON(passages);
  return { text: asciiJson(json), lexical: LexicalIndex.fromJSON(json, passages) };
}

/**
 * The attachment files of a new generation with `passages`, and how to get its lexical index.
 * A full build (no `change.previous`) indexes everything; an update carries the previous base over
 * and extends its delta, or writes a new base when the delta got large or the previous files are
 * unusable.
 */
export async function lexicalAttachments(
  passages: Passage[],
  change: IndexChange,
  serving: ServingLexical | undefined,
  onWarning: (message: string) => void,
): Promise<{ files: Record<string, string | Uint8Array>; pending: PendingLexical }> {
  const full = (lexical: LexicalIndex) => ({ files: { [LEXICAL_ATTACHMENT]: asciiJson(lexical.toJSON()) }, pending: { kind: 'ready', lexical } as const });
  const fresh = () => {
    const { text, lexical } = freshLexical(passages);
    return { files: { [LEXICAL_ATTACHMENT]: text }, pending: { kind: 'ready', lexical } as const };
  };
  const previous = change.previous;
  if (!previous || change.added.length > FRESH_SHARE * passages.length) return fresh();
  const stored = await readStored(previous, onWarning);
  if (!stored) return fresh();

  // R' = R ∪ (X − A) (base versions only), A' = (A − X) ∪ Y; see LexicalDelta.
  const added = new Set(stored.delta.added);
  const removed = [...stored.delta.removed];
  for (const p of change.removed) {
    if (added.has(p.id)) added.delete(p.id);
    else removed.push(p);
  }
  for (const p of change.added) added.add(p.id);

  const isServing = serving !== undefined && serving.index === previous;
  // A base in the first format (MiniSearch's own postings, about twice as slow to load) is rewritten on the next update.
  const legacyBase = stored.base.subarray(0, LEGACY_BASE_PREFIX.length).toString('latin1') === LEGACY_BASE_PREFIX;
  if (legacyBase || removed.length + added.size > COMPACT_SHARE * Math.max(1, passages.length)) {
    // Fold the delta into a new base, from a private copy (never the serving index).
    let lexical: LexicalIndex;
    try {
      lexical = stored.lexical();
      lexical.update({ remove: change.removed, add: change.added });
    } catch (error) {
      onWarning(`The stored lexical index could not be updated (${String(error)}); rebuilding it.`);
      return fresh();
    }
    return full(lexical);
  }
  const delta: LexicalDelta = { version: 1, baseBytes: stored.base.length, removed, added: [...added] };
  const files = { [LEXICAL_ATTACHMENT]: stored.base, [LEXICAL_DELTA_ATTACHMENT]: JSON.stringify(delta) };
  if (isServing) return { files, pending: { kind: 'apply', lexical: serving.lexical, change } };
  // Another process built the live generation: bring a private copy of it up to date.
  try {
    const lexical = stored.lexical();
    lexical.update({ remove: change.removed, add: change.added });
    return { files, pending: { kind: 'ready', lexical } };
  } catch (error) {
    onWarning(`The stored lexical index could not be updated (${String(error)}); rebuilding it.`);
    return fresh();
  }
}

/**
 * The lexical index for a new serving state, called synchronously right before the state replaces
 * the old one. For `apply` this updates the serving index in place: no query can observe it half
 * way (JavaScript runs it to completion, and the retriever reads the lexical index synchronously at
 * the start of a query), and copying a 15.6k-passage index first would cost over a second. A
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
 * Loads a generation's lexical index (base plus delta); rebuilds it from the passages, with a
 * warning, when the files are missing or do not match.
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
 * Rebuilds a generation's lexical index from its passages and saves it back as the generation's
 * base (the stale delta removed), so the next start loads it instead of rebuilding again. A
 * generation that cannot be written (a read-only volume) keeps working from memory.
 */
async function rebuildAndSave(index: IndexContents, onWarning: (message: string) => void): Promise<LexicalIndex> {
  const { text, lexical } = freshLexical(index.passages);
  const dir = path.join(index.dir, ATTACHMENTS_DIR);
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(path.join(dir, LEXICAL_ATTACHMENT), text);
    await rm(path.join(dir, LEXICAL_DELTA_ATTACHMENT), { force: true });
  } catch (error) {
    onWarning(`The rebuilt lexical index could not be saved with the index (${(error as NodeJS.ErrnoException).code ?? String(error)}); it is kept in memory.`);
  }
  return lexical;
}

interface StoredLexical {
  base: Buffer;
  delta: LexicalDelta;
  /** A fresh (private) index for the generation: the base with the delta applied. Throws when they do not match. */
  lexical(): LexicalIndex;
}

async function readStored(index: IndexContents, onWarning: (message: string) => void): Promise<StoredLexical | null> {
  const base = await index.attachment(LEXICAL_ATTACHMENT);
  if (!base) {
    onWarning(`The index has no stored lexical index; rebuilding it.`);
    return null;
  }
  const deltaBytes = await index.attachment(LEXICAL_DELTA_ATTACHMENT);
  let delta: LexicalDelta = { version: 1, baseBytes: base.length, removed: [], added: [] };
  if (deltaBytes) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(deltaBytes.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (!isLexicalDelta(parsed) || parsed.baseBytes !== base.length) {
      onWarning(`The stored lexical index changes (${LEXICAL_DELTA_ATTACHMENT}) are unreadable or do not match; rebuilding the lexical index.`);
      return null;
    }
    delta = parsed;
  }
  return {
    base,
    delta,
    lexical() {
      const added = new Set(delta.added);
      const current = index.passages.filter((p) => added.has(p.id));
      if (current.length !== added.size) throw new DossierError('INDEX_CORRUPT', 'The lexical index changes name passages the index does not hold.');
      const basePassages = [...index.passages.filter((p) => !added.has(p.id)), ...delta.removed];
      const lexical = LexicalIndex.fromJSON(base.toString('utf8'), basePassages);
      if (delta.removed.length + current.length > 0) lexical.update({ remove: delta.removed, add: current });
      return lexical;
    },
  };
}
