/** A stream that may be a terminal (`process.stdout` is one when not redirected). */
type MaybeTty = { isTTY?: boolean };

/**
 * What a CLI command runs in: its environment, its folder and its three streams. The launcher
 * (`main.ts`) passes the process's own ({@link processIo}); tests pass their own, so a command runs
 * in-process with its output captured, exactly as it would print it.
 */
export interface CliIo {
  /** Environment variables (for the launcher: the process's, after `.env`). Read only by `loadConfig` and `DEBUG`. */
  env: Record<string, string | undefined>;
  /** The folder the command runs in: the project root, and what relative paths in arguments resolve against. */
  cwd: string;
  /** The chat's input. At a terminal (`isTTY`), a pasted block of lines is one question. */
  stdin: NodeJS.ReadableStream & MaybeTty;
  /** Answers and reports (`--json` output stays alone here). */
  stdout: NodeJS.WritableStream & MaybeTty;
  /** Logs, warnings, errors and progress bars (drawn only when `isTTY`). */
  stderr: NodeJS.WritableStream & MaybeTty;
}

/** The running process's environment, folder and streams: what `npm run <command>` gives a command. */
export function processIo(): CliIo {
  return { env: process.env, cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
