import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Turn } from '../answer/Answer.js';
import type { Config } from '../config.js';
import { LruMap } from '../util/LruMap.js';
import writeFileAtomic from 'write-file-atomic';

const TurnSchema = z.object({ question: z.string(), answer: z.string() });
const LineSchema = z.object({ key: z.string(), turns: z.array(TurnSchema), at: z.number() });
type Line = z.infer<typeof LineSchema>;

export interface ConversationStoreOptions {
  /** Conversations kept (the least recently used are forgotten first). */
  capacity?: number;
  /** A conversation not continued for this long is forgotten (0: kept until capacity forgets it). */
  retentionMs?: number;
  /** Told about a failed write: answering goes on without it, so it is not thrown. */
  onError?: (message: string, cause: unknown) => void;
  /** Clock, for tests. */
  now?: () => number;
}

/** Conversations kept by default: one per answer message or thread the bot is still asked about. */
export const DEFAULT_CONVERSATION_CAPACITY = 2000;

/**
 * The conversation so far, by the bot's answer message id or the id of a thread it opened, so a
 * reply or a thread message is answered with that context. Kept in memory and, when given a file,
 * journalled to it (one JSON line per change, like the feedback store: a crash loses at most the
 * line being written), so follow-ups to answers given before a restart keep their context. The
 * journal is rewritten compactly (to a temporary file, then renamed) once it holds twice as many
 * lines as live conversations. Without a file it is memory-only.
 */
export class ConversationStore {
  readonly file: string | undefined;
  readonly #memory: LruMap<string, { turns: Turn[]; at: number }>;
  readonly #capacity: number;
  readonly #retentionMs: number;
  readonly #onError: (message: string, cause: unknown) => void;
  readonly #now: () => number;
  /** Writes run one after another, in the order of the changes. */
  #writes: Promise<void> = Promise.resolve();
  #journalLines = 0;

  private constructor(file: string | undefined, options: ConversationStoreOptions) {
    this.file = file;
    this.#capacity = options.capacity ?? DEFAULT_CONVERSATION_CAPACITY;
    this.#retentionMs = options.retentionMs ?? 0;
    this.#onError = options.onError ?? (() => undefined);
    this.#now = options.now ?? Date.now;
    this.#memory = new LruMap(this.#capacity);
  }

  /** A store that forgets everything on restart (tests, and `CONVERSATION_RETENTION_DAYS=0`). */
  static inMemory(options: ConversationStoreOptions = {}): ConversationStore {
    return new ConversationStore(undefined, options);
  }

  /**
   * Opens the journal at `file` (missing: empty), keeping the latest version of each conversation
   * still within the retention window. Unreadable lines are skipped, and an unreadable file leaves
   * an empty store: losing follow-up context must never stop the bot.
   */
  static async open(file: string, options: ConversationStoreOptions = {}): Promise<ConversationStore> {
    const store = new ConversationStore(file, options);
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') store.#onError(`Could not read conversations from ${file}; starting without them.`, cause);
    }
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      store.#journalLines++;
      let line: Line;
      try {
        const parsed = LineSchema.safeParse(JSON.parse(raw));
        if (!parsed.success) continue;
        line = parsed.data;
      } catch {
        continue;
      }
      if (store.#expired(line.at)) store.#memory.delete(line.key);
      else store.#memory.set(line.key, { turns: line.turns, at: line.at });
    }
    return store;
  }

  /**
   * The store for the bot: `<DATA_DIR>/conversations.jsonl`, or memory only when retention is 0 days.
   * Under a ShardingManager each shard has its own file (`conversations.shard-<id>.jsonl`): a shard
   * only sees its own servers' messages, and one shard's compaction must not drop another's lines.
   */
  static fromConfig(config: Config, onError?: ConversationStoreOptions['onError']): Promise<ConversationStore> {
    const days = config.discord.conversationRetentionDays;
    if (days === 0) return Promise.resolve(ConversationStore.inMemory());
    const shards = config.discord.shardIds;
    const name = shards ? `conversations.shard-${shards.join('-')}.jsonl` : 'conversations.jsonl';
    return ConversationStore.open(path.join(config.paths.data, name), { retentionMs: days * 86_400_000, ...(onError ? { onError } : {}) });
  }

  /** Conversations held. */
  get size(): number {
    return this.#memory.size;
  }

  /** The conversation continued from `key`, if it is known and recent enough. */
  get(key: string): Turn[] | undefined {
    const held = this.#memory.get(key);
    if (!held) return undefined;
    if (this.#expired(held.at)) {
      this.#memory.delete(key);
      return undefined;
    }
    return held.turns;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Records the conversation under `key` (in memory at once; on disk in the background). */
  set(key: string, turns: Turn[]): this {
    const at = this.#now();
    this.#memory.set(key, { turns, at });
    if (this.file) {
      const line = `${JSON.stringify({ key, turns, at } satisfies Line)}\n`;
      this.#enqueue(async (file) => {
        await mkdir(path.dirname(file), { recursive: true });
        await appendFile(file, line, 'utf8');
        this.#journalLines++;
        if (this.#journalLines > 2 * Math.max(this.#capacity, this.#memory.size) + 100) await this.#compact(file);
      });
    }
    return this;
  }

  /** Resolves once every change so far is on disk (or has failed and been reported). */
  flush(): Promise<void> {
    return this.#writes;
  }

  #expired(at: number): boolean {
    return this.#retentionMs > 0 && this.#now() - at > this.#retentionMs;
  }

  #enqueue(write: (file: string) => Promise<void>): void {
    const file = this.file;
    if (!file) return;
    this.#writes = this.#writes.then(() => write(file)).catch((cause: unknown) => this.#onError(`Could not save a conversation to ${file}.`, cause));
  }

  /** Rewrites the journal with the live conversations only, oldest first, replacing it atomically. */
  async #compact(file: string): Promise<void> {
    const live: Line[] = [];
    for (const [key, { turns, at }] of this.#memory.entries()) if (!this.#expired(at)) live.push({ key, turns, at });
    await writeFileAtomic(file, live.map((l) => `${JSON.stringify(l)}\n`).join(''));
    this.#journalLines = live.length;
  }
}
