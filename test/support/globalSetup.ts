import type { TestProject } from 'vitest/node';
import { ensureSeedIndex } from './seedIndex.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder whose `embeddings/` holds the real seeds' built index (see `seedIndex.ts`); copy it, never write it. */
    seedIndex: string;
  }
}

/** Runs once per `vitest run`, before any test file: builds (or finds) the shared seed index. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('seedIndex', await ensureSeedIndex());
}
