import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/Answer.js';
import {
  DISCORD_LIMITS,
  answerReplies,
  buildSourceEmbeds,
  chunkEmbeds,
  embedLength,
  splitMessage,
  truncateAtWord,
} from '../../src/discord/replies.js';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');
const sentence = (n: number) => `Lorem ${words(n - 2, 'lorem')} end.`;

/** Every chunk ends and starts on a whole word of the original text. */
function wordsIntact(original: string, chunks: string[]): boolean {
  const originalWords = original.split(/\s+/).filter(Boolean);
  const chunkWords = chunks.flatMap((c) => c.split(/\s+/).filter(Boolean));
  return JSON.stringify(originalWords) === JSON.stringify(chunkWords);
}

describe('splitMessage', () => {
  it.each([
    ['short text stays whole', 'Hello there.', 2000, ['Hello there.']],
    ['empty text gives no messages', '   \n ', 2000, []],
    ['splits on the paragraph break first', 'First para.\n\nSecond para.', 15, ['First para.', 'Second para.']],
    ['then on line breaks', 'line one\nline two\nline three', 18, ['line one\nline two', 'line three']],
    ['then on sentence ends', 'One two three. Four five six. Seven.', 30, ['One two three. Four five six.', 'Seven.']],
    ['then between words', 'alpha beta gamma delta', 11, ['alpha beta', 'gamma delta']],
    ['hard-cuts only a word longer than the limit', 'a verylongwordhere b', 8, ['a', 'verylong', 'wordhere', 'b']],
    ['keeps a Q&A paragraph pair together when it fits', 'Q\n\nA\n\nB', 4, ['Q\n\nA', 'B']],
  ])('%s', (_name, text, max, expected) => {
    expect(splitMessage(text, max)).toEqual(expected);
  });

  it.each([
    ['many paragraphs', Array.from({ length: 30 }, (_, i) => `Paragraph ${i}. ${sentence(40)}`).join('\n\n')],
    ['one huge paragraph of sentences', Array.from({ length: 80 }, () => sentence(15)).join(' ')],
    ['one sentence without punctuation', words(900)],
    ['mixed lines and paragraphs', Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? `\n${sentence(30)}` : sentence(12))).join('\n')],
  ])('%s: every chunk ≤ 2000 chars, no word cut, nothing lost', (_name, text) => {
    const chunks = splitMessage(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
      expect(c).toBe(c.trim());
    }
    expect(wordsIntact(text, chunks)).toBe(true);
  });

  it('prefers sentence ends over word boundaries inside a long paragraph', () => {
    const text = Array.from({ length: 60 }, () => sentence(10)).join(' ');
    for (const c of splitMessage(text, 500)) expect(c.endsWith('end.')).toBe(true);
  });
});

describe('truncateAtWord', () => {
  it.each([
    ['fits: unchanged', 'short quote', 50, 'short quote'],
    ['cuts at the last space, adds an ellipsis', 'the quick brown fox jumps', 16, 'the quick brown…'],
    ['drops trailing punctuation before the ellipsis', 'Armenia, Azerbaijan, and the US', 20, 'Armenia, Azerbaijan…'],
    ['cuts a single long word when there is no space', 'abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghi…'],
  ])('%s', (_name, text, max, expected) => {
    const out = truncateAtWord(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});

const citation = (n: number, over: Partial<Citation> = {}): Citation => ({
  n,
  source: `seeds/00${n}_article.txt`,
  title: `Article ${n}`,
  publisher: 'Reuters',
  date: '2025-08-08',
  quote: 'Armenia and Azerbaijan initialled the peace agreement at the White House.',
  start: 0,
  end: 70,
  passageId: `seeds/00${n}_article.txt#0`,
  ...over,
});

describe('buildSourceEmbeds and chunkEmbeds', () => {
  it.each([
    ['a normal citation', [citation(1)]],
    ['a 10 000-char quote', [citation(1, { quote: words(2000, 'quote') })]],
    ['a 1000-char title', [citation(1, { title: words(200, 'title') })]],
    ['a 5000-char publisher', [citation(1, { publisher: words(1000, 'pub') })]],
    ['no title, publisher or date', [citation(1, { title: null, publisher: null, date: null })]],
    ['20 citations with long quotes', Array.from({ length: 20 }, (_, i) => citation(i + 1, { quote: words(900, 'text') }))],
    ['markdown and mention characters in the quote', [citation(1, { quote: `**bold** _it_ @everyone <@123> ${words(800, 'x*y')}` })]],
  ])('%s: each embed and each message within Discord limits', (_name, citations) => {
    const embeds = buildSourceEmbeds(citations);
    expect(embeds).toHaveLength(citations.length);
    for (const e of embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
      for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldValue);
    }
    const groups = chunkEmbeds(embeds);
    expect(groups.flat()).toHaveLength(embeds.length);
    for (const g of groups) {
      expect(g.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
      expect(g.reduce((s, e) => s + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedCharsPerMessage);
    }
  });

  it('shows title, quote, publisher and date, truncating a long quote with … at a word', () => {
    const [e] = buildSourceEmbeds([citation(3, { quote: `${words(300, 'alpha')} omega` })]);
    expect(e?.title).toBe('[3] Article 3');
    expect(e?.description).toMatch(/^> alpha alpha.*alpha…$/);
    expect(e?.footer?.text).toBe('Reuters · 2025-08-08 · seeds/003_article.txt');
  });

  it('says so when title, publisher or date are unknown instead of inventing them', () => {
    const [e] = buildSourceEmbeds([citation(1, { publisher: null, date: null, title: null })]);
    expect(e?.title).toBe('[1] (no title found)');
    expect(e?.footer?.text).toBe('Unknown publisher · undated · seeds/001_article.txt');
  });
});

describe('answerReplies', () => {
  const answer = (over: Partial<Answer> = {}): Answer =>
    ({ kind: 'answered', question: 'Who leads the working group?', text: 'Rubio leads it [1].', citations: [citation(1)], mode: 'extractive', ...over }) as Answer;

  it('echoes the question, gives the cited answer and puts sources and buttons on the last message', () => {
    const replies = answerReplies(answer(), { components: [] });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.content).toBe('> **Q:** Who leads the working group?\n\nRubio leads it [1].');
    expect(replies[0]?.embeds).toHaveLength(1);
  });

  it('splits a very long answer into several messages within limits, sources last', () => {
    const replies = answerReplies(answer({ text: Array.from({ length: 200 }, () => sentence(12)).join(' '), citations: Array.from({ length: 12 }, (_, i) => citation(i + 1)) }));
    expect(replies.length).toBeGreaterThan(2);
    for (const r of replies) expect(r.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(replies.flatMap((r) => r.embeds ?? [])).toHaveLength(12);
    expect(replies[0]?.embeds).toBeUndefined();
  });

  it('labels the closest passages of a no-answer so they are not read as support', () => {
    const [r] = answerReplies(answer({ kind: 'no-answer', text: 'The articles do not say.' }));
    expect(r?.content).toContain('Closest passages (they do not answer the question)');
  });

  it('shows a model’s masked link as its URL, and breaks its mentions and markdown, in the answer and the quotes', () => {
    const [r] = answerReplies(
      answer({
        question: 'Who leads it? @everyone',
        text: 'Rubio leads it [1]. [click here](https://evil.example/phish) @here # Heading',
        citations: [citation(1, { quote: 'Read [more](https://evil.example/q) <@123456789012345678>' })],
      }),
    );
    const shown = `${r?.content ?? ''}\n${(r?.embeds ?? []).map((e) => e.description).join('\n')}`;
    expect(shown).not.toMatch(/\]\(https?:/);
    expect(shown).toContain('click here (<https://evil.example/phish>)');
    expect(shown).toContain('more (<https://evil.example/q>)');
    for (const mention of ['@everyone', '@here', '<@123456789012345678>']) expect(shown).not.toContain(mention);
    expect(shown).toContain('Rubio leads it [1].');
  });

  it('shows a degraded-mode notice', () => {
    const [r] = answerReplies(answer({ notice: 'The language model failed; showing the offline answer.' }));
    expect(r?.content).toContain('-# The language model failed; showing the offline answer.');
  });
});
