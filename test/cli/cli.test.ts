import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { projectTest as it } from '../support/projectTest.js';
import { runCli, spawnCli } from '../support/runCli.js';

/**
 * The CLI commands end to end, run in-process (`runCli`, output captured) over a temp project with
 * the real seeds. What needs a real process (the launcher's exit status) is spawned.
 */
describe('CLI', () => {
  it('index builds, then reports everything reused', async ({ project }) => {
    const first = await runCli(project.root, ['index']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/added 5/);
    const again = await runCli(project.root, ['index']);
    expect(again.stdout).toMatch(/reused 5, added 0, changed 0, removed 0/);
    expect(again.stdout).toMatch(/\(0 embedded\)/);
  });

  it('ask --json prints the documented shape with project-relative sources', async ({ sharedProject: project }) => {
    const r = await runCli(project.root, ['ask', 'Who leads the joint working group?', '--json']);
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

  it('ask prints a readable answer with its sources: the cited file, where in it, and the quote', async ({ sharedProject: project }) => {
    const r = await runCli(project.root, ['ask', 'Who leads the joint working group?']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^The working group will be led by Sonata Coulter.*\[1\]\n\nSources\n\[1\] .*2025-11\n\s+seeds\/001_85d2b148091b6640\.txt \(chars \d+–\d+\)\n\s+“The working group will be led by Sonata Coulter/);
  });

  it('ask says plainly when the articles do not answer, exit code 0', async ({ sharedProject: project }) => {
    const r = await runCli(project.root, ['ask', 'What is the population of Azerbaijan?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/articles don.t say/i);
  });

  it.for<[string[], RegExp]>([
    [['ask'], /Usage: npm run ask/],
    [['ask', '   '], /Usage: npm run ask/],
    [['ask', 'x'.repeat(1200)], /limit is 1000/],
    [['ask', 'q', '--k', 'lots'], /--k must be/],
    [['ask', 'q', '--from', 'June'], /--from must be a date/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['timeline', '--bogus'], /Unknown option '--bogus'\.\nUsage: timeline/],
    [['index', '--fast'], /Unknown option '--fast'\.\nUsage: npm run index/],
    [['feedback', '--format'], /--format[\s\S]*Usage: npm run feedback/],
  ])('exits 2 with a clear message for %j', async ([args, message], { sharedProject: project }) => {
    const r = await runCli(project.root, args);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names an invalid setting instead of crashing', async ({ sharedProject: project }) => {
    const r = await runCli(project.root, ['ask', 'q'], { TOP_K: 'many' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TOP_K/);
  });

  it('--batch answers one JSON line per question, in order, and survives a bad line', async ({ sharedProject: project }) => {
    await writeFile(path.join(project.root, 'questions.txt'), `When did Mirzoyan meet Verma?\n${'long '.repeat(300)}\nWhat is the capital of France?\n`);
    // A relative path is read from the folder the command runs in.
    const r = await runCli(project.root, ['ask', '--batch', 'questions.txt']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { answer?: string; abstained?: boolean; error?: { code: string } });
    expect(lines).toHaveLength(3);
    expect(lines[0]?.answer).toMatch(/June 17/);
    expect(lines[1]?.error?.code).toBe('QUESTION_TOO_LONG');
    expect(lines[2]?.abstained).toBe(true);
  });

  it('timeline --json lists events oldest first with sources and writes a PNG', async ({ sharedProject: project }) => {
    const r = await runCli(project.root, ['timeline', '--json', '--png', 'timeline.png']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Wrote timeline.png');
    const json = JSON.parse(r.stdout) as { events: Array<{ date: string; sources: string[] }> };
    expect(json.events.length).toBeGreaterThanOrEqual(5);
    const dates = json.events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(json.events.every((e) => e.sources.every((s) => s.startsWith('seeds/')))).toBe(true);
    const bytes = await readFile(path.join(project.root, 'timeline.png'));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('chat answers, keeps context for a follow-up, and survives bad input', async ({ sharedProject: project }) => {
    const r = await runCli(project.root, ['chat'], {}, 'What did Aliyev and Trump sign?\nWhen was that?\n/ask\n/sources\n/timeline --topic Aliyev visit --from 2025\n/timeline --wat\n/quit\n');
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

  it('sources lists what each article was read as, with escape sequences in titles neutralised', async ({ indexedProject: project }) => {
    await writeFile(path.join(project.root, 'seeds/900_escape.txt'), 'Harbour \u001b[31mwall\u001b[0m reopens\n\nThe harbour wall reopened on 3 March 2025 after repairs, the port authority said.\n');
    const human = await runCli(project.root, ['sources']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^6 articles \(\d dated\)/);
    expect(human.stdout).toContain('Harbour wall reopens');
    expect(human.stdout).not.toContain('\u001b');
    const json = await runCli(project.root, ['sources', '--json']);
    const rows = JSON.parse(json.stdout) as Array<{ source: string; title: string | null; passages: number }>;
    expect(rows.map((r) => r.source)).toContain('seeds/900_escape.txt');
    expect(rows.every((r) => r.passages > 0)).toBe(true);
  });

  it('start without a Discord token explains how to connect and opens the chat, which "exit" leaves', async ({ sharedProject: project }) => {
    const r = await runCli(project.root, ['start'], {}, 'exit\nWhat did Aliyev and Trump sign?\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No DISCORD_TOKEN set/);
    expect(r.stdout).toMatch(/Dossier chat/);
    // "exit" left the chat: the question after it was never answered.
    expect(r.stdout).not.toMatch(/Memorandum of Understanding|articles don't say/);
  });
});

describe('the shipped launcher (node scripts/run.mjs src/cli/main.ts, as npm run uses)', () => {
  it.for<[string[], number, RegExp]>([
    [['frobnicate'], 2, /Unknown command "frobnicate"/],
    [['--help'], 0, /Usage \(from the project folder\)/],
  ])('exits with the command\'s code for %j', async ([args, code, message], { project }) => {
    const r = await spawnCli(project.root, args);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr + r.stdout).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
