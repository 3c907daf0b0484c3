import { mkdir, mkdtemp, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import type { Corpus } from '../../src/ingest/readCorpus.js';
import { isDossierError } from '../../src/errors.js';
import { ROOT, SEED_FILES, readText } from './seedFixtures.js';

const PROSE = 'Officials from both countries met on Tuesday to discuss the peace process and regional trade routes.';

describe('readCorpus on a folder with bad files', () => {
  let root: string;
  let corpus: Corpus;
  const warnings: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'dossier-ingest-'));
    const dir = path.join(root, 'articles');
    await mkdir(path.join(dir, 'nested', 'deeper'), { recursive: true });
    await copyFile(path.join(ROOT, SEED_FILES[2]), path.join(dir, 'b-seed.txt'));
    await writeFile(path.join(dir, 'b-seed.txt.meta.json'), JSON.stringify({ title: 'Sidecar title', author: 'A. Person', notes: 'checked by hand' }));
    await writeFile(path.join(dir, 'a-empty.txt'), '');
    await writeFile(path.join(dir, 'a-blank.txt'), '  \n\n\t\n');
    await writeFile(path.join(dir, 'c-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
    await writeFile(path.join(dir, 'd-latin1.txt'), Buffer.from(`Caf\xe9 ${PROSE}`, 'latin1'));
    await writeFile(path.join(dir, 'e-big.txt'), `${PROSE}\n`.repeat(200));
    await writeFile(path.join(dir, 'f-furniture.txt'), 'Home\nOpen Menu\n-\nFollow us\n4,846FansLike\n');
    await writeFile(path.join(dir, 'g-front.md'), `---\ntitle: Front matter title\ndate: 2025-02-14\npublisher: Example Wire\ntags: [x]\n---\n# Ignored heading\n\n${PROSE}\n`);
    await writeFile(path.join(dir, 'h-bad-sidecar.txt'), `${PROSE}\n`);
    await writeFile(path.join(dir, 'h-bad-sidecar.txt.meta.json'), JSON.stringify({ date: 'last spring' }));
    await writeFile(path.join(dir, 'h2-partial-sidecar.txt'), `${PROSE}\n`);
    await writeFile(path.join(dir, 'h2-partial-sidecar.txt.meta.json'), JSON.stringify({ title: 'Kept title', date: 'last spring', colour: 'blue' }));
    await writeFile(path.join(dir, 'i-broken-json.txt'), `${PROSE}\n`);
    await writeFile(path.join(dir, 'i-broken-json.txt.meta.json'), '{ "title": ');
    await writeFile(path.join(dir, 'j-bad-yaml.md'), `---\ntitle: [unclosed\n---\n${PROSE}\n`);
    await writeFile(path.join(dir, 'k-bom.txt'), `\uFEFF${PROSE}\r\n`);
    await writeFile(path.join(dir, 'nested', 'deeper', 'l-nested.txt'), `${PROSE}\n`);
    await writeFile(path.join(dir, '.hidden.txt'), `${PROSE}\n`);
    await writeFile(path.join(dir, 'm-image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(path.join(dir, 'o-renamed.txt.meta.json'), JSON.stringify({ title: 'Orphan' }));
    await writeFile(path.join(dir, 'n-controls.txt'), `${'\u0001\u0002\u0003\u0004'.repeat(20)}${PROSE}`);
    corpus = await readCorpus(dir, { root, maxFileBytes: 8000, onWarning: (m) => warnings.push(m) });
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads the good files, sorted by source, recursively, ignoring dotfiles and other extensions', () => {
    expect(corpus.articles.map((a) => a.source)).toEqual([
      'articles/b-seed.txt',
      'articles/d-latin1.txt',
      'articles/g-front.md',
      'articles/h-bad-sidecar.txt',
      'articles/h2-partial-sidecar.txt',
      'articles/i-broken-json.txt',
      'articles/j-bad-yaml.md',
      'articles/k-bom.txt',
      'articles/nested/deeper/l-nested.txt',
    ]);
  });

  it.each([
    ['articles/a-empty.txt', /empty/],
    ['articles/a-blank.txt', /whitespace/],
    ['articles/c-binary.txt', /binary/],
    ['articles/e-big.txt', /larger than 8000 bytes/],
    ['articles/f-furniture.txt', /no article text/],
    ['articles/n-controls.txt', /binary/],
  ])('skips %s with a one-line warning naming it', (source, reason) => {
    expect(corpus.skipped.find((s) => s.source === source)?.reason).toMatch(reason);
    const warning = warnings.find((w) => w.startsWith(`${source}:`));
    expect(warning).toMatch(reason);
    expect(warning).not.toContain('\n');
  });

  it.each([
    ['articles/h-bad-sidecar.txt.meta.json', /date/],
    ['articles/i-broken-json.txt.meta.json', /JSON/],
    ['articles/j-bad-yaml.md', /front matter/],
    ['articles/o-renamed.txt.meta.json', /no article file o-renamed.txt/],
  ])('warns about %s and ignores it', (name, reason) => {
    expect(warnings.find((w) => w.startsWith(`${name}:`))).toMatch(reason);
  });

  it('lets a sidecar override inferred fields and keeps the rest', () => {
    const article = corpus.articles.find((a) => a.source === 'articles/b-seed.txt');
    expect(article?.meta).toEqual({
      title: 'Sidecar title',
      author: 'A. Person',
      publisher: 'Caliber.Az',
      date: '2024-06-18',
      dateAttested: true,
      url: null,
    });
  });

  it('reads a Windows-1252 (Latin-1) file as such, and says so', () => {
    expect(corpus.articles.find((a) => a.source === 'articles/d-latin1.txt')?.raw.startsWith('Café ')).toBe(true);
    expect(warnings).toContain('articles/d-latin1.txt: not valid UTF-8; read as Windows-1252 (Latin-1)');
  });

  it('keeps the valid fields of a sidecar with a bad one, and names what it left out', () => {
    expect(corpus.articles.find((a) => a.source === 'articles/h2-partial-sidecar.txt')?.meta.title).toBe('Kept title');
    const warning = warnings.find((w) => w.startsWith('articles/h2-partial-sidecar.txt.meta.json:'));
    expect(warning).toMatch(/sidecar fields ignored \(.*date: must be YYYY.*colour.*\); the others are used/);
  });

  it('applies front matter and keeps it out of the body', () => {
    const article = corpus.articles.find((a) => a.source === 'articles/g-front.md');
    expect(article?.meta).toMatchObject({ title: 'Front matter title', date: '2025-02-14', publisher: 'Example Wire' });
    const bodyText = article?.body.map((s) => article.raw.slice(s.start, s.end)).join('\n');
    expect(bodyText).toBe(PROSE);
  });

  it('strips a BOM and leaves CRLF in the raw text, with exact offsets', () => {
    const article = corpus.articles.find((a) => a.source === 'articles/k-bom.txt');
    expect(article?.raw.startsWith('\uFEFF')).toBe(false);
    expect(article?.raw).toBe(`${PROSE}\r\n`);
    expect(article?.body).toEqual([{ start: 0, end: PROSE.length }]);
  });

  it('hashes the file bytes', () => {
    const article = corpus.articles.find((a) => a.source === 'articles/b-seed.txt');
    const expected = createHash('sha256').update(readText(SEED_FILES[2]), 'utf8').digest('hex');
    expect(article?.sha256).toBe(expected);
  });
});

describe('readCorpus on the real seeds', () => {
  it('reads all five with their sidecars and no warnings', async () => {
    const warnings: string[] = [];
    const { articles, skipped } = await readCorpus(path.join(ROOT, 'seeds'), {
      root: ROOT,
      maxFileBytes: 1_000_000,
      onWarning: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([]);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.source)).toEqual([...SEED_FILES]);
    expect(articles[1]?.meta.date).toBe('2025-11');
    expect(articles[3]?.meta).toEqual({ title: null, publisher: null, date: null, url: null, author: null });
  });

  it('throws SEEDS_MISSING for a folder that does not exist', async () => {
    const missing = path.join(tmpdir(), 'dossier-no-such-folder-xyz');
    const error: unknown = await readCorpus(missing, { root: ROOT, maxFileBytes: 1000 }).catch((e: unknown) => e);
    expect(isDossierError(error) && error.code).toBe('SEEDS_MISSING');
    expect(String((error as Error).message)).toContain(missing);
  });
});

describe('readCorpus through symbolic links', () => {
  it('follows linked files and folders, walks a folder reached twice once, and survives a loop and a dangling link', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dossier-links-'));
    try {
      const elsewhere = path.join(root, 'elsewhere');
      const dir = path.join(root, 'articles');
      await mkdir(path.join(elsewhere, 'more'), { recursive: true });
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(elsewhere, 'kept.txt'), `${PROSE}\n`);
      await writeFile(path.join(elsewhere, 'more', 'nested.txt'), `${PROSE} The talks resumed.\n`);
      await symlink(path.join(elsewhere, 'kept.txt'), path.join(dir, 'linked.txt'));
      await symlink(path.join(elsewhere, 'more'), path.join(dir, 'linked-folder'));
      await symlink(path.join(elsewhere, 'more'), path.join(dir, 'same-folder-again'));
      await symlink(dir, path.join(dir, 'loop'));
      await symlink(path.join(root, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
      const corpus = await readCorpus(dir, { root, maxFileBytes: 100_000 });
      expect(corpus.articles.map((a) => a.source)).toEqual(['articles/linked-folder/nested.txt', 'articles/linked.txt']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
