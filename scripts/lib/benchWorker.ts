/**
 * One benchmark measurement, run in a fresh child process by scripts/bench.ts so that peak RSS and
 * start-up time belong to that measurement alone. Usage (internal):
 *   node scripts/run.mjs scripts/lib/benchWorker.ts '<json BenchTask>'   (compiled, as `npm start` runs)
 * Writes a JSON result to `task.resultFile`; stdout/stderr are left to the engine's own logging.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { EvalMetrics } from './eval/metrics.js';

/** Process start, before any project module is loaded (ESM imports below are dynamic for that reason). */
const ENTERED_MS = performance.now();

export type BenchTask =
  | { task: 'build'; system: 'dossier' | 'baseline'; root: string; env: Record<string, string>; resultFile: string }
  | { task: 'startup'; root: string; env: Record<string, string>; resultFile: string }
  | { task: 'rebuild'; root: string; env: Record<string, string>; resultFile: string; changeFile: string; repeats: number }
  | { task: 'query'; system: 'dossier' | 'baseline'; root: string; env: Record<string, string>; resultFile: string; passes: number; warmup: number }
  | { task: 'timeline'; root: string; env: Record<string, string>; resultFile: string; repeats: number }
  | { task: 'eval'; system: 'dossier' | 'baseline'; root: string; env: Record<string, string>; resultFile: string }
  | { task: 'vectors'; root: string; env: Record<string, string>; resultFile: string; cacheDir: string };

/** A task as the orchestrator specifies it (it adds `root` and `resultFile`). */
export type BenchTaskSpec = BenchTask extends infer T ? (T extends BenchTask ? Omit<T, 'root' | 'resultFile'> : never) : never;

/** Everything a worker reports; fields are filled per task. */
export interface BenchResult {
  task: BenchTask['task'];
  system: 'dossier' | 'baseline';
  maxRssMB: number;
  /** CPU time (user + system) of the whole process; on a shared machine this is steadier than wall time. */
  cpuMs: number;
  /** Milliseconds from process start to the worker's first line (Node and the launcher's freshness check). */
  enteredMs: number;
  [key: string]: unknown;
}

function maxRssMB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

async function openConfig(root: string, env: Record<string, string>) {
  const { measurementConfig } = await import('./measurementConfig.js');
  return measurementConfig(root, env);
}

async function questionList(root: string): Promise<string[]> {
  const { loadEvalQuestions } = await import('./eval/EvalQuestion.js');
  const { benchQuestions } = await import('./benchQuestions.js');
  return benchQuestions(await loadEvalQuestions(`${root}/test/eval/questions.json`));
}

/** CPU milliseconds (user + system, all threads) the process has used so far. */
function cpuNow(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/**
 * Times `f` per item: wall clock, and the process CPU time it consumed. Serving is single-threaded, so
 * on a machine shared with other work the CPU time is what the latency would be on an idle core.
 */
async function timeEach(items: readonly string[], f: (q: string) => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of items) {
    const c0 = cpuNow();
    const t0 = performance.now();
    await f(q);
    wall.push(performance.now() - t0);
    cpu.push(cpuNow() - c0);
  }
  return { wall, cpu };
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = cpuNow();
  const t0 = performance.now();
  const value = await f();
  return { value, wall: performance.now() - t0, cpu: cpuNow() - c0 };
}

type RunResult = { task: BenchTask['task']; system: BenchResult['system'] } & Record<string, unknown>;

async function run(task: BenchTask): Promise<RunResult> {
  const config = await openConfig(task.root, task.env);
  switch (task.task) {
    case 'build': {
      if (task.system === 'baseline') {
        const { openBaseline } = await import('./systems.js');
        const { value, wall, cpu } = await timed(() => openBaseline(config));
        return { task: 'build', system: 'baseline', totalMs: wall, buildMs: wall, buildCpuMs: cpu, passages: value.baseline.chunks };
      }
      const { createApp } = await import('../../src/app.js');
      // When each progress phase was first seen (wall and CPU ms since createApp started), to show where build time goes.
      const phases: Record<string, { wallMs: number; cpuMs: number }> = {};
      const t0 = performance.now();
      const c0 = cpuNow();
      const app = await createApp(config, {
        onProgress: (p) => {
          phases[p.phase] ??= { wallMs: performance.now() - t0, cpuMs: cpuNow() - c0 };
        },
      });
      const end = performance.now();
      const endCpu = cpuNow();
      const passages = app.engine.sources().reduce((n, s) => n + s.passages, 0);
      await app.close();
      return {
        task: 'build',
        system: 'dossier',
        // The whole of createApp on an empty index directory: load the embedder, read, clean and split, embed, index, write.
        totalMs: end - t0,
        buildMs: end - t0,
        buildCpuMs: endCpu - c0,
        phases,
        passages,
        articles: app.engine.sources().length,
      };
    }
    case 'vectors': {
      // The first run's conversion of the word-vector package into the cache, into an empty directory.
      const { loadWordVectorTable } = await import('../../src/embeddings/WordVectorCache.js');
      const { wall, cpu } = await timed(() => loadWordVectorTable(task.cacheDir));
      // Then what every later start does: load the cache just written (no conversion) into the embedder.
      const { WordVectorEmbeddings } = await import('../../src/embeddings/WordVectorEmbeddings.js');
      const reload = await timed(() => WordVectorEmbeddings.load({ cacheDir: task.cacheDir }));
      // Embedding throughput on 1000-character passages (the size of a long passage), 300 in a row after a warm-up.
      const model = reload.value;
      const passage = 'The foreign ministers of Armenia and Azerbaijan met in Washington to discuss the peace treaty. '.repeat(11).slice(0, 1000);
      for (let i = 0; i < 30; i++) model.embedSync(passage);
      const embed = await timed(async () => {
        for (let i = 0; i < 300; i++) model.embedSync(passage);
      });
      return {
        task: 'vectors',
        system: 'dossier',
        convertMs: wall,
        convertCpuMs: cpu,
        reloadMs: reload.wall,
        reloadCpuMs: reload.cpu,
        embedPerSecond: 300 / (embed.wall / 1000),
        embedCpuPerSecond: 300 / (embed.cpu / 1000),
      };
    }
    case 'startup': {
      const t0 = performance.now();
      const { createApp } = await import('../../src/app.js');
      const imported = performance.now();
      let rebuilt = false;
      const app = await createApp(config, { onProgress: () => (rebuilt = true) });
      const ready = performance.now();
      await app.close();
      return { task: 'startup', system: 'dossier', importMs: imported - t0, createAppMs: ready - imported, readyMs: ready, readyCpuMs: cpuNow(), rebuilt };
    }
    case 'rebuild': {
      const { createApp } = await import('../../src/app.js');
      const app = await createApp(config);
      const original = await readFile(task.changeFile, 'utf8');
      const noop: number[] = [];
      const noopCpu: number[] = [];
      const incremental: number[] = [];
      const incrementalCpu: number[] = [];
      const reports: unknown[] = [];
      try {
        for (let i = 0; i < task.repeats; i++) {
          const r0 = await timed(() => app.engine.reindex());
          noop.push(r0.wall);
          noopCpu.push(r0.cpu);
          if (i === 0) reports.push(r0.value);
          // One article gains a paragraph, then loses it again: two single-file changes per repeat.
          await appendFile(task.changeFile, `\nBenchmark edit ${i}: the Congress convened again to consider the appropriations for the coming year.\n`);
          const r1 = await timed(() => app.engine.reindex());
          incremental.push(r1.wall);
          incrementalCpu.push(r1.cpu);
          if (i === 0) reports.push(r1.value);
          await writeFile(task.changeFile, original);
          const r2 = await timed(() => app.engine.reindex());
          incremental.push(r2.wall);
          incrementalCpu.push(r2.cpu);
        }
      } finally {
        await writeFile(task.changeFile, original);
        await app.engine.reindex();
        await app.close();
      }
      return { task: 'rebuild', system: 'dossier', noopMs: noop, noopCpuMs: noopCpu, incrementalMs: incremental, incrementalCpuMs: incrementalCpu, reports };
    }
    case 'query': {
      const questions = await questionList(task.root);
      let retrieve: (q: string) => Promise<unknown>;
      let ask: (q: string) => Promise<unknown>;
      let close = async () => {};
      if (task.system === 'baseline') {
        const { openBaseline } = await import('./systems.js');
        const { baseline } = await openBaseline(config);
        retrieve = (q) => baseline.retrieve(q);
        ask = (q) => baseline.ask(q);
      } else {
        const { createApp } = await import('../../src/app.js');
        const app = await createApp(config);
        retrieve = (q) => app.engine.retrieve(q);
        ask = (q) => app.engine.ask(q);
        close = () => app.close();
      }
      // Warm-up: JIT, lazy model loads and caches, so the passes measure steady-state serving.
      for (const q of questions.slice(0, task.warmup)) {
        await retrieve(q);
        await ask(q);
      }
      const passes: Array<{ retrieveMs: number[]; retrieveCpuMs: number[]; askMs: number[]; askCpuMs: number[] }> = [];
      for (let p = 0; p < task.passes; p++) {
        const r = await timeEach(questions, retrieve);
        const a = await timeEach(questions, ask);
        passes.push({ retrieveMs: r.wall, retrieveCpuMs: r.cpu, askMs: a.wall, askCpuMs: a.cpu });
      }
      await close();
      return { task: 'query', system: task.system, questions: questions.length, passes };
    }
    case 'timeline': {
      const { createApp } = await import('../../src/app.js');
      const app = await createApp(config);
      const ms: number[] = [];
      const timelineCpuMs: number[] = [];
      let events = 0;
      for (let i = 0; i < task.repeats; i++) {
        const t = await timed(() => app.engine.timeline());
        ms.push(t.wall);
        timelineCpuMs.push(t.cpu);
        events = t.value.events.length;
      }
      await app.close();
      return { task: 'timeline', system: 'dossier', ms, timelineCpuMs, events };
    }
    case 'eval': {
      const { loadEvalQuestions } = await import('./eval/EvalQuestion.js');
      const { runEval, fileSourceText } = await import('./eval/runEval.js');
      const { summarize } = await import('./eval/metrics.js');
      const questions = await loadEvalQuestions(`${task.root}/test/eval/questions.json`);
      let system;
      let close = async () => {};
      if (task.system === 'baseline') {
        const { openBaseline } = await import('./systems.js');
        system = (await openBaseline(config)).system;
      } else {
        const { openDossier } = await import('./systems.js');
        const opened = await openDossier(config, 'Dossier');
        system = opened.system;
        close = () => opened.app.close();
      }
      const results = await runEval(system, questions, fileSourceText(task.root));
      await close();
      const metrics: EvalMetrics = summarize(results);
      return { task: 'eval', system: task.system, metrics, failed: results.filter((r) => !r.correct).map((r) => r.id) };
    }
  }
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg) throw new Error('benchWorker: missing task JSON');
  const task = JSON.parse(arg) as BenchTask;
  const result = await run(task);
  const out: BenchResult = { ...result, maxRssMB: maxRssMB(), cpuMs: cpuNow(), enteredMs: ENTERED_MS };
  await writeFile(task.resultFile, JSON.stringify(out));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchWorker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
