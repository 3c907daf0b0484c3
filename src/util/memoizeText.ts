import { LruMap } from './LruMap.js';

/** How a full memo makes room: forget the least recently used text, or start afresh. */
export type MemoEviction = 'least-recent' | 'all';

/**
 * `f` remembered for up to `capacity` texts. For pure functions of a text that hot paths call again
 * and again on the same texts (a sentence retrieved for many questions, a word read per token).
 * `'least-recent'` (the default) keeps the texts in use; `'all'` forgets everything once full, for
 * the hottest paths (a word per token while indexing), where an LRU's reordering on every hit costs
 * more than an occasional fresh start. The remembered value itself is returned, so callers must
 * treat it as read-only.
 */
export function memoizeText<V>(f: (text: string) => V, capacity: number, eviction: MemoEviction = 'least-recent'): (text: string) => V {
  if (eviction === 'all') return clearWhenFull(f, capacity);
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

function clearWhenFull<V>(f: (text: string) => V, capacity: number): (text: string) => V {
  const memo = new Map<string, V>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) {
      if (memo.size >= capacity) memo.clear();
      value = f(text);
      memo.set(text, value);
    }
    return value;
  };
}
