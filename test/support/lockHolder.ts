import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './tempProject.js';

/** Another process holding the index lock of a directory (`test/fixtures/store/holdLock.ts`). */
export interface LockHolder {
  child: ChildProcess;
  /** Lets the holder release the lock and exit; resolves once it has. */
  release(): Promise<void>;
  /** Kills the holder without letting it release (a crash): the lock stays behind. */
  kill(): Promise<void>;
}

/** Spawns a process that takes the lock of `dir`; resolves once it holds it. */
export function holdIndexLock(dir: string): Promise<LockHolder> {
  const script = path.join(REPO_ROOT, 'test/fixtures/store/holdLock.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const holder: LockHolder = {
    child,
    release: async () => {
      child.stdin?.end();
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('locked\n')) resolve(holder);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then(() => reject(new Error(`the lock holder exited before taking the lock:\n${output}`)));
  });
}
