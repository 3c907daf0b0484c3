import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, for reading the real seeds in tests. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SEED_FILES = [
  'seeds/000_84132c475ac0a92d.txt',
  'seeds/001_85d2b148091b6640.txt',
  'seeds/002_5592039cb36a44e3.txt',
  'seeds/003_771a817d65f74398.txt',
  'seeds/004_577e0fed1c43110c.txt',
] as const;

/** Decoded text of a project file, as readCorpus decodes it. */
export function readText(relative: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(ROOT, relative)));
}

/** Non-blank lines of `raw` between the lines containing `from` and `to` (inclusive), trimmed. */
export function linesBetween(raw: string, from: string, to: string): string[] {
  const lines = raw.split(/\r\n|\n|\r/).map((l) => l.trim());
  const a = lines.findIndex((l) => l.includes(from));
  const b = lines.findIndex((l, i) => i >= a && l.includes(to));
  if (a < 0 || b < 0) throw new Error(`markers not found: ${from} / ${to}`);
  return lines.slice(a, b + 1).filter((l) => l !== '');
}
