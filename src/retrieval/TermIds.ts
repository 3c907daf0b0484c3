/**
 * Numbers for index terms, so a passage's distinct terms can be kept as a sorted array of ints and
 * two passages compared by merging (see `sortedJaccard`) rather than by hashing every string. One
 * table per retriever: its vocabulary is the corpus's, and a number, once given, never changes.
 */
export class TermIds {
  readonly #ids = new Map<string, number>();

  /** The terms' numbers, sorted ascending, each once. */
  of(terms: Iterable<string>): Int32Array {
    const out: number[] = [];
    for (const t of terms) {
      let id = this.#ids.get(t);
      if (id === undefined) {
        id = this.#ids.size;
        this.#ids.set(t, id);
      }
      out.push(id);
    }
    return Int32Array.from(new Set(out)).sort();
  }
}
