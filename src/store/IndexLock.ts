import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';

/**
 * The lock inside an index directory: a directory made by proper-lockfile (mkdir is atomic on local
 * and network file systems) whose modification time the holder refreshes every
 * {@link LOCK_UPDATE_MS}. It works across processes and containers sharing a volume, where process
 * ids mean nothing: a lock not refreshed for {@link LOCK_STALE_MS} (its holder crashed or was killed)
 * is stale and taken over.
 */
export const LOCK_FILE = 'build.lock';
/**
 * A lock older than this is stale. Generous: a holder whose event loop is blocked (a large graph or
 * lexical index built synchronously) cannot refresh it, and must not lose it meanwhile.
 */
export const LOCK_STALE_MS = 30_000;
const LOCK_UPDATE_MS = 5_000;

/** The lock library, imported on first use: serving an index never takes the lock. */
const lockfile = () => import('proper-lockfile');

/** Lock files this process holds: a second build in the same process is told apart from another process's. */
const held = new Set<string>();

/** Errors that mean this process may not write the index folder (a read-only volume, another user's files). */
const CANNOT_WRITE = new Set(['EROFS', 'EACCES', 'EPERM']);

function readOnly(dir: string, cause: unknown): DossierError {
  const code = (cause as NodeJS.ErrnoException).code ?? 'read-only';
  return new DossierError('INDEX_READ_ONLY', `The index folder ${dir} cannot be written here (${code}).`, { cause });
}

function busy(dir: string, file: string, cause?: unknown): DossierError {
  if (held.has(file)) return new DossierError('INDEX_BUSY', `An index build is already running in ${dir}.`, { cause });
  return new DossierError('INDEX_BUSY', `Another index build is running in ${dir}. Wait for it to finish.`, { cause });
}

/** A held index lock. */
export interface IndexLock {
  /**
   * @throws DossierError `INDEX_BUSY` when the lock was lost (not refreshed in time, so another build
   *   took it over): the build must not switch generations.
   */
  assertHeld(): void;
  /** Releases the lock (once; a lost lock is left to its new holder). */
  release(): Promise<void>;
}

/**
 * Says at once what a build would find out only after reading the whole corpus: that another
 * build holds the lock (`INDEX_BUSY`) or that the folder cannot be written (`INDEX_READ_ONLY`).
 * Takes no lock: {@link acquireIndexLock} still decides.
 */
export async function checkIndexWritable(dir: string): Promise<void> {
  const file = path.resolve(dir, LOCK_FILE);
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    if (CANNOT_WRITE.has((error as NodeJS.ErrnoException).code ?? '')) throw readOnly(dir, error);
    throw error;
  }
  if (held.has(file)) throw busy(dir, file);
  const { check } = await lockfile();
  if (await check(dir, { lockfilePath: file, realpath: false, stale: LOCK_STALE_MS })) throw busy(dir, file);
}

/**
 * Takes the build lock of the index directory `dir` (which must exist).
 * @throws DossierError `INDEX_BUSY` when a build (in this process or another) holds it;
 *   `INDEX_READ_ONLY` when the folder cannot be written.
 */
export async function acquireIndexLock(dir: string): Promise<IndexLock> {
  const file = path.resolve(dir, LOCK_FILE);
  if (held.has(file)) throw busy(dir, file);
  const { lock } = await lockfile();
  let lost: Error | undefined;
  let unlock: () => Promise<void>;
  try {
    unlock = await lock(dir, {
      lockfilePath: file,
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      // The library's default throws from a timer (an uncaught exception): the build checks instead.
      onCompromised: (error) => {
        lost = error;
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ELOCKED') throw busy(dir, file, error);
    if (CANNOT_WRITE.has(code)) throw readOnly(dir, error);
    throw error;
  }
  held.add(file);
  return {
    assertHeld() {
      if (lost) throw new DossierError('INDEX_BUSY', `The index lock in ${dir} was lost (${lost.message}); this build was abandoned.`, { cause: lost });
    },
    async release() {
      if (!held.delete(file) || lost) return;
      await unlock();
    },
  };
}
