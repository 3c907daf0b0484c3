import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addArticles } from '../../src/add/addArticles.js';
import { createApp, type App } from '../../src/app.js';
import { REPO_ROOT, tempProject, type TempProject } from '../support/tempProject.js';

/** Adding files to a real engine over a copy of the seeds: written, indexed at once, never twice. */
let project: TempProject;
let app: App;
const NOW = () => new Date('2031-06-01T12:00:00Z');

beforeAll(async () => {
  project = await tempProject('dossier-add-');
  app = await createApp(project.config({ SEEDS_DIR: project.seeds, EMBEDDINGS_DIR: project.embeddings }));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await project?.cleanup();
});

const inputs = async () => {
  const dir = path.join(project.root, 'downloads');
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  await writeFile(path.join(dir, 'notes.txt'), 'Glassworks reopen in Tarrow\n\nThe Tarrow glassworks reopened on Monday after a two-year closure, with ninety workers rehired.\n');
  await writeFile(path.join(dir, 'report.pdf'), '%PDF-1.4');
  return dir;
};

describe('addArticles', () => {
  it('adds a saved page and a text file, indexes them at once, and explains the inputs it cannot add', async () => {
    const dir = await inputs();
    const page = path.join(REPO_ROOT, 'test/fixtures/add/newsPage.html');
    const outcomes = await addArticles(
      [{ kind: 'file', path: page }, { kind: 'file', path: path.join(dir, 'notes.txt') }, { kind: 'file', path: path.join(dir, 'gone.html') }, { kind: 'file', path: path.join(dir, 'report.pdf') }],
      { config: app.config, engine: app.engine, now: NOW },
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['added', 'added', 'failed', 'failed']);
    expect(outcomes[0]).toMatchObject({ file: 'seeds/harbour-council-approves-new-ferry-link.txt', title: 'Harbour council approves new ferry link', publisher: 'The Coastal Ledger', date: '2031-05-03', url: 'https://ledger.example/news/harbour-ferry-link' });
    expect(outcomes[0]?.kind === 'added' && outcomes[0].passages).toBeGreaterThan(0);
    expect(outcomes[1]).toMatchObject({ file: 'seeds/notes.txt' });
    expect(outcomes[2]).toMatchObject({ code: 'ADD_FAILED', message: /gone\.html could not be read \(ENOENT\)/ });
    expect(outcomes[3]).toMatchObject({ code: 'ADD_NOT_ARTICLE', message: /save a PDF article as text first/ });

    // The sidecar holds what the page states, and nothing for what it does not (so inference still fills it in).
    expect(JSON.parse(await readFile(path.join(project.seeds, 'harbour-council-approves-new-ferry-link.txt.meta.json'), 'utf8'))).toEqual({
      title: 'Harbour council approves new ferry link',
      publisher: 'The Coastal Ledger',
      date: '2031-05-03',
      author: 'Mira Testwell',
      url: 'https://ledger.example/news/harbour-ferry-link',
      retrievedAt: '2031-06-01T12:00:00.000Z',
    });
    expect(JSON.parse(await readFile(path.join(project.seeds, 'notes.txt.meta.json'), 'utf8'))).toEqual({ retrievedAt: '2031-06-01T12:00:00.000Z' });

    const answer = await app.engine.ask('Who chairs the island cooperative that will run the Varrow ferry?');
    expect(answer.kind).toBe('answered');
    expect(answer.citations.map((c) => c.source)).toContain('seeds/harbour-council-approves-new-ferry-link.txt');
    expect(answer.text).toMatch(/Linnea Crabbe/);
  });

  it('adds nothing twice: the same address or the same text is reported with the file that holds it', async () => {
    const before = await readdir(project.seeds);
    const page = path.join(REPO_ROOT, 'test/fixtures/add/newsPage.html');
    const copy = path.join(project.root, 'downloads', 'notes-copy.txt');
    // The same words, spaced and cased differently.
    await writeFile(copy, 'GLASSWORKS reopen in Tarrow\nThe Tarrow glassworks   reopened on Monday after a two-year closure, with ninety workers rehired.');
    const outcomes = await addArticles([{ kind: 'file', path: page }, { kind: 'file', path: copy }], { config: app.config, engine: app.engine, now: NOW });
    expect(outcomes).toEqual([
      { kind: 'duplicate', input: page, file: 'seeds/harbour-council-approves-new-ferry-link.txt', same: 'url' },
      { kind: 'duplicate', input: copy, file: 'seeds/notes.txt', same: 'text' },
    ]);
    expect(await readdir(project.seeds)).toEqual(before);
  });

  it('knows an address already added over https when it is given over http, without fetching it', async () => {
    const [outcome] = await addArticles([{ kind: 'url', url: 'http://ledger.example/news/harbour-ferry-link?utm_source=mail' }], { config: app.config, engine: app.engine, now: NOW });
    expect(outcome).toMatchObject({ kind: 'duplicate', file: 'seeds/harbour-council-approves-new-ferry-link.txt', same: 'url' });
  });

  it('adds the same file once when two adds of it run at the same time (as two /add in a bot)', async () => {
    const file = path.join(project.root, 'downloads', 'ferry-fares.txt');
    await writeFile(file, 'Ferry fares set\n\nThe island cooperative set the Varrow ferry fare at three pounds for residents and five for visitors.\n');
    const outcomes = (await Promise.all([0, 1].map(() => addArticles([{ kind: 'file', path: file }], { config: app.config, engine: app.engine, now: NOW })))).flat();
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['added', 'duplicate']);
    expect((await readdir(project.seeds)).filter((f) => f.startsWith('ferry-fares'))).toEqual(['ferry-fares.txt', 'ferry-fares.txt.meta.json']);
  });
});
