import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { projectTest } from '../support/projectTest.js';
import { REPO_ROOT } from '../support/tempProject.js';

const run = promisify(execFile);

/**
 * What `npm run index`, `npm run ask` and `npm run timeline` run: the launcher, which compiles
 * `src/` into `.build/` and runs the compiled entry point (the rest of the suite runs the
 * TypeScript in-process). One project, one first build, then the commands that read it.
 */
projectTest('the shipped launcher builds the index, answers and lists the timeline from the compiled code', async ({ project }) => {
  const cli = (...args: string[]) =>
    run(process.execPath, [path.join(REPO_ROOT, 'scripts/run.mjs'), path.join(REPO_ROOT, 'src/cli/main.ts'), ...args], {
      cwd: project.root,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', CACHE_DIR: path.join(REPO_ROOT, '.cache'), LOG_LEVEL: 'silent' },
      maxBuffer: 16 * 1024 * 1024,
    });

  const index = await cli('index');
  expect(index.stdout).toMatch(/5 articles/);

  const ask = await cli('ask', 'Which Azerbaijani minister did Allison Hooker meet?', '--json');
  const answer = JSON.parse(ask.stdout) as { abstained: boolean; answer: string; citations: Array<{ source: string }> };
  expect(answer.abstained).toBe(false);
  expect(answer.answer).toMatch(/Bayramov/);
  expect(answer.citations[0]?.source).toMatch(/^seeds\/001_/);

  const timeline = await cli('timeline');
  expect(timeline.stdout).toMatch(/\b2025\b/);
  // Oldest first: the first dated line is no later than the last.
  const years = [...timeline.stdout.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
  expect(years.length).toBeGreaterThan(1);
  expect(years[0]).toBeLessThanOrEqual(years.at(-1) ?? 0);
}, 180_000);
