import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import { NaiveRagBaseline, type BaselineFile } from '../../scripts/lib/eval/NaiveRagBaseline.js';
import { HnswVectorStore } from '../../src/store/HnswVectorStore.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const filler = (topic: string) => Array.from({ length: 30 }, (_, i) => `Paragraph ${i} about ${topic} continues here with more words.`).join('\n\n');
const files: BaselineFile[] = [
  { source: 'seeds/farm.txt', raw: `  Farmers harvested wheat and corn in the autumn.\n\n${filler('harvests and cattle')}` },
  { source: 'seeds/navy.txt', raw: `The navy launched three new warships and submarines.\n\n${filler('ships and sailors')}` },
];

let baseline: NaiveRagBaseline;
beforeAll(async () => {
  const embeddings = await WordVectorEmbeddings.load({ cacheDir: path.join(ROOT, '.cache') });
  baseline = await NaiveRagBaseline.build(files, { embeddings, createStore: (e) => new HnswVectorStore(e, { dimension: embeddings.dimension }) });
});

describe('NaiveRagBaseline (the tutorial pipeline)', () => {
  it('cuts the raw files into chunks of at most 1000 characters', () => {
    expect(baseline.chunks).toBeGreaterThan(files.length);
  });

  it('answers with the top chunk, cited with offsets that point at it in the raw file', async () => {
    const answer = await baseline.ask('Which warships did the navy launch?');
    expect(answer.kind).toBe('answered');
    const c = answer.citations[0];
    expect(c?.source).toBe('seeds/navy.txt');
    const raw = files.find((f) => f.source === c?.source)?.raw ?? '';
    expect(raw.slice(c?.start, c?.end)).toBe(c?.quote);
    expect(c?.quote.length).toBeLessThanOrEqual(1000);
  });

  it('never abstains, even on a question the files cannot answer', async () => {
    expect((await baseline.ask('What is the capital of Mongolia?')).kind).toBe('answered');
  });

  it('retrieves the tutorial top-4 by default', async () => {
    expect(await baseline.retrieve('harvest')).toHaveLength(4);
  });
});
