import { parse as parseYaml } from 'yaml';
import type { TextSpan } from './Article.js';

/** YAML front matter at the top of a markdown file. */
export interface FrontMatter {
  /** The whole block including both `---` fences; never part of the article body. */
  range: TextSpan;
  /** The parsed YAML value, or `undefined` when it did not parse (see `error`). */
  data: unknown;
  /** Why the YAML did not parse, for a warning. */
  error: string | null;
}

const OPEN = /^---[ \t]*(?:\r\n|\n|\r)/;
const CLOSE = /(?:^|\r\n|\n|\r)(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/g;

/**
 * Finds a `---` fenced YAML block at the very start of the text. Returns `null` when there is
 * none (or it is never closed, in which case the text is treated as ordinary content).
 */
export function parseFrontMatter(raw: string): FrontMatter | null {
  const open = OPEN.exec(raw);
  if (!open) return null;
  CLOSE.lastIndex = open[0].length - 1;
  const close = CLOSE.exec(raw);
  if (!close) return null;
  const yamlText = raw.slice(open[0].length, close.index);
  const range = { start: 0, end: close.index + close[0].length };
  try {
    return { range, data: parseYaml(yamlText) as unknown, error: null };
  } catch (error) {
    return { range, data: undefined, error: error instanceof Error ? error.message.split('\n')[0] ?? 'invalid YAML' : 'invalid YAML' };
  }
}
