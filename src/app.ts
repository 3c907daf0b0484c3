import type { Config } from './config.js';
import type { Engine, IndexProgress, IndexReport } from './engine/Engine.js';
import { createLogger, type Logger } from './logger.js';
import { createEmbeddings } from './embeddings/createEmbeddings.js';
import { LazyAnswerer } from './answer/LazyAnswerer.js';
import { loadWordVectorTable } from './embeddings/WordVectorCache.js';
import { WordVectorEmbeddings } from './embeddings/WordVectorEmbeddings.js';
import { DossierEngine } from './engine/DossierEngine.js';
import { servedEmbedder, storeModule } from './store/openIndex.js';

/** The wired services. Built once per process and passed explicitly; there is no global container. */
export interface App {
  config: Config;
  logger: Logger;
  engine: Engine;
  /** Set when opening had to build or update the index (missing, stale, or built differently). */
  startupReport: IndexReport | undefined;
  /**
   * Loads what answering needs but start-up does not (the NLP libraries behind the answerer), so the
   * first question is as quick as the rest. Optional: the first question loads it otherwise.
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  logger?: Logger;
  /** Progress of an index build that opening may trigger (missing, stale or incompatible index). */
  onProgress?: (p: IndexProgress) => void;
  /** The caller rebuilds right after opening (`npm run index`), so a stale index is not reported. */
  rebuildingNext?: boolean;
}

/**
 * Wires embeddings, answerer and engine from config. The one place where providers are chosen:
 * swapping the embedder or chat model is a change here (or a config value), nowhere else.
 */
export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  // The vector store's LangChain modules load while the word vectors do; opening the index awaits them.
  storeModule().catch(() => undefined);
  const logger = options.logger ?? createLogger(config.logLevel);
  // The first run converts the word vectors (a few seconds, once): reported like a build phase, in MB.
  const onConversion = (done: number, total: number) => {
    if (done === 0) logger.info('Preparing the offline word vectors (first run only, a few seconds).');
    options.onProgress?.({ phase: 'vectors', done: Math.round(done / 1e6), total: Math.round(total / 1e6) });
  };
  const model = await createEmbeddings(config, {
    onConversion,
    served: () => servedEmbedder(config.paths.embeddings),
    onUnavailable: (error) => logger.warn(`${error.message} Serving the built index; passages are found by keyword search until the server answers.`),
  });
  // The offline answerer reads words with the word-vector vocabulary (rarity, similarity, sentence
  // vectors). Reuse the embedder's table when it is the offline one, rather than holding a second copy.
  const vocabulary = model.embeddings instanceof WordVectorEmbeddings ? model.embeddings.table : (await loadWordVectorTable(config.paths.cache, onConversion)).table;
  // The answerers' modules are imported on first use: start-up only needs the index.
  const extractive = new LazyAnswerer(async () => {
    const { createExtractiveAnswerer } = await import('./answer/createExtractiveAnswerer.js');
    const params = config.answer.abstainThreshold === undefined ? {} : { answerThreshold: config.answer.abstainThreshold };
    // Sentences are compared with the question by the offline word vectors, whatever embeds the index.
    return createExtractiveAnswerer(vocabulary, { embeddings: model.embeddings instanceof WordVectorEmbeddings ? model.embeddings : undefined, params });
  });
  const answerer: LazyAnswerer =
    config.answerer === 'openai'
      ? new LazyAnswerer(async () => {
          const { LlmAnswerer } = await import('./answer/LlmAnswerer.js');
          return LlmAnswerer.fromConfig(config, { fallback: extractive, logger });
        })
      : extractive;
  const engine = await DossierEngine.open({ config, logger, model, answerer, ...(options.rebuildingNext ? { rebuildingNext: true } : {}) }, options.onProgress);
  return {
    config,
    logger,
    engine,
    startupReport: engine.startupReport,
    warmUp: async () => {
      await Promise.all([answerer.warm(), extractive.warm(), engine.warmUp()]);
    },
    close: () => engine.close(),
  };
}
