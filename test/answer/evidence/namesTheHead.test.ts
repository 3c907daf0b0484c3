import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/answer/evidence/extractCandidates.js';
import { namesTheHead } from '../../../src/answer/evidence/namesTheHead.js';
import { tokenize } from '../../../src/answer/evidence/tokenize.js';
import type { AnswerType } from '../../../src/answer/question/QuestionAnalysis.js';

/** Whether the sentence gives a name (of the type) to the word `head`. */
function names(text: string, head: string, type: AnswerType): boolean {
  const tokens = tokenize(text);
  const heads = tokens.filter((t) => t.text === head);
  return namesTheHead(text, tokens, heads, extractCandidates(text, tokens, type));
}

describe('namesTheHead', () => {
  it.each<[string, string, string, AnswerType, boolean]>([
    ['a name set off after the noun', 'Among the mourners was his widow, Jane Roe, who spoke briefly.', 'widow', 'person', true],
    ['a name right after the noun', 'The harbour ferry Sea Lark was damaged in the storm.', 'ferry', 'named', true],
    ['a name after a comma and "the"', 'The ship struck a small ferry, the Sea Lark, near the pier.', 'ferry', 'named', true],
    ['a name after an of-phrase', 'The captain of the Sea Lark, Jane Roe, was praised.', 'captain', 'person', true],
    ['a name that holds the noun', 'Operation Sea Shield began on Monday.', 'Operation', 'named', true],
    ['a verb of naming', 'Rescuers pulled out a baby girl named Aya Roe on Monday.', 'girl', 'person', true],
    ['a name set off before the noun, the rest of the name included', 'The Harbour 1000, the largest crane in the port, lifted the span.', 'crane', 'named', true],
    ['a name modifying the noun', 'The families of the Sea Lions football team waited at the entrance.', 'team', 'named', true],
    // The noun beside another name, an owner, and a verb between.
    ['the noun beside another name', "Among the guests were Roe's widow and the army doctor Pak Lee.", 'widow', 'person', false],
    ['the noun as an owner', "The baby's mother, Aya Roe, gave birth under the rubble.", 'baby', 'person', false],
    ['a verb between name and noun', 'Rescue chief Jane Roe confirms four boys have been brought out.', 'boys', 'person', false],
  ])('%s', (_name, text, head, type, expected) => {
    expect(names(text, head, type)).toBe(expected);
  });
});
