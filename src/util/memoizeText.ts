import { LruMap } from './LruMap.js';

/**
 * `f` remembered for the `capacity` most recently used texts. For pure functions of a text that
 * hot paths call again and again on the same texts (a sentence retrieved for many questions). The
 * remembered value itself is returned, so callers must treat it as read-only.
 */
export function memoizeText<V>(f: (text: string) => V, capacity: number): (text: string) => V {
  const memo = new LruMap<string, V>(capacity);
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) {
      value = f(text);
      memo.set(text, value);
    }
    return value;
  };
}
