import type { ArticleMeta } from '../ingest/Article.js';
import type { Passage } from '../ingest/Passage.js';
import { asciiJson } from './asciiJson.js';

/**
 * The compact on-disk form of a store's passages (`passages.json`). A passage's text is its
 * sentences joined by single spaces, so each sentence is stored as `[start, end]` and its text is
 * cut back out of the passage text on load; metadata, identical for every passage of an article, is
 * stored once per distinct value. This halves the file (35 → about 15 MB on the bench corpus), and
 * so the time to write it on every rebuild and to parse it on every start.
 *
 * A passage whose sentences do not tile its text that way (not produced by splitPassages) is kept
 * as it is, so any Passage round-trips exactly.
 */
interface CompactFile {
  format: 'compact-1';
  metas: ArticleMeta[];
  /** By label; null for a deleted label. */
  passages: Array<CompactPassage | null>;
}

type CompactPassage = Omit<Passage, 'sentences' | 'meta'> & {
  /** Index into `metas`. */
  meta: number;
  /** `[start, end]` pairs, or full sentences when they do not tile `text`. */
  sentences: Array<[number, number]> | Passage['sentences'];
};

/** True when `text` is exactly the sentences joined by single spaces, each `end - start` long. */
function tiles(p: Passage): boolean {
  let pos = 0;
  for (let i = 0; i < p.sentences.length; i++) {
    const s = p.sentences[i];
    if (!s || s.text.length !== s.end - s.start) return false;
    if (i > 0) {
      if (p.text.charCodeAt(pos) !== 32) return false;
      pos++;
    }
    if (!p.text.startsWith(s.text, pos)) return false;
    pos += s.text.length;
  }
  return pos === p.text.length;
}

/** Serialises passages by label (null for a deleted label) into the compact form. */
export function encodePassages(passages: ReadonlyArray<Passage | null>): string {
  const metas: ArticleMeta[] = [];
  const metaIndex = new Map<string, number>();
  const out: Array<CompactPassage | null> = passages.map((p) => {
    if (!p) return null;
    const key = JSON.stringify(p.meta);
    let meta = metaIndex.get(key);
    if (meta === undefined) {
      meta = metas.length;
      metas.push(p.meta);
      metaIndex.set(key, meta);
    }
    const sentences: CompactPassage['sentences'] = tiles(p) ? p.sentences.map((s): [number, number] => [s.start, s.end]) : p.sentences;
    return { id: p.id, source: p.source, index: p.index, start: p.start, end: p.end, text: p.text, sentences, meta };
  });
  return asciiJson({ format: 'compact-1', metas, passages: out } satisfies CompactFile);
}

/**
 * Restores what {@link encodePassages} wrote (or the older plain list of passages); a shape it does
 * not know is returned unchanged for the caller's validation to reject. Passages of one article
 * share one metadata object.
 */
export function decodePassages(json: unknown): unknown {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) return json;
  const file = json as Partial<CompactFile>;
  if (file.format !== 'compact-1' || !Array.isArray(file.metas) || !Array.isArray(file.passages)) return json;
  const metas = file.metas;
  return file.passages.map((p: unknown) => {
    if (p === null || typeof p !== 'object') return p;
    const c = p as CompactPassage;
    const meta = typeof c.meta === 'number' ? metas[c.meta] : undefined;
    if (meta === undefined || !Array.isArray(c.sentences) || typeof c.text !== 'string') return { ...c, meta: undefined };
    let pos = 0;
    const sentences = c.sentences.map((s: unknown) => {
      if (!Array.isArray(s)) return s;
      const [start, end] = s as [unknown, unknown];
      if (typeof start !== 'number' || typeof end !== 'number') return null;
      const text = c.text.slice(pos, pos + (end - start));
      pos += end - start + 1;
      return { start, end, text };
    });
    // In place: the parsed object is ours, and copying 15k passages on every start is wasted garbage.
    const restored = c as unknown as Record<string, unknown>;
    restored['sentences'] = sentences;
    restored['meta'] = meta;
    return restored;
  });
}
