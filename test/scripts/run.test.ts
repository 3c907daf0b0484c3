import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../scripts/run.mjs';

const run = promisify(execFile);
const LAUNCHER = path.resolve('scripts/run.mjs');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-run-'));
  await mkdir(path.join(root, 'src', 'lib'), { recursive: true });
  await writeFile(path.join(root, 'src', 'main.ts'), "import { greet } from './lib/greet.js';\nexport const out: string = greet('Baku');\n");
  await writeFile(path.join(root, 'src', 'lib', 'greet.ts'), 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n');
  await writeFile(path.join(root, 'src', 'types.d.ts'), 'export type X = 1;\n');
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const built = (rel: string) => path.join(root, '.build', rel);
const load = async (rel: string) => (await import(`${pathToFileURL(built(rel)).href}?t=${Math.random()}`)) as { out: string };

describe('scripts/run.mjs ensureBuilt', () => {
  it('compiles the TypeScript to runnable JavaScript in .build/, keeping the layout so relative imports work', async () => {
    expect(await ensureBuilt(root)).toEqual({ transpiled: 2, removed: 0 });
    expect((await load('src/main.js')).out).toBe('hello Baku');
    // Declaration files produce nothing; types are gone from the output.
    await expect(stat(built('src/types.d.js'))).rejects.toThrow();
    expect(await readFile(built('src/lib/greet.js'), 'utf8')).not.toContain(': string');
  });

  it('recompiles only what changed, and removes the output of a deleted source', async () => {
    await ensureBuilt(root);
    expect(await ensureBuilt(root)).toEqual({ transpiled: 0, removed: 0 });
    await writeFile(path.join(root, 'src', 'lib', 'greet.ts'), 'export function greet(name: string): string {\n  return `hi ${name}`;\n}\n');
    expect(await ensureBuilt(root)).toEqual({ transpiled: 1, removed: 0 });
    expect((await load('src/main.js')).out).toBe('hi Baku');
    // A file restored with an old modification time (git checkout, a copy) is still noticed.
    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(path.join(root, 'src', 'main.ts'), old, old);
    expect((await ensureBuilt(root)).transpiled).toBe(1);
    await rm(path.join(root, 'src', 'lib', 'greet.ts'));
    expect(await ensureBuilt(root)).toEqual({ transpiled: 0, removed: 1 });
    await expect(stat(built('src/lib/greet.js'))).rejects.toThrow();
  });

  it('rebuilds an output that went missing', async () => {
    await ensureBuilt(root);
    await rm(built('src/main.js'));
    expect((await ensureBuilt(root)).transpiled).toBe(1);
    expect((await load('src/main.js')).out).toBe('hello Baku');
  });

  it('rejects a syntax error naming the file and line, and leaves the last good output in place', async () => {
    await ensureBuilt(root);
    await writeFile(path.join(root, 'src', 'lib', 'greet.ts'), 'export function greet(name: string {\n');
    await expect(ensureBuilt(root)).rejects.toThrow(/greet\.ts:1/);
    expect((await load('src/main.js')).out).toBe('hello Baku');
  });
});

describe('scripts/run.mjs as the npm scripts use it', () => {
  it('runs a CLI entry point compiled, with its own arguments', async () => {
    const { stdout } = await run(process.execPath, [LAUNCHER, 'src/cli/main.ts', '--help']);
    expect(stdout).toMatch(/ask/);
    expect(stdout).toMatch(/timeline/);
  });

  it('refuses an entry point that is not one of the project\'s TypeScript files', async () => {
    for (const args of [[], ['package.json'], ['src/nope.ts'], ['../outside.ts']]) {
      const failure = await run(process.execPath, [LAUNCHER, ...args]).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(failure?.code).toBe(2);
      expect(failure?.stderr).toMatch(/usage|not a TypeScript file/);
    }
  });
});

describe('scripts/run.mjs when .build/ cannot be written', () => {
  it('says so and runs the TypeScript through tsx instead', async () => {
    // A copy of the launcher in a project whose .build is a plain file, so nothing can be written there.
    await mkdir(path.join(root, 'scripts'));
    await writeFile(path.join(root, 'scripts', 'run.mjs'), await readFile(LAUNCHER));
    await writeFile(path.join(root, 'package.json'), '{ "type": "module" }\n');
    await symlink(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
    await writeFile(path.join(root, 'src', 'cli.ts'), "import { out } from './main.js';\nconsole.log(`${out}: ${process.argv.slice(2).join(' ')}`);\n");
    await writeFile(path.join(root, '.build'), 'not a directory');
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'scripts', 'run.mjs'), 'src/cli.ts', 'a', 'b'], { cwd: root });
    expect(stderr).toMatch(/Could not compile into \.build\/ .*running the TypeScript through tsx instead/);
    expect(stdout.trim()).toBe('hello Baku: a b');
  });
});
