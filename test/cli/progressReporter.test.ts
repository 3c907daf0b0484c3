import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progressReporter.js';

/** A terminal-like stream that keeps what the bar draws. */
function terminal(): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => chunks.join('') });
  return stream;
}

describe('progressReporter', () => {
  it('draws a bar per phase: articles read, passages embedded and linked, index files written', () => {
    const out = terminal();
    const { onProgress, stop } = progressReporter(out);
    onProgress({ phase: 'reading', done: 0, total: 40 });
    onProgress({ phase: 'reading', done: 20, total: 40 });
    onProgress({ phase: 'reading', done: 40, total: 40 });
    onProgress({ phase: 'embedding', done: 5, total: 10 });
    onProgress({ phase: 'graph', done: 500, total: 900 });
    onProgress({ phase: 'writing', done: 1, total: 3 });
    onProgress({ phase: 'done', done: 1, total: 1 });
    stop();
    const text = out.text();
    // cli-progress draws at start and then at its own pace: the first frame of each phase is there.
    expect(text).toMatch(/Reading articles \|.*\| 0\/40 articles/);
    expect(text).toMatch(/Embedding \|.*\| 5\/10 passages/);
    expect(text).toMatch(/Linking passages \|.*\| 500\/900 passages/);
    expect(text).toMatch(/Writing index \|.*\| 1\/3 steps/);
  });

  it('shows the first run\'s word-vector conversion in MB', () => {
    const out = terminal();
    const { onProgress, stop } = progressReporter(out);
    onProgress({ phase: 'vectors', done: 0, total: 307 });
    stop();
    expect(out.text()).toMatch(/Preparing word vectors \(first run only\) \|.*\| 0\/307 MB/);
  });

  it('follows a phase whose total changes, never showing more done than its total', () => {
    const out = terminal();
    const { onProgress, stop } = progressReporter(out);
    onProgress({ phase: 'reading', done: 0, total: 1 });
    onProgress({ phase: 'reading', done: 5, total: 5 });
    stop();
    expect(out.text()).toMatch(/Reading articles \|.*\| 5\/5 articles/);
    expect(out.text()).not.toMatch(/5\/1 articles/);
  });

  it('draws nothing when the stream is not a terminal', () => {
    const chunks: string[] = [];
    const pipe = new Writable({ write: (c: Buffer, _e, d) => (chunks.push(String(c)), d()) }) as unknown as NodeJS.WriteStream;
    const { onProgress, stop } = progressReporter(pipe);
    onProgress({ phase: 'reading', done: 1, total: 2 });
    stop();
    expect(chunks).toEqual([]);
  });
});
