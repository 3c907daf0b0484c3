import path from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect } from 'vitest';
import { projectTest as it } from '../support/projectTest.js';
import { runCli, type CliRun } from '../support/runCli.js';
import type { TempProject } from '../support/tempProject.js';

/** The CLI in-process with info logs, as a person sees it at a terminal. */
const cli = (project: TempProject, args: string[]): Promise<CliRun> => runCli(project.root, args, { LOG_LEVEL: 'info' });

describe('the CLI on a small project', () => {
  it('updates it without claiming that REBUILD_ON_START=false was set', async ({ indexedProject: project }) => {
    const built = await cli(project, ['index']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/reused 5, added 0/);
    await writeFile(path.join(project.seeds, 'new-article.txt'), 'Harbour news\n\nThe harbour committee met on March 3, 2031 to discuss the new pier.\n');
    const run = await cli(project, ['index']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/added 1/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/REBUILD_ON_START|serving it as it is/);
  });

  it('names a skipped file once, in the report, not also as a warning', async ({ indexedProject: project }) => {
    await writeFile(path.join(project.seeds, 'empty.txt'), '');
    const run = await cli(project, ['index']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('! skipped seeds/empty.txt: empty file');
    expect(run.stderr).not.toContain('seeds/empty.txt');
  });

  it.for<[string[], RegExp]>([
    [['timeline', '--source', 'nope.txt'], /No indexed article is called "nope\.txt"\. `npm run sources`/],
    [['ask', 'Who leads the joint working group?', '--source', 'nope.txt'], /No indexed article is called "nope\.txt"/],
    [['timeline', '--png', '/no/such/dir/x.png'], /Could not write the picture to \/no\/such\/dir\/x\.png: its folder does not exist\./],
  ])('explains %j instead of printing nothing or a stack trace', async ([args, message], { sharedProject: project }) => {
    const run = await cli(project, args);
    // A usage error, as for a bad option: exit code 2.
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/Unexpected error|\n\s+at /);
  });

  it('says where articles go when the articles folder is empty, and that a first build is progress, not a fault', async ({ sharedProject: project }) => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'dossier-empty-seeds-'));
    try {
      const run = await runCli(project.root, ['ask', 'Who leads the joint working group?'], { LOG_LEVEL: 'info', SEEDS_DIR: empty, EMBEDDINGS_DIR: path.join(empty, 'index') });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/There are no articles to answer from: .* holds no readable \.txt or \.md file\. Add some, then run `npm run index`/);
      expect(run.stderr).not.toMatch(/warning: No index yet/);
      expect(run.stdout).toMatch(/The articles don't say/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
