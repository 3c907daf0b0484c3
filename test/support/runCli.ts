import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './tempProject.js';

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(REPO_ROOT, 'src/cli/main.ts');

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in `cwd`, as `npm run <command> -- args` would: a clean environment (PATH, HOME,
 * the repository's word-vector cache, `LOG_LEVEL=warn`) plus `env`, optional stdin, a 2-minute limit.
 */
export function runCli(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [MAIN, ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', CACHE_DIR: path.join(REPO_ROOT, '.cache'), LOG_LEVEL: 'warn', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
