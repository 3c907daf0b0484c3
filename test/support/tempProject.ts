import os from 'node:os';
import path from 'node:path';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';

/** The repository root (where the real seeds and the shared word-vector cache live). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface TempProject {
  root: string;
  seeds: string;
  embeddings: string;
  config(env?: Record<string, string>): Config;
  cleanup(): Promise<void>;
}

/**
 * A throwaway project folder holding a copy of the real seeds (with sidecars), its own index
 * folder, and the repository's word-vector cache (built once, shared, read-only after that).
 * `indexed`: the index folder starts as a copy of the seeds' index built once for the whole run
 * (`seedIndex.ts`), so opening the project reuses every article instead of building.
 */
export async function tempProject(prefix = 'dossier-', options: { indexed?: boolean } = {}): Promise<TempProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const seeds = path.join(root, 'seeds');
  const embeddings = path.join(root, 'embeddings');
  await cp(path.join(REPO_ROOT, 'seeds'), seeds, { recursive: true });
  if (options.indexed) await cp(path.join(inject('seedIndex'), 'embeddings'), embeddings, { recursive: true });
  return {
    root,
    seeds,
    embeddings,
    config: (env = {}) => loadConfig({ CACHE_DIR: path.join(REPO_ROOT, '.cache'), LOG_LEVEL: 'silent', ...env }, root),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
