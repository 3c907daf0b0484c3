import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSotuAddresses, sotuFileName, writeBenchCorpus, type SotuAddress } from '../../scripts/lib/eval/sotuCorpus.js';
import { parseMetaOverrides } from '../../src/ingest/readSidecar.js';

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'dossier-sotu-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const two: SotuAddress[] = [
  { year: 1961, name: 'Dwight D Eisenhower', party: 'Republican', text: '  To the Congress of the United States: ...  ' },
  { year: 1961, name: 'John F Kennedy', party: 'Democratic', text: 'Mr. Speaker, Mr. Vice President ...' },
];

describe('loadSotuAddresses', () => {
  it('returns the 233 addresses with distinct file names', () => {
    const all = loadSotuAddresses();
    expect(all).toHaveLength(233);
    expect(new Set(all.map(sotuFileName)).size).toBe(233);
  });
});

describe('writeBenchCorpus', () => {
  it('writes each address as a titled article with a sidecar the ingester accepts, plus the seeds', async () => {
    const seeds = await tmp();
    await writeFile(path.join(seeds, 'a.txt'), 'seed text');
    await mkdir(path.join(seeds, 'nested'));
    const out = path.join(await tmp(), 'corpus');
    const report = await writeBenchCorpus(out, seeds, two);
    expect(report).toMatchObject({ addresses: 2, seeds: 1 });
    expect((await readdir(out)).sort()).toEqual([
      'a.txt',
      'sotu_1961_dwight-d-eisenhower.txt',
      'sotu_1961_dwight-d-eisenhower.txt.meta.json',
      'sotu_1961_john-f-kennedy.txt',
      'sotu_1961_john-f-kennedy.txt.meta.json',
    ]);
    const text = await readFile(path.join(out, 'sotu_1961_john-f-kennedy.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe('State of the Union Address — John F Kennedy, 1961');
    const meta: unknown = JSON.parse(await readFile(path.join(out, 'sotu_1961_john-f-kennedy.txt.meta.json'), 'utf8'));
    expect(meta).toEqual({ title: 'State of the Union Address — John F Kennedy, 1961', publisher: null, date: '1961' });
    expect(parseMetaOverrides(meta).kind).toBe('ok');
  });

  it('leaves unchanged files alone on a second run, so the benchmark index is not invalidated', async () => {
    const seeds = await tmp();
    await writeFile(path.join(seeds, 'a.txt'), 'seed text');
    const out = path.join(await tmp(), 'corpus');
    await writeBenchCorpus(out, seeds, two);
    const before = (await stat(path.join(out, 'a.txt'))).mtimeMs;
    const again = await writeBenchCorpus(out, seeds, two);
    expect(again.written).toBe(0);
    expect((await stat(path.join(out, 'a.txt'))).mtimeMs).toBe(before);
  });
});
