/** Outcome of asking the limiter for one more action. */
export type RateDecision = { kind: 'allowed' } | { kind: 'limited'; retryAfterSeconds: number };

/**
 * Per-user sliding-window limit: at most `limit` actions in any `windowSeconds`. A limit of 0
 * disables it. Users are forgotten once their window is empty, so memory follows active users only.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #hits = new Map<string, number[]>();

  constructor(limit: number, windowSeconds: number, now: () => number = Date.now) {
    this.#limit = limit;
    this.#windowMs = windowSeconds * 1000;
    this.#now = now;
  }

  /** Records an action for `userId` if allowed; otherwise says how long until the next one is. */
  take(userId: string): RateDecision {
    if (this.#limit <= 0) return { kind: 'allowed' };
    const now = this.#now();
    this.#prune(now);
    const hits = this.#hits.get(userId) ?? [];
    if (hits.length >= this.#limit) {
      const oldest = hits[0] ?? now;
      return { kind: 'limited', retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.#windowMs - now) / 1000)) };
    }
    hits.push(now);
    this.#hits.set(userId, hits);
    return { kind: 'allowed' };
  }

  #prune(now: number): void {
    for (const [user, hits] of this.#hits) {
      while (hits.length > 0 && (hits[0] ?? 0) <= now - this.#windowMs) hits.shift();
      if (hits.length === 0) this.#hits.delete(user);
    }
  }
}

/** The friendly message for a limited user. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  return `You're asking faster than I can keep up — please try again in ${retryAfterSeconds} s.`;
}
