import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './tempProject.js';

/** Where built indexes are kept between runs: `<label>/<fingerprint>/`. Git-ignored, like the word vectors. */
const STORE = path.join(REPO_ROOT, '.cache/test-indexes');

/** Every file under `dir` (absolute paths), sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * What a build depends on: its input folders (names and bytes), every file under `src/` (any change
 * to the code may change what is built) and the installed dependencies (the lock file).
 */
export async function buildFingerprint(inputs: string[]): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await Promise.all([...inputs, path.join(REPO_ROOT, 'src')].map(filesUnder))).flat(), path.join(REPO_ROOT, 'package-lock.json')];
  for (const file of files) hash.update(`${path.relative(REPO_ROOT, file)}\0`).update(await readFile(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * A folder made by `build` from `inputs`, built once per {@link buildFingerprint} and reused while
 * nothing it depends on changes (the same code over the same files builds the same index). Callers
 * copy what they need out of it and never write into it.
 * @param label - names the cache (one live fingerprint per label; older ones are removed).
 * @param build - fills the empty folder it is given; it is renamed into place only once it returns.
 */
export async function cachedBuild(label: string, inputs: string[], build: (dir: string) => Promise<void>): Promise<string> {
  const home = path.join(STORE, label);
  const dir = path.join(home, await buildFingerprint(inputs));
  if (existsSync(dir)) return dir;
  await mkdir(home, { recursive: true });
  const scratch = await mkdtemp(path.join(home, '.building-'));
  try {
    await build(scratch);
    await rename(scratch, dir).catch((error: unknown) => {
      // Another run built the same fingerprint meanwhile: keep theirs.
      if (!existsSync(dir)) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  for (const entry of await readdir(home)) {
    if (entry !== path.basename(dir) && !entry.startsWith('.building-')) await rm(path.join(home, entry), { recursive: true, force: true });
  }
  return dir;
}
