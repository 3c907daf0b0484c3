import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import { buildTimeline } from '../../src/timeline/buildTimeline.js';
import { escapeXml, renderTimelinePng, renderTimelineSvg, wrapText } from '../../src/timeline/renderTimelinePng.js';
import type { Timeline, TimelineEvent } from '../../src/timeline/TimelineEvent.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which always follows the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function synthetic(n: number): Timeline {
  const events: TimelineEvent[] = Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
    const text = `Event ${i + 1}: delegations met in city number ${i} to discuss trade, energy & security <and> "everything" else that matters to both sides at length.`;
    return {
      date: day,
      kind: 'event',
      precision: 'day',
      yearless: false,
      text,
      actors: ['Azerbaijan', 'United States'],
      sources: [{ source: `seeds/${String(i % 7).padStart(3, '0')}_x.txt`, title: null, publisher: null, date: null, quote: text, start: 0, end: text.length }],
    };
  });
  return { events };
}

describe('renderTimelinePng', () => {
  it('renders the seeds’ timeline as a readable ~800 px PNG', async () => {
    const { articles } = await readCorpus(path.join(ROOT, 'seeds'), { root: ROOT, maxFileBytes: 5_000_000 });
    const timeline = await buildTimeline(articles);
    const png = renderTimelinePng(timeline, { title: 'Timeline' });
    const { width, height } = pngSize(png);
    expect(width).toBe(800);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThan(1600);
    expect(png.length).toBeGreaterThan(20_000); // text was drawn (a blank canvas compresses to a few KB)
    expect(png.length).toBeLessThan(1_000_000);
    // resvg can decode what it wrote back into the same size
    const decoded = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`).render();
    expect([decoded.width, decoded.height]).toEqual([width, height]);
  });

  it.each<[number, number]>([
    [3, 3],
    [60, 60],
    [90, 60],
  ])('grows with %i events (draws %i) and stays within bounds', (n, drawn) => {
    const timeline = synthetic(n);
    const svg = renderTimelineSvg(timeline, { legend: false });
    expect(svg.match(/<circle /g)?.length).toBe(drawn);
    if (n > drawn) expect(svg).toContain(`+${n - drawn} more events not shown`);
    const png = renderTimelinePng(timeline, { width: 800, title: 'Synthetic <timeline> & co' });
    const { width, height } = pngSize(png);
    expect(width).toBe(800);
    expect(height).toBeLessThanOrEqual(8000);
    expect(height).toBeGreaterThan(drawn * 40);
    expect(png.length).toBeLessThan(4_000_000);
  });

  it('keys its markers and names the article behind each source tag', () => {
    const svg = renderTimelineSvg(synthetic(3));
    for (const key of ['a day', 'a month or year', 'a span of days', 'year unknown', 'Sources']) expect(svg).toContain(`>${key}</text>`);
    const tags = [...svg.matchAll(/>\[([^\]]+)\][^<]*<\/text>/g)].map((m) => m[1]);
    expect(tags.length).toBeGreaterThan(0);
  });

  it('says when it shows the most-reported events of a longer timeline', () => {
    expect(renderTimelineSvg(synthetic(3), { total: 500 })).toContain('The 3 most-reported of 500 events');
  });

  it('escapes markup in every text, so hostile titles cannot break the SVG', () => {
    const svg = renderTimelineSvg(synthetic(2), { title: '</text><script>x</script> & "q"' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;/text&#62;&#60;script&#62;');
    expect(escapeXml(`a&b<c>"d"'e\u0001`)).toBe('a&#38;b&#60;c&#62;&#34;d&#34;&#39;e');
  });

  it('says so when there is nothing to draw', () => {
    const png = renderTimelinePng({ events: [] });
    expect(pngSize(png).width).toBe(800);
    expect(renderTimelineSvg({ events: [] })).toContain('No dated events found.');
  });

  it.each<[string, number, number, string[]]>([
    ['short text', 40, 3, ['short text']],
    ['one two three four five six', 10, 3, ['one two', 'three four', 'five six']],
    ['aaa bbb ccc ddd eee fff ggg', 7, 2, ['aaa bbb', 'ccc ddd…']],
  ])('wrapText(%j, %i, %i)', (text, max, lines, expected) => {
    expect(wrapText(text, max, lines)).toEqual(expected);
  });
});
