/** ", and" (or "and", "while", "but") followed by a new interrogative phrase. */
const PART_BOUNDARY =
  /,?\s+(?:and|while|but|as well as)\s+(?=(?:(?:to|at|on|in|from|by|for|with|under|of)\s+)?(?:who|whom|whose|what|which|when|where|why|how)\b)/gi;

/** A part that is only an interrogative phrase ("To which court"): it shares the rest of the next part. */
const BARE_PHRASE = /^(?:(?:to|at|on|in|from|by|for|with|under|of)\s+)?(?:which|what)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu;

/** The clause two interrogative phrases share, from the second one's auxiliary on ("… at what time *did the quake strike*"). */
const SHARED_CLAUSE = /\b(?:did|does|do|was|were|is|are|has|have|had|will|would|could)\b.*$/i;

/** One way a question asks two things at once, and why it is read so. */
export interface PartRule {
  name: string;
  reason: string;
  /** The parts, or null when the rule does not apply. `text` has no final question mark. */
  split(text: string): string[] | null;
}

/** The rules, tried in order; the first that applies splits the question. */
export const PART_RULES: readonly PartRule[] = [
  {
    name: 'time-between',
    reason: '"How much time passed between A and B?" is answered by when A happened and when B did: the articles give dates, rarely the interval.',
    split: (t) => {
      const m = /^how (?:much time|long|many (?:days|weeks|months|years))(?:\s+(?:passed|elapsed|went by|was there))?\s+between\s+(.+?)\s+and\s+(.+)$/i.exec(t);
      return m ? [`When was ${m[1] ?? ''}`, `When was ${m[2] ?? ''}`] : null;
    },
  },
  {
    name: 'time-after',
    reason: '"How long after A did B happen?" is answered by when A happened and when B did.',
    split: (t) => {
      const m = /^how (?:long|much time|many (?:days|weeks|months|years))\s+after\s+(.+?)\s+(did|was|were|had|has|have)\s+(.+)$/i.exec(t);
      return m ? [`When was ${m[1] ?? ''}`, `When ${m[2] ?? ''} ${m[3] ?? ''}`] : null;
    },
  },
  {
    name: 'second-interrogative',
    reason: '", and" (or "and", "while", "but") followed by a new interrogative phrase starts a second question ("…, and how many did he need?").',
    split: (t) => {
      const parts = t.split(PART_BOUNDARY).map((p) => p.trim().replace(/^,\s*|,\s*$/g, '')).filter((p) => p !== '');
      if (parts.length < 2) return null;
      return parts.map((p, i) => {
        const next = parts[i + 1];
        if (!BARE_PHRASE.test(p) || !next) return p;
        const comma = next.indexOf(',');
        if (comma >= 0) return `${p} ${next.slice(comma + 1).trim()}`;
        // "On what date and at what local time did the quake strike": the clause after the next phrase's auxiliary.
        const clause = SHARED_CLAUSE.exec(next);
        return clause ? `${p} ${clause[0]}` : p;
      });
    },
  },
  {
    name: 'repeated-preposition',
    reason: '"…win in the first round and in the runoff", "the deposits of one bank and of the other", "according to the first report and according to the later one": the same question asked of two settings or sources, each answered on its own. Repeating the preposition is what marks two settings ("of A and B" may be one).',
    split: (t) => {
      const m = /^(.*\S)\s+(according to|in|on|at|by|for|from|to|with|during|under|of)\s+([^,]+?),?\s+and\s+\2\s+([^,]+)$/i.exec(t);
      return m ? [`${m[1] ?? ''} ${m[2] ?? ''} ${m[3] ?? ''}`, `${m[1] ?? ''} ${m[2] ?? ''} ${m[4] ?? ''}`] : null;
    },
  },
  {
    name: 'each-of-two',
    reason: '"On what dates did A and B each testify?": "each" asks the question of every one of them, and each is answered on its own (A testified on one day, B on another).',
    split: (t) => {
      const m = /^(.*?\b(?:did|do|does|was|were|is|are|has|have|had|will|would)\s+)(.+?)\s+and\s+(.+?)\s+each\s+(?!other\b)(.+)$/i.exec(t);
      return m ? [`${m[1] ?? ''}${m[2] ?? ''} ${m[4] ?? ''}`, `${m[1] ?? ''}${m[3] ?? ''} ${m[4] ?? ''}`] : null;
    },
  },
  {
    name: 'paired-ordinals',
    reason: '"the first and second states of emergency", "the youngest and the oldest of the crew": two ordinals or superlatives on one noun name two things, each with its own answer.',
    split: (t) => {
      const rank = '(?:first|second|third|fourth|fifth|last|final|latest|earliest|youngest|oldest|largest|biggest|smallest|highest|lowest|longest|shortest|deadliest|best|worst)';
      const m = new RegExp(`^(.*?\\b)(${rank})\\s+and\\s+(?:the\\s+)?(${rank})\\s+(.+)$`, 'iu').exec(t);
      if (!m) return null;
      // "states of emergency" after two ordinals is one state each.
      const one = (m[4] ?? '').replace(/^(\p{L}+?)s\b/u, '$1');
      return [`${m[1] ?? ''}${m[2] ?? ''} ${one}`, `${m[1] ?? ''}${m[3] ?? ''} ${one}`];
    },
  },
  {
    name: 'colon-enumeration',
    reason: '"What did the two appeals seek: the one for A and the one for B?": a question about two things, listed after a colon, asks it of each of them.',
    split: (t) => {
      const m = /^([^:]*\b(?:who|whom|whose|what|which|when|where|why|how)\b[^:]*?)\s*:\s*(.+?),?\s+and\s+(.+)$/i.exec(t);
      if (!m || /\band\b/i.test(m[2] ?? '')) return null;
      // Each part asks about one of them: "which two officers" becomes "which officers … the captain".
      const stem = (m[1] ?? '').replace(/\b(?:two|both)\s+/i, '');
      return [`${stem}: ${m[2] ?? ''}`, `${stem}: ${m[3] ?? ''}`];
    },
  },
];

/**
 * Splits a question into the things it asks (see {@link PART_RULES}). "To which court, and in
 * which city, can X take its case?" gives "To which court can X take its case" and "in which
 * city, can X take its case". A question asking one thing comes back whole.
 */
export function splitQuestion(question: string): { parts: string[]; rule: string | undefined } {
  const text = question.trim().replace(/\?+\s*$/, '');
  for (const rule of PART_RULES) {
    const parts = rule.split(text);
    if (parts && parts.length >= 2) return { parts, rule: rule.name };
  }
  return { parts: [question.trim()], rule: undefined };
}

/** The parts of a question (see {@link splitQuestion}). */
export function splitParts(question: string): string[] {
  return splitQuestion(question).parts;
}
