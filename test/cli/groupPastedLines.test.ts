import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { groupPastedLines } from '../../src/cli/groupPastedLines.js';

/** A line source on a fake clock: `type(at, line)` delivers a line at that time; waiting moves the clock. */
function terminal() {
  const source = new EventEmitter();
  let clock = 0;
  const options = { windowMs: 30, now: () => clock, wait: async (ms: number) => void (clock += ms) };
  return {
    lines: groupPastedLines(source, options),
    type: (at: number, line: string) => {
      clock = at;
      source.emit('line', line);
    },
    close: () => source.emit('close'),
  };
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
}

describe('groupPastedLines', () => {
  it.each<[string, Array<[number, string]>, string[]]>([
    ['a pasted block is one entry', [[0, 'Who leads the group'], [1, 'and when was it formed?']], ['Who leads the group\nand when was it formed?']],
    ['lines typed apart stay apart', [[0, 'First question?'], [500, 'Second question?']], ['First question?', 'Second question?']],
    ['a paste after a typed line is its own entry', [[0, '/sources'], [400, 'line one'], [402, 'line two'], [404, 'line three']], ['/sources', 'line one\nline two\nline three']],
    ['a gap just over the window splits', [[0, 'a'], [31, 'b']], ['a', 'b']],
  ])('%s', async (_name, typed, expected) => {
    const t = terminal();
    const result = collect(t.lines);
    for (const [at, line] of typed) t.type(at, line);
    t.close();
    expect(await result).toEqual(expected);
  });

  it('waits for the rest of a paste that is still arriving', async () => {
    const source = new EventEmitter();
    let clock = 0;
    let waited: (() => void) | undefined;
    const wait = (ms: number) => new Promise<void>((resolve) => (waited = () => ((clock += ms), resolve())));
    const it = groupPastedLines(source, { windowMs: 30, now: () => clock, wait });
    source.emit('line', 'first half');
    const next = it.next();
    // The reader is waiting out the window; the paste's second line lands within it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(waited).toBeDefined();
    clock = 10;
    source.emit('line', 'second half');
    waited?.();
    source.emit('close');
    expect((await next).value).toBe('first half\nsecond half');
    expect((await it.next()).done).toBe(true);
  });
});
