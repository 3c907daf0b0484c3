import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';

/** The lock file inside an index directory. */
export const LOCK_FILE = '.lock';

/** Lock files this process holds, so our own pid in a lock file is told apart from a previous run's. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  // A container restart reuses small pids: a lock naming our own pid that we do not hold is stale.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Errors that mean this process may not write the index folder (a read-only volume, another user's files). */
const CANNOT_WRITE = new Set(['EROFS', 'EACCES', 'EPERM']);

function readOnly(dir: string, cause: unknown): DossierError {
  const code = (cause as NodeJS.ErrnoException).code ?? 'read-only';
  return new DossierError('INDEX_READ_ONLY', `The index folder ${dir} cannot be written here (${code}).`, { cause });
}

/** The pid in a lock file that a live process other than this one holds, if any. */
async function liveOwner(file: string): Promise<number | undefined> {
  const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(owner) && owner > 0 && isAlive(owner) ? owner : undefined;
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
  if (held.has(file)) throw new DossierError('INDEX_BUSY', `An index build is already running in ${dir}.`);
  const owner = await liveOwner(file);
  if (owner !== undefined) throw new DossierError('INDEX_BUSY', `Another index build (pid ${owner}) is running in ${dir}. Wait for it to finish.`);
}

/**
 * A process-level lock: `<dir>/.lock` created exclusively and holding the owner's pid.
 * A lock whose pid is no longer running (a crashed or killed build) is stale and taken over.
 * @returns a release function.
 * @throws DossierError `INDEX_BUSY` when a live process (including this one) holds the lock;
 *   `INDEX_READ_ONLY` when the folder cannot be written.
 */
export async function acquireIndexLock(dir: string): Promise<() => Promise<void>> {
  const file = path.resolve(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(file, 'wx');
      held.add(file);
      try {
        await fh.writeFile(`${process.pid}\n`);
      } finally {
        await fh.close();
      }
      return async () => {
        held.delete(file);
        // Only remove the lock if it is still ours.
        const owner = await readFile(file, 'utf8').catch(() => '');
        if (Number.parseInt(owner, 10) === process.pid) await rm(file, { force: true });
      };
    } catch (error) {
      if (CANNOT_WRITE.has((error as NodeJS.ErrnoException).code ?? '')) throw readOnly(dir, error);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (held.has(file)) throw new DossierError('INDEX_BUSY', `An index build is already running in ${dir}.`);
    const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new DossierError('INDEX_BUSY', `Another index build (pid ${owner}) is running in ${dir}. Wait for it to finish.`);
    }
    if (!Number.isInteger(owner)) {
      // An empty file may be a lock another process created a moment ago and has not written yet.
      const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => Infinity);
      if (age < 5_000) throw new DossierError('INDEX_BUSY', `Another index build is starting in ${dir}.`);
    }
    // Stale (dead owner, or an empty/garbled file left by a crash between create and write).
    await rm(file, { force: true });
  }
  throw new DossierError('INDEX_BUSY', `Another index build just started in ${dir}.`);
}
