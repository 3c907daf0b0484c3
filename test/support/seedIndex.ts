import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { cachedBuild } from './indexCache.js';
import { REPO_ROOT } from './tempProject.js';

/**
 * The real seeds' index, built by the real app with the offline embeddings (see `cachedBuild`: once
 * per fingerprint of the seeds, the code and the dependencies). Tests never use it in place:
 * `tempProject(…, { indexed: true })` copies it. Called by the suite's global setup.
 * @returns the folder whose `embeddings/` holds the built index.
 */
export function ensureSeedIndex(): Promise<string> {
  return cachedBuild('seeds', [path.join(REPO_ROOT, 'seeds')], async (dir) => {
    await cp(path.join(REPO_ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    const { loadConfig } = await import('../../src/config.js');
    const { createApp } = await import('../../src/app.js');
    const app = await createApp(loadConfig({ CACHE_DIR: path.join(REPO_ROOT, '.cache'), LOG_LEVEL: 'silent' }, dir));
    const added = app.startupReport?.added.length ?? 0;
    await app.close();
    if (added === 0) throw new Error('the seed index build added no article');
    await rm(path.join(dir, 'seeds'), { recursive: true });
  });
}
