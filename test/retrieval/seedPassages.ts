import path from 'node:path';
import type { Passage } from '../../src/ingest/Passage.js';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import { splitPassages } from '../../src/ingest/splitPassages.js';

/** The project root (tests run from anywhere). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The real seed articles cut into passages the way the index does (1000 chars, one sentence of overlap). */
export async function seedPassages(): Promise<Passage[]> {
  const { articles } = await readCorpus(path.join(ROOT, 'seeds'), { root: ROOT, maxFileBytes: 5_000_000 });
  return articles.flatMap((a) => splitPassages(a, { maxChars: 1000, overlapSentences: 1 }));
}
