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
import { parseArgs } from 'node:util';
import { isDossierError } from '../src/errors.js';
import { defaultSets, loadCorpusSet, resolveSetDirs } from './lib/corpusSet.js';
import { projectRoot } from './lib/projectRoot.js';
import { markdownTable, textTable } from './lib/report.js';
import { openSet, runSet, type SetRun } from './lib/runSet.js';
import { leadOf } from './lib/scoreSet.js';

const ROOT = projectRoot(import.meta.url);


const f = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(2));

/** The answer figures of each run, as score.mjs names them. */
function answerTable(runs: SetRun[], table: typeof textTable): string {
  const headers = ['set', 'lead', 'wrong short', 'accuracy', 'abstention', 'false abst', 'cites gold', 'cite prec', 'p50 ms'];
  const rows = runs.map((r) => {
    const q = r.questions;
    return [r.set, f(q?.lead_accuracy), String(q?.wrong_short_leads ?? 'n/a'), f(q?.answer_accuracy), f(q?.abstention), String(q?.false_abstentions ?? 'n/a'), f(q?.cited_gold_source), f(q?.citation_precision), r.latencyMs.p50.toFixed(1)];
  });
  return table(headers, rows);
}

/** The timeline figures of each run, and what was read of its articles' metadata. */
function timelineTable(runs: SetRun[], table: typeof textTable): string {
  const headers = ['set', 'tl recall', 'tl prec', 'tl prec+', 'events', 'noise', 'yearless', 'dated', 'titled', 'publisher', 'stamp dates', 'header dates'];
  const rows = runs.map((r) => {
    const t = r.timeline;
    const a = r.articles;
    return [
      r.set,
      f(t?.timeline_recall),
      f(t?.timeline_precision),
      f(t?.timeline_precision_lenient),
      String(t?.timeline_events ?? 'n/a'),
      String(t?.timeline_noise_events ?? 'n/a'),
      t ? String(t.timeline_yearless) : 'n/a',
      `${a.dated}/${a.total}`,
      `${a.titled}/${a.total}`,
      `${a.withPublisher}/${a.total}`,
      `${a.stampedRight}/${a.stamped}`,
      `${a.headerDatedRight}/${a.headerDated}`,
    ];
  });
  return table(headers, rows);
}

function detail(run: SetRun): string {
  const lines = [`\n## ${run.set}`];
  for (const r of run.questions?.rows ?? []) {
    const mark = r.pass ? (r.leadOk === false ? 'pass*' : 'pass ') : 'FAIL ';
    const lead = leadOf(r.answer);
    lines.push(`${mark} ${r.id.padEnd(5)} ${r.kind.padEnd(10)} ${r.wrongShort ? 'WRONG-SHORT ' : ''}${r.q}`);
    lines.push(`      ${r.abstained ? '(abstained) ' : ''}lead: ${lead.slice(0, 120)} | cited ${r.cited.join(',')}`);
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
      markdown: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run eval [-- [--set] DIR ...] [--detail] [--json] [--markdown] [--no-timeline]\n  DIR holds questions.json and corpus/ (the format of ../shared/corpora); default: every development set.\n');
    return 0;
  }
  const given = [...(values.set ?? []), ...positionals];
  const dirs = given.length > 0 ? resolveSetDirs(given) : defaultSets(ROOT);
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
    process.stdout.write(`${JSON.stringify(runs.map((r) => ({ set: r.set, ...r.questions, rows: undefined, ...r.timeline, latencyMs: r.latencyMs, articles: r.articles })), null, 2)}\n`);
    return 0;
  }
  if (values.detail) for (const r of runs) process.stdout.write(`${detail(r)}\n`);
  const table = values.markdown ? markdownTable : textTable;
  process.stdout.write(`\n${answerTable(runs, table)}\n\n${timelineTable(runs, table)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`eval: ${error.message}\nUsage: npm run eval [-- [--set] DIR ...] [--detail] [--json] [--markdown] [--no-timeline]\n`);
      process.exit(2);
    }
    if (isDossierError(error)) process.stderr.write(`eval: ${error.code}: ${error.message}\n`);
    else process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
