/** One numbered reference under an answer; `quote` is a verbatim substring of the source file. */
export interface Citation {
  n: number;
  /** File path relative to the project root, e.g. `seeds/000_x.txt`. */
  source: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  quote: string;
  /** Offsets of `quote` in the source file's raw text. */
  start: number;
  end: number;
  passageId: string;
}

/** A previous exchange, so follow-ups ("when was that?") can be resolved. */
export interface Turn {
  question: string;
  answer: string;
}

interface AnswerBase {
  question: string;
  /** Human-readable answer with `[n]` markers (or the abstention sentence). */
  text: string;
  /** For `answered`: what `[n]` refers to. For `no-answer`: the closest sources, if any. */
  citations: Citation[];
  mode: 'extractive' | 'llm';
  /** Set when something degraded (e.g. the LLM failed and the offline answer is shown). */
  notice?: string;
}

/** The outcome of a question: expected outcomes are values, not throws. */
export type Answer = (AnswerBase & { kind: 'answered' }) | (AnswerBase & { kind: 'no-answer' });

/** The `--json` shape promised to scripts. */
export interface AnswerJson {
  question: string;
  answer: string;
  abstained: boolean;
  citations: Array<{ n: number; source: string; title: string | null; publisher: string | null; date: string | null; quote: string }>;
  mode: 'extractive' | 'llm';
  notice?: string;
}

/** Converts an Answer to the stable `--json` shape. */
export function toAnswerJson(a: Answer): AnswerJson {
  return {
    question: a.question,
    answer: a.text,
    abstained: a.kind === 'no-answer',
    citations: a.citations.map(({ n, source, title, publisher, date, quote }) => ({ n, source, title, publisher, date, quote })),
    mode: a.mode,
    ...(a.notice ? { notice: a.notice } : {}),
  };
}
