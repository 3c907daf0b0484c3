import { createInterface } from 'node:readline/promises';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import type { Turn } from '../answer/Answer.js';
import type { App } from '../app.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { isDossierError } from '../errors.js';
import { addArticles } from '../add/addArticles.js';
import { formatAnswer } from './formatAnswer.js';
import { formatAddOutcome, parseAddInput } from './runAdd.js';
import { formatIndexReport } from './formatIndexReport.js';
import { presentTimeline } from '../timeline/presentTimeline.js';
import { formatSourceLine } from './runSources.js';
import { parseTimelineArgs, TO_SEE_ALL } from './runTimeline.js';
import { groupPastedLines } from './groupPastedLines.js';
import { progressReporter } from './progressReporter.js';
import { sanitizeTerminal } from './sanitizeTerminal.js';

const CHAT_HELP = `Type a question, or a command:
  /ask QUESTION        ask (the default; follow-ups like "when was that?" use the conversation so far)
  /timeline [TOPIC] [--from DATE] [--to DATE] [--source FILE] [--planned] [--no-history] [--all] [--png FILE]
  /sources             the indexed articles
  /add URL|FILE …      add articles from web pages or .html/.txt/.md files, then update the index
  /reindex             rebuild the index from seeds/ (incremental)
  /new                 forget the conversation so far
  /help                this help
  /quit                leave (or "exit", or Ctrl+D)
`;

/** How many earlier turns a follow-up may lean on; older context tends to mislead more than help. */
const HISTORY_TURNS = 3;

/** `npm run chat`: an interactive prompt over the same engine the bot uses. */
export async function runChat(config: Config, _argv: string[], io: CliIo, existing?: App): Promise<number> {
  const progress = progressReporter(io.stderr);
  const app = existing ?? (await createApp(config, { logger: createLogger(config.logLevel, 'pretty', (l) => io.stderr.write(l)), onProgress: progress.onProgress }));
  progress.stop();
  // Load the answering libraries while the person types their first question.
  app.warmUp().catch(() => undefined);
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: io.stdin.isTTY === true });
  const out = (s: string) => io.stdout.write(`${sanitizeTerminal(s)}\n`);
  const mode = config.answerer === 'openai' ? `model mode (${config.chat.provider}:${config.chat.model})` : 'offline mode';
  out(`Dossier chat — ${app.engine.sources().length} articles indexed, ${mode}. /help for commands, /quit to leave.`);
  let history: Turn[] = [];
  try {
    rl.setPrompt('\n> ');
    rl.prompt();
    // Both buffer lines, so input is never dropped while an answer is being computed; they end when
    // stdin closes (Ctrl+D). At a terminal a pasted block of lines is one question; piped input
    // (scripts, tests) is one question per line.
    const inputs: AsyncIterable<string> = io.stdin.isTTY ? groupPastedLines(rl) : rl;
    for await (const input of inputs) {
      const line = input.trim();
      if (line === '') {
        rl.prompt();
        continue;
      }
      // "exit" or "quit" alone is how people leave a prompt; asked as a question it would be read as a follow-up.
      if (/^(?:exit|quit)$/i.test(line)) return 0;
      const [cmd, ...restParts] = line.startsWith('/') ? line.split(/\s+/) : ['/ask', line];
      const rest = line.startsWith('/') ? line.slice((cmd ?? '').length).trim() : line;
      try {
        switch (cmd) {
          case '/quit':
          case '/exit':
            return 0;
          case '/help':
            out(CHAT_HELP);
            break;
          case '/new':
            history = [];
            out('Started a new conversation.');
            break;
          case '/sources':
            for (const s of app.engine.sources()) out(formatSourceLine(s));
            break;
          case '/add': {
            const inputs = splitArgs(rest).map((arg) => parseAddInput(arg, io.cwd));
            if (inputs.length === 0) {
              out('Usage: /add URL|FILE …');
              break;
            }
            const bar = progressReporter(io.stderr);
            const outcomes = await addArticles(inputs, { config, engine: app.engine, onProgress: bar.onProgress, onStep: (step) => out(`${step}…`) });
            bar.stop();
            for (const o of outcomes) out(formatAddOutcome(o));
            break;
          }
          case '/reindex': {
            const bar = progressReporter(io.stderr);
            const outcome = await app.engine.reindex(bar.onProgress);
            bar.stop();
            out(outcome.kind === 'busy' ? 'A rebuild is already running.' : formatIndexReport(outcome.report));
            break;
          }
          case '/timeline': {
            const { options, png, all } = parseTimelineArgs(splitArgs(rest));
            const timeline = await app.engine.timeline(options);
            const shown = presentTimeline(timeline, { all, title: options.topic ? `Timeline: ${options.topic}` : 'Timeline', howToSeeAll: TO_SEE_ALL });
            out(shown.text);
            if (png) {
              await writeFile(path.resolve(io.cwd, png), shown.png());
              out(`Wrote ${png}`);
            }
            break;
          }
          case '/ask': {
            const question = restParts.length === 0 && !line.startsWith('/') ? line : rest;
            const answer = await app.engine.ask(question, { history });
            out(formatAnswer(answer));
            if (answer.kind === 'answered') history = [...history, { question, answer: answer.text }].slice(-HISTORY_TURNS);
            break;
          }
          default:
            out(`Unknown command ${cmd}. ${CHAT_HELP}`);
        }
      } catch (error) {
        // One bad input never ends the session.
        out(isDossierError(error) ? `Error: ${error.message}` : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      }
      rl.prompt();
    }
    return 0;
  } finally {
    rl.close();
    if (!existing) await app.close();
  }
}

/** Splits `--topic "two words" --from 2024` like a shell would, for chat commands. */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) args.push(m[1] ?? m[2] ?? m[3] ?? '');
  return args;
}
