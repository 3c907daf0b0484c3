import type { Answer, Turn } from '../answer/Answer.js';
import type { App } from '../app.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine/Engine.js';
import type { Logger } from '../logger.js';
import { ConversationStore } from './ConversationStore.js';
import { FeedbackStore } from './FeedbackStore.js';
import { LruMap } from '../util/LruMap.js';
import { RateLimiter } from './RateLimiter.js';

/** An answer the bot gave, kept so buttons under it (feedback, thread) know what it was about. */
export interface AnswerRecord {
  answer: Answer;
  /** The conversation including this answer, oldest first. */
  turns: Turn[];
}

/** Pages of one /timeline reply, for the ◀ ▶ buttons. */
export interface TimelinePages {
  pages: string[];
}

/** Everything handlers share. One per running bot; nothing global. */
export interface BotContext {
  config: Config;
  logger: Logger;
  engine: Engine;
  feedback: FeedbackStore;
  rateLimiter: RateLimiter;
  /** Answers by key (the command interaction id or the asking message id), for button clicks. */
  answers: LruMap<string, AnswerRecord>;
  /** Conversation so far, by the bot's answer message id or a thread id the bot opened; survives restarts. */
  conversations: ConversationStore;
  timelines: LruMap<string, TimelinePages>;
  /** Local guard so two /reindex clicks in the same instant are refused before reaching the engine. */
  reindex: { running: boolean };
  /** Minimum time between /reindex progress edits (Discord rate-limits message edits). */
  progressIntervalMs: number;
  /** When a "mention me" hint was last given per thread or channel, so the bot does not nag. */
  hints: LruMap<string, number>;
}

/** Turns kept per conversation: enough for pronouns to resolve, small enough to stay on-topic. */
export const MAX_TURNS = 6;

export interface BotContextOptions {
  progressIntervalMs?: number;
  feedback?: FeedbackStore;
  /** Default: memory only (`startBot` opens the one on disk). */
  conversations?: ConversationStore;
}

/** Builds the shared state for a bot from the app. */
export function createBotContext(app: Pick<App, 'config' | 'logger' | 'engine'>, options: BotContextOptions = {}): BotContext {
  const { config } = app;
  return {
    config,
    logger: app.logger,
    engine: app.engine,
    feedback: options.feedback ?? FeedbackStore.fromConfig(config),
    rateLimiter: new RateLimiter(config.discord.rateLimit, config.discord.rateWindowSeconds),
    answers: new LruMap(2000),
    conversations: options.conversations ?? ConversationStore.inMemory(),
    timelines: new LruMap(200),
    reindex: { running: false },
    progressIntervalMs: options.progressIntervalMs ?? 2000,
    hints: new LruMap(500),
  };
}

/** The conversation extended with one exchange, bounded to the last `MAX_TURNS`. */
export function extendTurns(turns: Turn[], answer: Answer): Turn[] {
  return [...turns, { question: answer.question, answer: answer.text }].slice(-MAX_TURNS);
}
