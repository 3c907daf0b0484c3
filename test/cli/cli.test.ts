import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/runCli.js';
import { tempProject, type TempProject } from '../support/tempProject.js';

let project: TempProject;

/** Runs the real CLI in the temp project, as `npm run <command> -- args` would. */
const cli = (args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> => runCli(project.root, args, env, input);

beforeAll(async () => {
  project = await tempProject('dossier-cli-');
});

afterAll(async () => {
  await project?.cleanup();
});

describe('CLI', () => {
  it('index builds, then reports everything reused', async () => {
    const first = await cli(['index']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/added 5/);
    const again = await cli(['index']);
    expect(again.stdout).toMatch(/reused 5, added 0, changed 0, removed 0/);
    expect(again.stdout).toMatch(/\(0 embedded\)/);
  });

  it('ask --json prints the documented shape with project-relative sources', async () => {
    const r = await cli(['ask', 'Who leads the joint working group?', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { question: string; answer: string; abstained: boolean; citations: Array<Record<string, unknown>> };
    expect(json.question).toBe('Who leads the joint working group?');
    expect(json.abstained).toBe(false);
    expect(json.answer).toMatch(/Sonata Coulter.*\[1\]/);
    expect(json.citations[0]).toMatchObject({ n: 1, source: 'seeds/001_85d2b148091b6640.txt', date: '2025-11' });
    expect(Object.keys(json.citations[0] ?? {}).sort()).toEqual(['date', 'n', 'publisher', 'quote', 'source', 'title']);
    const raw = await readFile(path.join(project.root, 'seeds/001_85d2b148091b6640.txt'), 'utf8');
    expect(raw).toContain(json.citations[0]?.['quote']);
  });

  it('ask prints a readable answer with its sources', async () => {
    const r = await cli(['ask', 'What is the population of Azerbaijan?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/articles don.t say/i);
  });

  it.each([
    [['ask'], /Usage: npm run ask/],
    [['ask', '   '], /Usage: npm run ask/],
    [['ask', 'x'.repeat(1200)], /limit is 1000/],
    [['ask', 'q', '--k', 'lots'], /--k must be/],
    [['ask', 'q', '--from', 'June'], /--from must be a date/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['timeline', '--bogus'], /Unknown option '--bogus'\.\nUsage: timeline/],
    [['index', '--fast'], /Unknown option '--fast'\.\nUsage: npm run index/],
    [['feedback', '--format'], /--format[\s\S]*Usage: npm run feedback/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names an invalid setting instead of crashing', async () => {
    const r = await cli(['ask', 'q'], { TOP_K: 'many' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TOP_K/);
  });

  it('--batch answers one JSON line per question, in order, and survives a bad line', async () => {
    const file = path.join(project.root, 'questions.txt');
    await writeFile(file, `When did Mirzoyan meet Verma?\n${'long '.repeat(300)}\nWhat is the capital of France?\n`);
    const r = await cli(['ask', '--batch', file]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { answer?: string; abstained?: boolean; error?: { code: string } });
    expect(lines).toHaveLength(3);
    expect(lines[0]?.answer).toMatch(/June 17/);
    expect(lines[1]?.error?.code).toBe('QUESTION_TOO_LONG');
    expect(lines[2]?.abstained).toBe(true);
  });

  it('timeline --json lists events oldest first with sources and writes a PNG', async () => {
    const png = path.join(project.root, 'timeline.png');
    const r = await cli(['timeline', '--json', '--png', png]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { events: Array<{ date: string; sources: string[] }> };
    expect(json.events.length).toBeGreaterThanOrEqual(5);
    const dates = json.events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(json.events.every((e) => e.sources.every((s) => s.startsWith('seeds/')))).toBe(true);
    const bytes = await readFile(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('chat answers, keeps context for a follow-up, and survives bad input', async () => {
    const r = await cli(['chat'], {}, 'What did Aliyev and Trump sign?\nWhen was that?\n/ask\n/sources\n/timeline --topic Aliyev visit --from 2025\n/timeline --wat\n/quit\n');
    expect(r.code, r.stderr).toBe(0);
    // An unquoted multi-word topic is the topic; an unknown option is a usage error, and the chat goes on.
    expect(r.stdout).toMatch(/7–8 Aug 2025 — Azerbaijan's President Ilham Aliyev paid a significant visit/);
    expect(r.stdout).not.toMatch(/1992 —/);
    expect(r.stdout).toMatch(/Error: Unknown option '--wat'\.\nUsage: timeline/);
    expect(r.stdout).not.toMatch(/Unexpected error/);
    expect(r.stdout).toMatch(/Memorandum of Understanding/);
    expect(r.stdout).toMatch(/August 7-8, 2025/);
    expect(r.stdout).toMatch(/Error: Please ask a question/);
    expect(r.stdout).toMatch(/Caliber\.Az/);
  });

  it('sources lists what each article was read as, with escape sequences in titles neutralised', async () => {
    await writeFile(path.join(project.root, 'seeds/900_escape.txt'), 'Harbour \u001b[31mwall\u001b[0m reopens\n\nThe harbour wall reopened on 3 March 2025 after repairs, the port authority said.\n');
    const human = await cli(['sources']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^6 articles \(\d dated\)/);
    expect(human.stdout).toContain('Harbour wall reopens');
    expect(human.stdout).not.toContain('\u001b');
    const json = await cli(['sources', '--json']);
    const rows = JSON.parse(json.stdout) as Array<{ source: string; title: string | null; passages: number }>;
    expect(rows.map((r) => r.source)).toContain('seeds/900_escape.txt');
    expect(rows.every((r) => r.passages > 0)).toBe(true);
  });

  it('start without a Discord token explains how to connect and opens the chat', async () => {
    const r = await cli(['start'], {}, '/quit\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No DISCORD_TOKEN set/);
    expect(r.stdout).toMatch(/Dossier chat/);
  });
});
