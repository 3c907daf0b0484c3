import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/Passage.js';
import type { RetrievedPassage } from '../../src/retrieval/RetrievedPassage.js';
import { validateCitations } from '../../src/answer/validateCitations.js';

function retrieved(source: string, sentences: string[]): RetrievedPassage {
  let offset = 0;
  const spans = sentences.map((text) => {
    const s = { text, start: offset, end: offset + text.length };
    offset += text.length + 1;
    return s;
  });
  const passage: Passage = {
    id: `${source}#0`,
    source,
    index: 0,
    start: 0,
    end: offset - 1,
    text: sentences.join(' '),
    sentences: spans,
    meta: { title: `Title of ${source}`, publisher: 'Pub', date: '2024-06-18', url: null, author: null },
  };
  return { passage, score: 1, lexical: 1, dense: 0.5 };
}

const context = [
  retrieved('seeds/a.txt', ['The working group will be led by Sonata Coulter.', 'It began operating in November.']),
  retrieved('seeds/b.txt', ['Mirzoyan met Verma on June 17.']),
];

describe('validateCitations', () => {
  it.each<[string, string, 'answered' | 'no-answer', string | null, string[]]>([
    ['valid citations pass through', 'Sonata Coulter leads it [1]. Mirzoyan met Verma on June 17 [2].', 'answered', 'Sonata Coulter leads it [1]. Mirzoyan met Verma on June 17 [2].', ['seeds/a.txt', 'seeds/b.txt']],
    ['a citation to a missing block is dropped', 'Sonata Coulter leads it [1][9].', 'answered', 'Sonata Coulter leads it [1].', ['seeds/a.txt']],
    ['citations are renumbered in order of first use', 'June 17 [2]. Coulter leads it [1].', 'answered', 'June 17 [1]. Coulter leads it [2].', ['seeds/b.txt', 'seeds/a.txt']],
    ['only bad numbers -> no-answer', 'Coulter leads it [7].', 'no-answer', null, []],
    ['no citations at all -> no-answer', 'Sonata Coulter leads the group.', 'no-answer', null, []],
    ['the fixed no-answer sentence -> no-answer', "The articles don't say.", 'no-answer', null, []],
    ['curly apostrophe no-answer sentence -> no-answer', 'The articles don’t say. [1]', 'no-answer', null, []],
    ['a verbatim quote is kept', 'The article says "will be led by Sonata Coulter" [1].', 'answered', 'The article says "will be led by Sonata Coulter" [1].', ['seeds/a.txt']],
    ['a fabricated quote is removed', 'The article says "will be led by Vladimir Putin" [1].', 'answered', 'The article says [1].', ['seeds/a.txt']],
  ])('%s', (_name, reply, kind, text, sources) => {
    const result = validateCitations(reply, context);
    expect(result.kind).toBe(kind);
    if (result.kind === 'answered') {
      expect(result.text).toBe(text);
      expect(result.citations.map((c) => c.source)).toEqual(sources);
      expect(result.citations.map((c) => c.n)).toEqual(sources.map((_, i) => i + 1));
    }
  });

  it('flags the fabricated quote as a problem and quotes a real sentence', () => {
    const result = validateCitations('He said "will be led by Vladimir Putin" [1].', context);
    expect(result.problems.join(' ')).toMatch(/quote not found/);
    if (result.kind !== 'answered') throw new Error('expected answered');
    expect(result.citations[0]?.quote).toBe('The working group will be led by Sonata Coulter.');
  });

  it('cites the sentence holding a verbatim quote', () => {
    const result = validateCitations('It "began operating in November" [1].', context);
    if (result.kind !== 'answered') throw new Error('expected answered');
    expect(result.citations[0]?.quote).toBe('It began operating in November.');
    expect(result.citations[0]?.start).toBe(context[0]?.passage.sentences[1]?.start);
  });
});
