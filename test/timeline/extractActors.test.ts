import { describe, expect, it } from 'vitest';
import { extractActors } from '../../src/timeline/extractActors.js';

describe('extractActors', () => {
  it.each<[string, string[], string[]]>([
    [
      'The presidential Assistant of Azerbaijan and Head of the Foreign Policy Affairs Department of Presidential Administration, Hikmat Hajiyev, holds talks with Secretary of State for Political Affairs John Bass.',
      ['Azerbaijan', 'Hikmat Hajiyev', 'John Bass'],
      // A title compromise folds into a name is not part of it.
      ['Affairs John Bass'],
    ],
    [
      "Azerbaijan's President Ilham Aliyev paid a significant visit to the United States on August 7-8, 2025.",
      ['Ilham Aliyev', 'United States'],
      ['Aliyev', "Azerbaijan's"],
    ],
    [
      'Armenian Foreign Minister Ararat Mirzoyan met with US Deputy Secretary of State for Management and Resources Richard Verma on June 17.',
      ['Ararat Mirzoyan', 'Richard Verma'],
      ['Resources Richard Verma'],
    ],
  ])('%s', (text, present, absent) => {
    const actors = extractActors(text);
    expect(actors).toEqual(expect.arrayContaining(present));
    for (const a of absent) expect(actors).not.toContain(a);
    // In order of first appearance, each once.
    expect(new Set(actors.map((a) => a.toLowerCase())).size).toBe(actors.length);
    expect([...actors].sort((a, b) => text.indexOf(a) - text.indexOf(b))).toEqual(actors);
  });
});
