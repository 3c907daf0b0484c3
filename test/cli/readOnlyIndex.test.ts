import path from 'node:path';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIndexWritable, LOCK_FILE } from '../../src/store/IndexLock.js';
import { REPO_ROOT, tempProject, type TempProject } from '../support/tempProject.js';

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(REPO_ROOT, 'src/cli/main.ts');
const NOBODY = 65534;

/**
 * A read-only index folder (a container volume, another user's files) really refuses writes only
 * to a process that is not root: as root, the CLI runs as `nobody`, which can read the project.
 */
function asUnprivileged(): { uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return {};
  try {
    execFileSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(TSX)})`], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' });
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
        TSX,
        [MAIN, 'ask', 'Who leads the joint working group?', '--json'],
        {
          cwd: project.root,
          env: { PATH: process.env['PATH'] ?? '', HOME: project.root, CACHE_DIR: path.join(REPO_ROOT, '.cache'), LOG_LEVEL: 'warn', TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.json') },
          timeout: 120_000,
          ...runAs,
        },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/out of date \(1 added\) and cannot be updated here: The index folder .* cannot be written here \(E(?:ACCES|ROFS|PERM)\)\. Serving it as it is\./);
    expect((JSON.parse(run.stdout) as { answer: string }).answer).toMatch(/Sonata Coulter/);
  });
});

describe('checkIndexWritable', () => {
  it('says at once that another live build holds the lock, without reading anything', async () => {
    const project = await tempProject('dossier-busy-check-');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await writeFile(path.join(project.root, LOCK_FILE), `${sleeper.pid}\n`);
      await expect(checkIndexWritable(project.root)).rejects.toMatchObject({ code: 'INDEX_BUSY', message: expect.stringContaining(`pid ${sleeper.pid}`) });
    } finally {
      sleeper.kill();
      await project.cleanup();
    }
  });

  it('passes for a writable folder with no lock, or a stale lock of a finished process', async () => {
    const project = await tempProject('dossier-free-check-');
    try {
      await expect(checkIndexWritable(project.embeddings)).resolves.toBeUndefined();
      await writeFile(path.join(project.embeddings, LOCK_FILE), '999999999\n');
      await expect(checkIndexWritable(project.embeddings)).resolves.toBeUndefined();
    } finally {
      await project.cleanup();
    }
  });
});
