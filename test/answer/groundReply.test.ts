import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/Passage.js';
import type { RetrievedPassage } from '../../src/retrieval/RetrievedPassage.js';
import { GROUNDING_RULES, groundReply, replySentences } from '../../src/answer/groundReply.js';

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

describe('groundReply', () => {
  it.each<[string, string, 'answered' | 'declined' | 'unsupported', string | null, string[]]>([
    ['supported sentences pass through', 'Sonata Coulter leads the working group [1]. Mirzoyan met Verma on June 17 [2].', 'answered', 'Sonata Coulter leads the working group [1]. Mirzoyan met Verma on June 17 [2].', ['seeds/a.txt', 'seeds/b.txt']],
    ['a citation to a missing block is dropped', 'Sonata Coulter leads the working group [1][9].', 'answered', 'Sonata Coulter leads the working group [1].', ['seeds/a.txt']],
    ['an invented sentence with a dangling citation goes', 'Sonata Coulter leads the working group [1][9]. She was appointed by Marco Rubio [7].', 'answered', 'Sonata Coulter leads the working group [1].', ['seeds/a.txt']],
    ['an uncited sentence goes', 'Sonata Coulter leads the working group [1]. Marco Rubio appointed her last year.', 'answered', 'Sonata Coulter leads the working group [1].', ['seeds/a.txt']],
    ['a sentence citing a block that does not support it goes', 'Sonata Coulter leads the working group [1]. Verma chairs the peace commission in Geneva [2].', 'answered', 'Sonata Coulter leads the working group [1].', ['seeds/a.txt']],
    ['a sentence with a link the passages do not hold goes', 'Sonata Coulter leads the [working group](https://evil.example/phish) [1]. Mirzoyan met Verma on June 17 [2].', 'answered', 'Mirzoyan met Verma on June 17 [1].', ['seeds/b.txt']],
    ['a wrong figure goes', 'Mirzoyan met Verma on June 19 [2].', 'unsupported', null, []],
    ['markers after the full stop, and "[1, 2]", are read', 'Coulter leads the working group. [1] Mirzoyan met Verma on June 17 [1, 2].', 'answered', 'Coulter leads the working group [1]. Mirzoyan met Verma on June 17 [1][2].', ['seeds/a.txt', 'seeds/b.txt']],
    ['citations are renumbered in order of first use', 'Mirzoyan met Verma on June 17 [2]. Coulter leads the working group [1].', 'answered', 'Mirzoyan met Verma on June 17 [1]. Coulter leads the working group [2].', ['seeds/b.txt', 'seeds/a.txt']],
    ['only bad numbers -> unsupported', 'Coulter leads the working group [7].', 'unsupported', null, []],
    ['no citations at all -> unsupported', 'Sonata Coulter leads the group.', 'unsupported', null, []],
    ['a bare marker is never an answer', '[1].', 'unsupported', null, []],
    ['the fixed no-answer sentence -> declined', "The articles don't say.", 'declined', null, []],
    ['curly apostrophe no-answer sentence -> declined', 'The articles don’t say. [1]', 'declined', null, []],
    ['a verbatim quote is kept', 'The article says "will be led by Sonata Coulter" [1].', 'answered', 'The article says "will be led by Sonata Coulter" [1].', ['seeds/a.txt']],
    ['an invented quote takes its sentence with it', 'The article says "will be led by Vladimir Putin" [1].', 'unsupported', null, []],
    ['a paraphrased quote becomes the sentence it paraphrases', 'It says "the working group is led by Sonata Coulter" [1].', 'answered', 'It says “The working group will be led by Sonata Coulter.” [1].', ['seeds/a.txt']],
  ])('%s', (_name, reply, kind, text, sources) => {
    const result = groundReply(reply, context);
    expect(result.kind).toBe(kind);
    if (result.kind === 'answered') {
      expect(result.text).toBe(text);
      expect(result.citations.map((c) => c.source)).toEqual(sources);
      expect(result.citations.map((c) => c.n)).toEqual(sources.map((_, i) => i + 1));
    }
  });

  it('says what was wrong with each sentence it left out', () => {
    const result = groundReply('Sonata Coulter leads the working group [1][9]. She was appointed by Marco Rubio [7]. "will be led by Vladimir Putin" [1].', context);
    expect(result.problems).toEqual([
      'citation [9] points to no passage',
      'citation [7] points to no passage',
      'left out (cites-nothing): "She was appointed by Marco Rubio."',
      'an invented quote was left out: "will be led by Vladimir Putin"',
    ]);
  });

  it('quotes the passage sentence that supports the claim, not the passage’s first', () => {
    const result = groundReply('The group began operating in November [1].', context);
    if (result.kind !== 'answered') throw new Error('expected answered');
    expect(result.citations[0]?.quote).toBe('It began operating in November.');
    expect(result.citations[0]?.start).toBe(context[0]?.passage.sentences[1]?.start);
  });

  it('cites the sentence holding a verbatim quote', () => {
    const result = groundReply('It "began operating in November" [1].', context);
    if (result.kind !== 'answered') throw new Error('expected answered');
    expect(result.citations[0]?.quote).toBe('It began operating in November.');
  });

  it.each<[string, string[]]>([
    ['One [1]. Two [2].', ['One [1].', 'Two [2].']],
    ['One. [1] Two.', ['One. [1]', 'Two.']],
    ['Rear Adm. John Mauger spoke [1]. Then U.S. officials left [2].', ['Rear Adm. John Mauger spoke [1].', 'Then U.S. officials left [2].']],
    ['- First point [1]\n- Second point [2]', ['First point [1]', 'Second point [2]']],
  ])('splits %j into its sentences', (reply, sentences) => {
    expect(replySentences(reply)).toEqual(sentences);
  });

  it('gives every rule a name and a reason', () => {
    for (const r of GROUNDING_RULES) {
      expect(r.name).toMatch(/^[a-z-]+$/);
      expect(r.reason.length).toBeGreaterThan(30);
    }
  });
});
