import { setTimeout as sleep } from 'node:timers/promises';

/** What `groupPastedLines` reads: a readline interface, or anything emitting `line` and `close` the same way. */
export interface LineSource {
  on(event: 'line', listener: (line: string) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/**
 * Lines closer together than this came from one paste: nobody types a line and presses Enter
 * again within 30 ms, and a terminal delivers a pasted block within a few.
 */
export const PASTE_WINDOW_MS = 30;

export interface GroupOptions {
  windowMs?: number;
  /** Clock and wait, replaceable so tests need no real time. */
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * The lines a person entered at a terminal, with a pasted block of several lines as one entry
 * (joined by newlines) instead of one question per line. Lines are grouped by when they arrived,
 * so a paste made while an answer is being computed is still one entry. Ends when `source` closes.
 */
export function groupPastedLines(source: LineSource, options: GroupOptions = {}): AsyncGenerator<string> {
  const windowMs = options.windowMs ?? PASTE_WINDOW_MS;
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number) => sleep(ms));
  const queue: Array<{ text: string; at: number }> = [];
  let closed = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  source.on('line', (text) => {
    queue.push({ text, at: now() });
    notify();
  });
  source.on('close', () => {
    closed = true;
    notify();
  });
  // Listening starts now, not at the first read: a line that arrives before it is kept.
  return (async function* () {
    for (;;) {
      while (queue.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
      const first = queue.shift();
      if (!first) return;
      const group = [first];
      for (let last = first; ; ) {
        const next = queue[0];
        if (next && next.at - last.at <= windowMs) {
          group.push(next);
          queue.shift();
          last = next;
        } else if (!next && !closed && now() - last.at < windowMs) {
          await wait(windowMs - (now() - last.at));
        } else break;
      }
      yield group.map((l) => l.text).join('\n');
    }
  })();
}
