import { execFile } from 'node:child_process';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { runCli as runCommand } from '../../src/cli/runCli.js';
import { REPO_ROOT } from './tempProject.js';

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment every CLI run gets before the test's own: the repository's word-vector cache, warnings only. */
const baseEnv = (): Record<string, string> => ({ CACHE_DIR: path.join(REPO_ROOT, '.cache'), LOG_LEVEL: 'warn' });

/** A stream that keeps what is written to it (not a terminal, like a pipe). */
function captured(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * Runs a CLI command in this process, as `npm run <command> -- args` would in `cwd`: the CLI's own
 * `runCli` with `env` (over {@link baseEnv}, nothing from this process's environment), `input` as
 * stdin (then end of input, as a pipe would close), stdout and stderr captured. Use {@link spawnCli}
 * only when the process itself is under test (its exit status, start-up, signals).
 */
export async function runCli(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
  const stdin = new PassThrough();
  stdin.end(input ?? '');
  const stdout = captured();
  const stderr = captured();
  const code = await runCommand(args, { env: { ...baseEnv(), ...env }, cwd, stdin, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Runs the shipped launcher in a child process, as `npm run <command> -- args` does
 * (`node scripts/run.mjs src/cli/main.ts …`): a clean environment (PATH, HOME, {@link baseEnv}) plus
 * `env`, optional stdin, a 2-minute limit. The exit code is the process's.
 */
export function spawnCli(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts/run.mjs'), path.join(REPO_ROOT, 'src/cli/main.ts'), ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...baseEnv(), ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}
