import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireIndexLock, checkIndexWritable, LOCK_FILE, LOCK_STALE_MS } from '../../src/store/IndexLock.js';
import { holdIndexLock, type LockHolder } from '../support/lockHolder.js';

const dirs: string[] = [];
async function tmpDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lock-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Makes the lock in `dir` look as if its holder stopped refreshing it longer ago than the stale time. */
async function ageLock(dir: string): Promise<void> {
  const past = new Date(Date.now() - LOCK_STALE_MS - 1_000);
  await utimes(path.join(dir, LOCK_FILE), past, past);
}

describe('a lock held by another process', () => {
  let dir: string;
  let holder: LockHolder;
  beforeAll(async () => {
    dir = await tmpDir();
    holder = await holdIndexLock(dir);
  });
  afterAll(async () => {
    await holder?.release();
  });

  it.each<[string, (dir: string) => Promise<unknown>]>([
    ['taking the lock', (d) => acquireIndexLock(d)],
    ['the check made before reading the corpus', (d) => checkIndexWritable(d)],
  ])('%s gives INDEX_BUSY', async (_name, attempt) => {
    await expect(attempt(dir)).rejects.toMatchObject({ code: 'INDEX_BUSY', message: `Another index build is running in ${dir}. Wait for it to finish.` });
  });
});

describe('taking the lock', () => {
  it('is possible again once the other process released it, and leaves nothing behind', async () => {
    const dir = await tmpDir();
    const holder = await holdIndexLock(dir);
    await holder.release();
    await expect(checkIndexWritable(dir)).resolves.toBeUndefined();
    const lock = await acquireIndexLock(dir);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over the lock of a killed process once it is stale, not before', async () => {
    const dir = await tmpDir();
    const holder = await holdIndexLock(dir);
    await holder.kill();
    // Killed, the holder no longer refreshes the lock, but until the stale time has passed nothing tells a crash from a slow build.
    await expect(acquireIndexLock(dir)).rejects.toMatchObject({ code: 'INDEX_BUSY' });
    await ageLock(dir);
    await expect(checkIndexWritable(dir)).resolves.toBeUndefined();
    const lock = await acquireIndexLock(dir);
    expect(() => lock.assertHeld()).not.toThrow();
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a stale lock left on a shared volume by another machine (no process to ask)', async () => {
    const dir = await tmpDir();
    await mkdir(path.join(dir, LOCK_FILE));
    await expect(checkIndexWritable(dir)).rejects.toMatchObject({ code: 'INDEX_BUSY' });
    await ageLock(dir);
    const lock = await acquireIndexLock(dir);
    await lock.release();
  });

  it('refuses a second build in the same process with its own message', async () => {
    const dir = await tmpDir();
    const lock = await acquireIndexLock(dir);
    try {
      await expect(acquireIndexLock(dir)).rejects.toMatchObject({ code: 'INDEX_BUSY', message: `An index build is already running in ${dir}.` });
      await expect(checkIndexWritable(dir)).rejects.toMatchObject({ code: 'INDEX_BUSY', message: `An index build is already running in ${dir}.` });
    } finally {
      await lock.release();
    }
  });
});
