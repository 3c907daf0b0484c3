/**
 * `npm run eval` — answer and timeline quality on corpus sets in the shared format (a folder holding
 * `questions.json` and `corpus/`, like `../shared/corpora/*`), with the figures of
 * `../shared/eval/score.mjs`.
 *
 *   npm run eval                                  # every set in ../shared/corpora and eval/corpora
 *   npm run eval -- --set ../shared/corpora/india-pakistan-2025 [--set DIR ...]
 *   npm run eval -- --detail                      # each question's outcome
 *   npm run eval -- --json                        # machine-readable figures on stdout
 */
import 'dotenv/config';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isDossierError } from '../src/errors.js';
import { defaultSets, loadCorpusSet } from './lib/corpusSet.js';
import { projectRoot } from './lib/projectRoot.js';
import { textTable } from './lib/report.js';
import { openSet, runSet, type SetRun } from './lib/runSet.js';
import { leadOf } from './lib/scoreSet.js';

const ROOT = projectRoot(import.meta.url);


const f = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(2));

function summaryTable(runs: SetRun[]): string {
  const headers = ['set', 'lead', 'wrong short', 'accuracy', 'abstention', 'false abst', 'cites gold', 'cite prec', 'tl recall', 'tl prec', 'tl prec+', 'noise', 'yearless', 'p50 ms'];
  const rows = runs.map((r) => {
    const q = r.questions;
    const t = r.timeline;
    return [
      r.set,
      f(q?.lead_accuracy),
      String(q?.wrong_short_leads ?? 'n/a'),
      f(q?.answer_accuracy),
      f(q?.abstention),
      String(q?.false_abstentions ?? 'n/a'),
      f(q?.cited_gold_source),
      f(q?.citation_precision),
      f(t?.timeline_recall),
      f(t?.timeline_precision),
      f(t?.timeline_precision_lenient),
      String(t?.timeline_noise_events ?? 'n/a'),
      t ? `${t.timeline_yearless}/${t.timeline_events}` : 'n/a',
      r.latencyMs.p50.toFixed(1),
    ];
  });
  return textTable(headers, rows);
}

function detail(run: SetRun): string {
  const lines = [`\n## ${run.set}`];
  for (const r of run.questions?.rows ?? []) {
    const mark = r.pass ? (r.leadOk === false ? 'pass*' : 'pass ') : 'FAIL ';
    const lead = leadOf(r.answer);
    lines.push(`${mark} ${r.id.padEnd(5)} ${r.kind.padEnd(10)} ${r.wrongShort ? 'WRONG-SHORT ' : ''}${r.q}`);
    lines.push(`      ${r.abstained ? '(abstained) ' : ''}lead: ${lead.slice(0, 120)}${r.abstained ? '' : ` | cited ${r.cited.join(',')}`}`);
  }
  if (run.timeline) lines.push(`timeline missed: ${run.timeline.missed.join(', ') || 'none'}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      set: { type: 'string', multiple: true },
      detail: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'no-timeline': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run eval [-- [--set] DIR ...] [--detail] [--json] [--no-timeline]\n  DIR holds questions.json and corpus/ (the format of ../shared/corpora); default: every development set.\n');
    return 0;
  }
  const given = [...(values.set ?? []), ...positionals];
  const dirs = given.length > 0 ? given.map((d) => path.resolve(d)) : defaultSets(ROOT);
  if (dirs.length === 0) {
    process.stderr.write('eval: no corpus sets found (pass --set DIR; a set holds questions.json and corpus/)\n');
    return 2;
  }
  const runs: SetRun[] = [];
  for (const dir of dirs) {
    const set = loadCorpusSet(dir);
    const app = await openSet(ROOT, set);
    try {
      runs.push(await runSet(app, set, { timeline: !values['no-timeline'] }));
    } finally {
      await app.close();
    }
    if (!values.json) process.stderr.write(`  ${set.name}: done\n`);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(runs.map((r) => ({ set: r.set, ...r.questions, rows: undefined, ...r.timeline, latencyMs: r.latencyMs })), null, 2)}\n`);
    return 0;
  }
  if (values.detail) for (const r of runs) process.stdout.write(`${detail(r)}\n`);
  process.stdout.write(`\n${summaryTable(runs)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`eval: ${error.message}\nUsage: npm run eval [-- [--set] DIR ...] [--detail] [--json] [--no-timeline]\n`);
      process.exit(2);
    }
    if (isDossierError(error)) process.stderr.write(`eval: ${error.code}: ${error.message}\n`);
    else process.stderr.write(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
