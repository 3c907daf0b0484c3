import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/add/extractArticle.js';

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const PARAGRAPHS = [
  'The lighthouse board met on Friday and agreed to keep the northern light running through the winter season.',
  'Its chair, Tobin Ashgrove, said the board had found the money by postponing the repainting of the tower until spring.',
  'Fishing crews had asked the board to keep the light on after two boats ran aground on the reef last November.',
];

describe('extractArticle', () => {
  it('keeps the article of a realistic news page and none of its furniture, with the page\'s own metadata', async () => {
    const html = await readFile(path.resolve(import.meta.dirname, '../fixtures/add/newsPage.html'), 'utf8');
    const article = extractArticle(html, 'http://127.0.0.1:8000/news/1');
    expect(article).toMatchObject({
      title: 'Harbour council approves new ferry link',
      publisher: 'The Coastal Ledger',
      date: '2031-05-03',
      author: 'Mira Testwell',
      url: 'https://ledger.example/news/harbour-ferry-link?utm_source=feed',
    });
    const text = article?.text ?? '';
    expect(text.split('\n')[0]).toBe('Harbour council approves new ferry link');
    expect(text).toMatch(/voted on Tuesday to fund a ferry link/);
    expect(text).toMatch(/\n\nThe vote passed by nine votes to four\./);
    expect(text).toMatch(/Linnea Crabbe, said the crew had been hired/);
    for (const furniture of ['Home', 'Weather', 'cookies', 'Read also', 'Sea wall repairs delayed', 'Varrow school', 'tracking pixel', 'loadComments', 'Photo: Ledger staff', 'All rights reserved', 'Contact', 'By Mira Testwell']) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it('drops a "Read also" list by the cleaning rules, whatever the page calls it', async () => {
    const html = (await readFile(path.resolve(import.meta.dirname, '../fixtures/add/newsPage.html'), 'utf8')).replace('<ul class="related">', '<ul>');
    const text = extractArticle(html)?.text ?? '';
    expect(text).toMatch(/Linnea Crabbe/);
    for (const teaser of ['Read also', 'Sea wall repairs delayed', 'Varrow school']) expect(text).not.toContain(teaser);
  });

  it('does not take a canonical link to the site\'s front page for the article\'s address', () => {
    const html = page(`<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`, '<link rel="canonical" href="https://reef.example/">');
    expect(extractArticle(html, 'https://reef.example/2031/light-stays-on')?.url).toBe('https://reef.example/2031/light-stays-on');
  });

  it('reads title, site, date and author from JSON-LD when there are no meta tags', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Light stays on', datePublished: '2031-11-02T10:00:00Z', publisher: { '@type': 'Organization', name: 'Reef Weekly' }, author: [{ '@type': 'Person', name: 'Ada Quill' }] };
    const html = page(`<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`, `<script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(extractArticle(html)).toMatchObject({ title: 'Light stays on', publisher: 'Reef Weekly', date: '2031-11-02', author: 'Ada Quill', url: null });
  });

  it('gives null for a page without article text', () => {
    expect(extractArticle(page('<nav><a href="/">Home</a></nav>'))).toBeNull();
  });

  it('ignores a date it cannot read as a day and an author given as a profile link', () => {
    const head = '<meta property="article:published_time" content="last Tuesday"><meta name="author" content="https://social.example/ada">';
    const article = extractArticle(page(`<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`, head));
    expect(article?.date).toBeNull();
    expect(article?.author).toBeNull();
  });
});
