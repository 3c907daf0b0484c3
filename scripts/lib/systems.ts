import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createEmbeddings } from '../../src/embeddings/createEmbeddings.js';
import { HnswVectorStore } from '../../src/store/HnswVectorStore.js';
import { NaiveRagBaseline, type BaselineFile } from './eval/NaiveRagBaseline.js';
import type { EvalSystem } from './eval/runEval.js';

/** Extensions the tutorial's directory loader would pick up; sidecars are metadata, not documents. */
const ARTICLE_FILE = /\.(txt|md|markdown)$/i;

export { measurementConfig } from './measurementConfig.js';

/** Opens the real engine (building its index if needed) and wraps it as an eval system. */
export async function openDossier(config: Config, name: string): Promise<{ app: App; system: EvalSystem }> {
  // Loaded lazily so the baseline can be measured without loading (or waiting for) the engine's modules.
  const { createApp } = await import('../../src/app.js');
  const app = await createApp(config);
  return { app, system: { name, ask: (q) => app.engine.ask(q) } };
}

/** Reads every article file in `dir` raw, as the tutorial pipeline would (no cleaning). */
export async function readRawFiles(dir: string, root: string): Promise<BaselineFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile() && ARTICLE_FILE.test(e.name)).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return { source: path.relative(root, file).split(path.sep).join('/'), raw: await readFile(file, 'utf8') };
    }),
  );
}

/** Builds the naive LangChain pipeline over `config.paths.seeds`, with Dossier's own embedder and vector store. */
export async function openBaseline(config: Config): Promise<{ baseline: NaiveRagBaseline; system: EvalSystem }> {
  const model = await createEmbeddings(config);
  const files = await readRawFiles(config.paths.seeds, config.root);
  const baseline = await NaiveRagBaseline.build(files, {
    embeddings: model.embeddings,
    createStore: (embeddings) => new HnswVectorStore(embeddings, { dimension: model.dimension }),
  });
  return { baseline, system: { name: 'naive LangChain RAG', ask: (q) => baseline.ask(q) } };
}
