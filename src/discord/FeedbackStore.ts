import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.js';
import { DossierError } from '../errors.js';

const SourceSchema = z.object({
  n: z.number(),
  source: z.string(),
  title: z.string().nullable(),
  quote: z.string(),
});

const FeedbackSchema = z.object({
  /** The answer the vote is about (stable per answer, so re-votes replace earlier ones on export). */
  answerId: z.string(),
  vote: z.enum(['up', 'down']),
  question: z.string(),
  answer: z.string(),
  sources: z.array(SourceSchema),
  userId: z.string(),
  guildId: z.string().nullable(),
  channelId: z.string().nullable(),
  /** ISO 8601 time of the click. */
  at: z.string(),
});

/** One 👍/👎 click with what it was about. */
export type FeedbackEntry = z.infer<typeof FeedbackSchema>;

/** What reading the file found: valid entries, and how many lines were unreadable (kept in the file, skipped here). */
export interface FeedbackRead {
  entries: FeedbackEntry[];
  badLines: number;
}

const CSV_COLUMNS = ['at', 'vote', 'userId', 'guildId', 'channelId', 'answerId', 'question', 'answer', 'sources'] as const;

/**
 * Append-only JSONL store of answer feedback. Appending one line per click means a crash can lose
 * at most the line being written and never corrupts earlier ones; an unreadable line is skipped on
 * read, never fatal.
 */
export class FeedbackStore {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  /** The store at `<DATA_DIR>/feedback.jsonl`. */
  static fromConfig(config: Config): FeedbackStore {
    return new FeedbackStore(path.join(config.paths.data, 'feedback.jsonl'));
  }

  /** Appends one entry. Throws `DossierError('INTERNAL')` when the data directory is not writable. */
  async record(entry: FeedbackEntry): Promise<void> {
    const valid = FeedbackSchema.parse(entry);
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, `${JSON.stringify(valid)}\n`, 'utf8');
    } catch (cause) {
      throw new DossierError('INTERNAL', `Could not save feedback to ${this.file}.`, { cause });
    }
  }

  /** Every recorded click, oldest first. A missing file is an empty store. */
  async read(): Promise<FeedbackRead> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], badLines: 0 };
      throw new DossierError('INTERNAL', `Could not read feedback from ${this.file}.`, { cause });
    }
    const entries: FeedbackEntry[] = [];
    let badLines = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = FeedbackSchema.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
        else badLines++;
      } catch {
        badLines++;
      }
    }
    return { entries, badLines };
  }

  /**
   * The feedback as JSONL or CSV (RFC 4180, header row), one row per user and answer: when someone
   * changed their vote, the latest click wins.
   */
  async exportFeedback(format: 'jsonl' | 'csv'): Promise<string> {
    const { entries } = await this.read();
    const latest = new Map<string, FeedbackEntry>();
    for (const e of entries) {
      const key = `${e.answerId}\u0000${e.userId}`;
      latest.delete(key);
      latest.set(key, e);
    }
    const rows = [...latest.values()];
    if (format === 'jsonl') return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
    const lines = [CSV_COLUMNS.join(',')];
    for (const r of rows) {
      const sources = r.sources.map((s) => `[${s.n}] ${s.title ?? s.source}`).join('; ');
      const cells = { ...r, guildId: r.guildId ?? '', channelId: r.channelId ?? '', sources };
      lines.push(CSV_COLUMNS.map((c) => csvCell(cells[c])).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }
}

function csvCell(value: string): string {
  // Cells starting with = + - @ are neutralised so a spreadsheet never runs user text as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}
