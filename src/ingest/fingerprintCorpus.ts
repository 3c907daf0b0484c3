import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { corpusEntries, listCorpusFiles } from './listCorpusFiles.js';

/**
 * What an article file's index entry depends on: its bytes and its `.meta.json` sidecar. Two
 * equal fingerprints give the same article, so the file need not be read, cleaned or split again.
 */
export interface FileFingerprint {
  source: string;
  /** sha256 (hex) of the file's bytes, or `too-large:<bytes>` for a file that is skipped unread. */
  sha256: string;
  /** sha256 (hex) of the sidecar's bytes, or null when there is none. */
  metaSha256: string | null;
}

/** Marks a file over the size limit: it is skipped without being read, so it has no content hash. */
export const TOO_LARGE_PREFIX = 'too-large:';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Hashes every article file under `dir` and its sidecar, in `source` order, without decoding or
 * cleaning anything (hashing the whole SOTU corpus takes tens of milliseconds; cleaning it seconds).
 * A file that cannot be read gets a fingerprint that never matches, so it is read again and
 * reported as skipped by the normal path.
 * @throws DossierError `SEEDS_MISSING` when `dir` does not exist or is not a directory.
 */
export async function fingerprintCorpus(dir: string, options: { root: string; maxFileBytes: number }): Promise<FileFingerprint[]> {
  const { files } = await listCorpusFiles(dir);
  return Promise.all(
    corpusEntries(options.root, files).map(async ({ file, source }) => {
      let hash: string;
      try {
        const info = await stat(file);
        hash = info.size > options.maxFileBytes ? `${TOO_LARGE_PREFIX}${info.size}` : sha256(await readFile(file));
      } catch (error) {
        hash = `unreadable:${error instanceof Error ? error.message : String(error)}`;
      }
      const meta = await readFile(`${file}.meta.json`).then(sha256, () => null);
      return { source, sha256: hash, metaSha256: meta };
    }),
  );
}
