import { test } from 'vitest';
import { tempProject, type TempProject } from './tempProject.js';

/**
 * `test` with throwaway projects over the real seeds, removed after use:
 * - `project`: seeds only, no index (for what a first build does), one per test;
 * - `indexedProject`: seeds plus a copy of the run's shared seed index, one per test (for a test that
 *   changes the articles or the index);
 * - `sharedProject`: the same, one per file, for tests that only read it.
 */
export const projectTest = test
  .extend('sharedProject', { scope: 'file' }, async ({}, { onCleanup }): Promise<TempProject> => {
    const project = await tempProject('dossier-shared-', { indexed: true });
    onCleanup(() => project.cleanup());
    return project;
  })
  .extend('indexedProject', async ({}, { onCleanup }): Promise<TempProject> => {
    const project = await tempProject('dossier-indexed-', { indexed: true });
    onCleanup(() => project.cleanup());
    return project;
  })
  .extend('project', async ({}, { onCleanup }): Promise<TempProject> => {
    const project = await tempProject('dossier-');
    onCleanup(() => project.cleanup());
    return project;
  });
