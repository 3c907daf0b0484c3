import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../scripts/run.mjs';
import { REPO_ROOT, tempProject, type TempProject } from '../support/tempProject.js';

/** What `npm run ask` runs. */
const LAUNCHER = path.join(REPO_ROOT, 'scripts/run.mjs');
const MAIN = path.join(REPO_ROOT, 'src/cli/main.ts');
const NOBODY = 65534;

/**
 * A read-only index folder (a container volume, another user's files) really refuses writes only
 * to a process that is not root: as root, the CLI runs as `nobody`, which can read the project.
 */
function asUnprivileged(): { uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return {};
  try {
    execFileSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(LAUNCHER)})`], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' });
    return { uid: NOBODY, gid: NOBODY };
  } catch {
    return undefined;
  }
}
const runAs = asUnprivileged();

async function chmodTree(dir: string, dirMode: number, fileMode: number): Promise<void> {
  await chmod(dir, dirMode);
  for (const entry of await readdir(dir)) {
    const full = path.join(dir, entry);
    if ((await stat(full)).isDirectory()) await chmodTree(full, dirMode, fileMode);
    else await chmod(full, fileMode);
  }
}

describe.skipIf(runAs === undefined)('a read-only index folder', () => {
  let project: TempProject;

  beforeAll(async () => {
    // The launcher's compiled code, brought up to date by this (privileged) process: the unprivileged one only reads it.
    await ensureBuilt(REPO_ROOT);
    project = await tempProject('dossier-readonly-', { indexed: true });
    // The corpus changed since the build, and the index folder cannot be written.
    await writeFile(path.join(project.seeds, 'new-article.txt'), 'Harbour news\n\nThe harbour committee met on March 3, 2031 to discuss the new pier.\n');
    await chmodTree(project.root, 0o755, 0o644);
    await chmodTree(project.embeddings, 0o555, 0o444);
  });
  afterAll(async () => {
    await chmodTree(project.embeddings, 0o755, 0o644).catch(() => undefined);
    await project?.cleanup();
  });

  it('still answers from the index it has, warning that it is out of date and cannot be updated', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [LAUNCHER, MAIN, 'ask', 'Who leads the joint working group?', '--json'],
        {
          cwd: project.root,
          env: { PATH: process.env['PATH'] ?? '', HOME: project.root, CACHE_DIR: path.join(REPO_ROOT, '.cache'), LOG_LEVEL: 'warn' },
          timeout: 120_000,
          ...runAs,
        },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    // The compiled code ran (tsx is the launcher's fallback, tested in test/scripts/run.test.ts).
    expect(run.stderr).not.toMatch(/Could not compile/);
    expect(run.stderr).toMatch(/out of date \(1 added\) and cannot be updated here: The index folder .* cannot be written here \(E(?:ACCES|ROFS|PERM)\)\. Serving it as it is\./);
    expect((JSON.parse(run.stdout) as { answer: string }).answer).toMatch(/Sonata Coulter/);
  });
});
