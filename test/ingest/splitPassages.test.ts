import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Article } from '../../src/ingest/Article.js';
import type { Passage } from '../../src/ingest/Passage.js';
import { cleanArticle } from '../../src/ingest/cleanArticle.js';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import { OVERSIZE_FACTOR, splitPassages } from '../../src/ingest/splitPassages.js';
import { splitSentences } from '../../src/ingest/splitSentences.js';
import { ROOT } from './seedFixtures.js';

let articles: Article[] = [];
beforeAll(async () => {
  ({ articles } = await readCorpus(path.join(ROOT, 'seeds'), { root: ROOT, maxFileBytes: 1_000_000 }));
});

const OPTIONS = [
  { maxChars: 300, overlapSentences: 0 },
  { maxChars: 500, overlapSentences: 1 },
  { maxChars: 800, overlapSentences: 1 },
  { maxChars: 1200, overlapSentences: 2 },
];

const lengthOf = (texts: string[]) => texts.join(' ').length;

describe.each(OPTIONS)('splitPassages invariants on every seed (maxChars $maxChars, overlap $overlapSentences)', (options) => {
  function each(check: (article: Article, passages: Passage[]) => void) {
    expect(articles).toHaveLength(5);
    for (const article of articles) check(article, splitPassages(article, options));
  }

  it('quotes exactly: every sentence is an exact slice of the raw text', () => {
    each((article, passages) => {
      for (const p of passages) {
        for (const s of p.sentences) expect(article.raw.slice(s.start, s.end)).toBe(s.text);
        expect(p.text).toBe(p.sentences.map((s) => s.text).join(' '));
        expect(p.start).toBe(p.sentences[0]?.start);
        expect(p.end).toBe(p.sentences.at(-1)?.end);
      }
    });
  });

  it('stays within maxChars unless a passage is a single longer sentence', () => {
    each((_article, passages) => {
      for (const p of passages) {
        if (p.text.length > options.maxChars) expect(p.sentences).toHaveLength(1);
      }
    });
  });

  it('never splits a sentence and loses none', () => {
    each((article, passages) => {
      const sentences = splitSentences(article.raw, article.body);
      const byStart = new Map(sentences.map((s) => [s.start, s]));
      const covered = new Set<number>();
      for (const p of passages) {
        for (const s of p.sentences) {
          expect(byStart.get(s.start)).toEqual(s);
          covered.add(s.start);
        }
      }
      expect(covered.size).toBe(sentences.length);
    });
  });

  it('contains no boilerplate', () => {
    each((article, passages) => {
      const { removed } = cleanArticle(article.raw);
      for (const p of passages) {
        for (const s of p.sentences) {
          for (const r of removed) expect(s.end <= r.start || s.start >= r.end).toBe(true);
        }
        for (const junk of ['Follow us', 'FansLike', 'LATEST POSTS', 'The author is', '14 July 2024', 'Open Menu', 'Read also', 'Also read']) {
          expect(p.text).not.toContain(junk);
        }
      }
    });
  });

  it('honours the overlap whenever it fits', () => {
    each((_article, passages) => {
      for (let i = 1; i < passages.length; i++) {
        const previous = passages[i - 1]!;
        const current = passages[i]!;
        const previousStarts = new Set(previous.sentences.map((s) => s.start));
        const shared = current.sentences.findIndex((s) => !previousStarts.has(s.start));
        expect(shared).toBeGreaterThanOrEqual(0); // progress: every passage adds a sentence
        expect(shared).toBeLessThanOrEqual(options.overlapSentences);
        const wanted = Math.min(options.overlapSentences, previous.sentences.length);
        const carried = previous.sentences.slice(previous.sentences.length - wanted).map((s) => s.text);
        const firstNew = current.sentences[shared]!.text;
        const startsSection = !/[.!?:;,"”’)]$/.test(firstNew) && !firstNew.startsWith('-') && !firstNew.includes('|');
        if (lengthOf([...carried, firstNew]) <= options.maxChars && !startsSection) expect(shared).toBe(wanted);
      }
    });
  });

  it('numbers passages and copies the metadata', () => {
    each((article, passages) => {
      expect(passages.length).toBeGreaterThan(0);
      passages.forEach((p, i) => {
        expect(p.id).toBe(`${article.source}#${i}`);
        expect(p.index).toBe(i);
        expect(p.source).toBe(article.source);
        expect(p.meta).toEqual(article.meta);
      });
    });
  });
});

describe('splitPassages edge cases', () => {
  function article(raw: string): Article {
    const meta = { title: null, publisher: null, date: null, url: null, author: null };
    return { source: 'x.txt', sha256: '0', raw, meta, body: cleanArticle(raw).body };
  }

  it('gives a long sentence its own passage without cutting it', () => {
    const long = `The delegation ${'discussed trade and security '.repeat(12)}at length.`;
    const raw = `Short opening sentence of the story is here. ${long} Short closing sentence of the story is here.`;
    const passages = splitPassages(article(raw), { maxChars: 250, overlapSentences: 0 });
    expect(passages.map((p) => p.text)).toEqual([
      'Short opening sentence of the story is here.',
      long,
      'Short closing sentence of the story is here.',
    ]);
  });

  it(`cuts a sentence over ${OVERSIZE_FACTOR}x maxChars at word boundaries`, () => {
    const blob = `Word ${'alpha beta gamma delta '.repeat(40)}end.`;
    const raw = article(blob);
    const passages = splitPassages(raw, { maxChars: 200, overlapSentences: 0 });
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(200);
      expect(raw.raw.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).toMatch(/^\S.*\S$/);
    }
    expect(passages.map((p) => p.text).join(' ')).toBe(blob);
  });

  it('starts a new passage at a subheading rather than ending on one', () => {
    const para = (n: number) => `Paragraph ${n} is a complete sentence about the talks in Baku and Washington.`;
    const raw = `${para(1)} ${para(2)}\n${para(3)}\nBackground\n${para(4)} ${para(5)}`;
    const passages = splitPassages(article(raw), { maxChars: 200, overlapSentences: 1 });
    for (const p of passages) expect(p.sentences.at(-1)?.text).not.toBe('Background');
    expect(passages.some((p) => p.sentences[0]?.text === 'Background')).toBe(true);
  });

  it('returns no passages for an article without body', () => {
    expect(splitPassages(article(''), { maxChars: 500, overlapSentences: 1 })).toEqual([]);
  });
});

describe('splitSentences on tricky text', () => {
  it.each<[string, string[]]>([
    ['U.S. Deputy Secretary of State Allison Hooker met Jeyhun Bayramov. They talked.', ['U.S. Deputy Secretary of State Allison Hooker met Jeyhun Bayramov.', 'They talked.']],
    ['Mr. Kim said storage was at 92.5 percent. Prices fell by 3.2%.', ['Mr. Kim said storage was at 92.5 percent.', 'Prices fell by 3.2%.']],
    ['The talks, highlighted by Apa.az, focused on cooperation. They ended.', ['The talks, highlighted by Apa.az, focused on cooperation.', 'They ended.']],
    ['U.S.–Armenia cooperation grew. Trade rose.', ['U.S.–Armenia cooperation grew.', 'Trade rose.']],
    ['"We will continue," Mirzoyan stated. "Thus, we are moving."', ['"We will continue," Mirzoyan stated.', '"Thus, we are moving."']],
    ['“It was not considered “warm.” At the time, Baku objected.', ['“It was not considered “warm.”', 'At the time, Baku objected.']],
    ['Key points included:\n- Strengthening frameworks\n- Promoting peace', ['Key points included:', '- Strengthening frameworks', '- Promoting peace']],
    ['Area | Action |\n---|---|\nCyber | Joint building |', ['Area | Action |', 'Cyber | Joint building |']],
    ['A wrapped sentence that\r\ncontinues here. Next one.', ['A wrapped sentence that\r\ncontinues here.', 'Next one.']],
    ['The party fell to third place.The leader waved.', ['The party fell to third place.', 'The leader waved.']],
    ['Crowds gathered outside. (Photo: Wire)According to officials, it rained.', ['Crowds gathered outside.', '(Photo: Wire)', 'According to officials, it rained.']],
    ['Others took 4.6%The results show a shift.', ['Others took 4.6%', 'The results show a shift.']],
    ['He said “no.”Then he left.', ['He said “no.”', 'Then he left.']],
    ['The fleet is larger than the mayor’s.Also read the harbour report.', ['The fleet is larger than the mayor’s.', 'Also read the harbour report.']],
    ["It beat last year's.Next came the vote.", ["It beat last year's.", 'Next came the vote.']],
    ['Also Read | Harbour results live: the party takes second placeThe harbour has 60 berths.', ['Also Read | Harbour results live: the party takes second place', 'The harbour has 60 berths.']],
    ['TheThe band played. Then the show ended.', ['TheThe band played.', 'Then the show ended.']],
    ['Gov.Newsom signed it. The U.S.Army agreed.', ['Gov.Newsom signed it.', 'The U.S.Army agreed.']],
    ['Caliber.Az reports that talks resumed. Trend.Az agreed.', ['Caliber.Az reports that talks resumed.', 'Trend.Az agreed.']],
    ['The harbour reopened.Azerbaijan sent ships.', ['The harbour reopened.', 'Azerbaijan sent ships.']],
  ])('%j', (raw, expected) => {
    const sentences = splitSentences(raw, [{ start: 0, end: raw.length }]);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(raw.slice(s.start, s.end)).toBe(s.text);
  });

  it('never lets a sentence cross a span', () => {
    const raw = 'First part of a sentence\nsecond part of it.';
    const sentences = splitSentences(raw, [
      { start: 0, end: 24 },
      { start: 25, end: raw.length },
    ]);
    expect(sentences.map((s) => s.text)).toEqual(['First part of a sentence', 'second part of it.']);
  });
});
