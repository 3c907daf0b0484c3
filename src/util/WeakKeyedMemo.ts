import { LruMap } from './LruMap.js';

/**
 * Values computed from an object and a string key, remembered per object: weakly, so they go when
 * the object does (an article replaced by a reindex), and at most `perObject` keys each, the least
 * recently used forgotten first (a bot serves an open-ended stream of questions). Only for pure
 * computations: forgetting a value must never change what `get` returns.
 */
export class WeakKeyedMemo<O extends object, V> {
  readonly #byObject = new WeakMap<O, LruMap<string, V>>();
  readonly #perObject: number;

  constructor(perObject: number) {
    if (!Number.isInteger(perObject) || perObject < 1) throw new RangeError('perObject must be a positive integer');
    this.#perObject = perObject;
  }

  /** The value for (`object`, `key`), computed by `compute` the first time it is asked for. */
  get(object: O, key: string, compute: () => V): V {
    let known = this.#byObject.get(object);
    if (!known) {
      known = new LruMap(this.#perObject);
      this.#byObject.set(object, known);
    }
    // `has` rather than an undefined check: `undefined` may be a computed value.
    if (known.has(key)) return known.get(key) as V;
    const value = compute();
    known.set(key, value);
    return value;
  }
}
