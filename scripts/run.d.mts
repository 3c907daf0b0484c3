/** Types of scripts/run.mjs (plain JavaScript, so it can run before anything is compiled). */

/**
 * Brings `<root>/.build/` up to date with the TypeScript under `<root>/src` and `<root>/scripts`:
 * how many files were transpiled again, and how many outputs of deleted sources were removed.
 */
export function ensureBuilt(root: string): Promise<{ transpiled: number; removed: number }>;
