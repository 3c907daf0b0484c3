import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

/** Warnings for sidecars without an article next to them (almost always a renamed file or a typo). */
export function orphanSidecarWarnings(root: string, files: readonly string[], sidecars: readonly string[]): string[] {
  const articleFiles = new Set(files);
  const warnings: string[] = [];
  for (const sidecar of sidecars) {
    const article = sidecar.slice(0, -'.meta.json'.length);
    if (!articleFiles.has(article)) warnings.push(`${toSource(root, sidecar)}: sidecar ignored (no article file ${path.basename(article)} next to it)`);
  }
  return warnings;
}

/** An article file found under the corpus folder: its absolute path and its `source` id. */
export interface CorpusEntry {
  file: string;
  source: string;
}

/** Article files as entries in `source` order (the order articles are read and indexed in). */
export function corpusEntries(root: string, files: readonly string[]): CorpusEntry[] {
  return files
    .map((file) => ({ file, source: toSource(root, file) }))
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/**
 * Lists article files (`.txt`, `.md`) and `.meta.json` sidecars under `dir`, recursively,
 * ignoring dotfiles and unreadable subfolders.
 * @throws DossierError `SEEDS_MISSING` when `dir` does not exist or is not a directory.
 */
export async function listCorpusFiles(dir: string): Promise<{ files: string[]; sidecars: string[] }> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new DossierError('SEEDS_MISSING', `The articles folder ${dir} is a file, not a folder. Point SEEDS_DIR at a folder of .txt/.md files.`);
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError(
      'SEEDS_MISSING',
      `The articles folder ${dir} does not exist. Create it and put .txt or .md articles in it, or set SEEDS_DIR to the folder that has them.`,
      { cause: error },
    );
  }
  const found = { files: [] as string[], sidecars: [] as string[] };
  await walk(dir, found, new Set([await realpath(dir)]));
  found.sidecars.sort();
  return found;
}

/**
 * Walks `dir`. Symbolic links are followed (a corpus is often assembled from links to files kept
 * elsewhere); a folder reached twice (a link loop, or two links to one folder) is walked once.
 */
async function walk(dir: string, into: { files: string[]; sidecars: string[] }, visited: Set<string>): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable subfolder is not worth failing the whole corpus for
  }
  // In name order: which of two links to one folder names its files must not depend on the file system.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A dangling link is left out, like any other unreadable entry.
      const target = await stat(full).catch(() => undefined);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) {
      const real = await realpath(full).catch(() => undefined);
      if (real === undefined || visited.has(real)) continue;
      visited.add(real);
      await walk(full, into, visited);
    } else if (!isFile) continue;
    else if (entry.name.endsWith('.meta.json')) into.sidecars.push(full);
    else if (ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) into.files.push(full);
  }
}

/** A file's `source` id: its path relative to the project root, with forward slashes. */
export function toSource(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
