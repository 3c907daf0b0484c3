import { mkdir, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { ATTACHMENTS_DIR, CURRENT_FILE, GENERATION_NAME } from './openIndex.js';

/**
 * Generation directories on disk: a build writes a fresh `gen-<time>-<pid>/` beside the live one,
 * commits it by replacing `CURRENT`, then collects the generations nobody serves any more.
 */

/** A generation directory being written; not live until {@link commitGeneration}. */
export interface NewGeneration {
  dir: string;
  /** Its creation time (ms), recorded as the manifest's `builtAt`. */
  stamp: number;
}

/** Temporary files write-file-atomic leaves beside `CURRENT` when killed mid-write (`CURRENT.<number>`), and the older `CURRENT.tmp-<pid>`. */
const CURRENT_DEBRIS = new RegExp(`^${CURRENT_FILE}\\.(?:[0-9]+|tmp-.*)$`);

/** Flushes a directory's entries (new files, renames) to disk. */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A fresh, empty generation directory in `indexDir`, never the live one: two builds within one millisecond must not share a name. */
export async function createGeneration(indexDir: string): Promise<NewGeneration> {
  for (let stamp = Date.now(); ; stamp++) {
    const dir = path.join(indexDir, `gen-${stamp}-${process.pid}`);
    try {
      await mkdir(dir);
      await mkdir(path.join(dir, ATTACHMENTS_DIR));
      return { dir, stamp };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Makes `generation` (completely written and fsynced) the live one: `CURRENT` is replaced
 * atomically (written to a temporary file, fsynced, renamed), so readers see the old or the new
 * generation, never a mix, even if the process is killed.
 */
export async function commitGeneration(indexDir: string, generation: string): Promise<void> {
  await fsyncDir(path.join(generation, ATTACHMENTS_DIR));
  await fsyncDir(generation);
  await writeFileAtomic(path.join(indexDir, CURRENT_FILE), `${path.basename(generation)}\n`);
  await fsyncDir(indexDir);
}

/** Removes every generation but `live`: older ones, those abandoned by killed builds, and stray `CURRENT` temporary files. */
export async function collectGenerations(indexDir: string, live: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    const full = path.join(indexDir, entry);
    if ((GENERATION_NAME.test(entry) && full !== live) || CURRENT_DEBRIS.test(entry)) await rm(full, { recursive: true, force: true });
  }
}
