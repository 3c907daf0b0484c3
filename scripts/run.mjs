#!/usr/bin/env node
// @ts-check
/**
 * Runs one of the project's TypeScript entry points as plain JavaScript:
 *
 *   node scripts/run.mjs src/cli/main.ts start
 *
 * Every npm script that runs the product (`start`, `index`, `ask`, …, `eval`, `bench`) goes through
 * here. Running TypeScript through tsx's loader costs about 0.45 s at each start (its hooks thread
 * resolves and loads every module, node_modules included, and each worker thread registers it
 * again); plain JavaScript starts in about 1.1 s instead of 1.55 s with the bench index. So the
 * sources of `src/` and `scripts/` are transpiled with esbuild (what tsx uses; types are checked by
 * `npm run typecheck`, not here) into `.build/`, keeping the folder layout so relative imports and
 * `createRequire` work unchanged. Only files whose size or modification time changed since the last
 * run are transpiled again (all 130 files take about 0.3 s), outputs of deleted sources are removed,
 * and each file is written to a temporary name and renamed, so a process starting at the same time
 * never imports a half-written module. Stack traces point at the TypeScript (inline source maps).
 *
 * This file is the one plain-JavaScript module of the project: it must run before anything is
 * compiled.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bumped when the transpile options change, so every output is rebuilt. */
const FORMAT = 1;
const SOURCE_DIRS = ['src', 'scripts'];
const OUT_DIR = '.build';
const MANIFEST = '.sources.json';

/**
 * @typedef {{ size: number, mtimeMs: number }} Stamp
 * @typedef {{ format: number, esbuild: string, sources: Record<string, Stamp> }} Manifest
 */

/**
 * The `.ts` files under `dir`, as paths relative to `root` with forward slashes.
 * @param {string} root
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function tsFiles(root, dir) {
  /** @type {string[]} */
  const out = [];
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await tsFiles(root, rel)));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/**
 * @param {string} file
 * @returns {Promise<Manifest | undefined>}
 */
async function readManifest(file) {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && typeof parsed.sources === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `file` through a temporary file and a rename, so readers see the old or the new file, never half of one.
 * @param {string} file
 * @param {string | Uint8Array} data
 */
async function writeAtomic(file, data) {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/**
 * Brings `<root>/.build/` up to date with the TypeScript under `<root>/src` and `<root>/scripts`.
 * @param {string} root the project folder
 * @returns {Promise<{ transpiled: number, removed: number }>}
 */
export async function ensureBuilt(root) {
  const { build, version } = await import('esbuild');
  const outDir = path.join(root, OUT_DIR);
  const manifestFile = path.join(outDir, MANIFEST);
  const previous = await readManifest(manifestFile);
  const usable = previous && previous.format === FORMAT && previous.esbuild === version ? previous.sources : {};
  const sources = (await Promise.all(SOURCE_DIRS.map((d) => tsFiles(root, d)))).flat().sort();
  /** @type {Record<string, Stamp>} */
  const stamps = {};
  await Promise.all(
    sources.map(async (rel) => {
      const s = await stat(path.join(root, rel));
      stamps[rel] = { size: s.size, mtimeMs: s.mtimeMs };
    }),
  );
  const outputOf = (/** @type {string} */ rel) => path.join(outDir, rel.replace(/\.ts$/, '.js'));
  const exists = (/** @type {string} */ file) => stat(file).then(() => true, () => false);
  const changed = [];
  for (const rel of sources) {
    const was = usable[rel];
    const now = stamps[rel];
    if (!was || !now || was.size !== now.size || was.mtimeMs !== now.mtimeMs || !(await exists(outputOf(rel)))) changed.push(rel);
  }
  const gone = Object.keys(previous?.sources ?? {}).filter((rel) => !(rel in stamps));
  if (changed.length > 0) {
    const result = await build({
      entryPoints: changed.map((rel) => path.join(root, rel)),
      outdir: outDir,
      outbase: root,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      bundle: false,
      write: false,
      logLevel: 'silent',
    });
    await Promise.all(result.outputFiles.map((f) => writeAtomic(f.path, f.contents)));
  }
  await Promise.all(gone.map((rel) => rm(outputOf(rel), { force: true })));
  if (changed.length > 0 || gone.length > 0 || !previous) {
    await writeAtomic(manifestFile, JSON.stringify(/** @type {Manifest} */ ({ format: FORMAT, esbuild: version, sources: stamps })));
  }
  return { transpiled: changed.length, removed: gone.length };
}

/** The project root: this file lives in `<root>/scripts/`. */
const ROOT = path.resolve(import.meta.dirname, '..');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const entry = process.argv[2];
  if (!entry || !entry.endsWith('.ts')) {
    console.error('usage: node scripts/run.mjs <file.ts> [arguments…]   (e.g. src/cli/main.ts start)');
    process.exit(2);
  }
  const rel = path.relative(ROOT, path.resolve(entry));
  if (rel.startsWith('..') || path.isAbsolute(rel) || !SOURCE_DIRS.some((d) => rel.startsWith(`${d}${path.sep}`)) || !(await stat(path.join(ROOT, rel)).catch(() => null))) {
    console.error(`scripts/run.mjs: ${entry} is not a TypeScript file under ${SOURCE_DIRS.map((d) => `${d}/`).join(' or ')} of this project.`);
    process.exit(2);
  }
  let compiledOk = true;
  try {
    await ensureBuilt(ROOT);
  } catch (error) {
    // A read-only checkout or a full disk must not stop the product: tsx runs the sources as they are (a syntax
    // error then fails there, with the same message).
    compiledOk = false;
    console.error(`Could not compile into ${OUT_DIR}/ (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); running the TypeScript through tsx instead.`);
  }
  process.setSourceMapsEnabled(true);
  const target = compiledOk ? path.join(ROOT, OUT_DIR, rel.replace(/\.ts$/, '.js')) : path.join(ROOT, rel);
  if (!compiledOk) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  // The entry reads its own arguments from process.argv.slice(2), as if it had been started directly.
  process.argv.splice(1, 2, target);
  await import(pathToFileURL(target).href);
}
