import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/add/normalizeUrl.js';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://News.Example/story/', 'https://news.example/story'],
    ['https://news.example:443/story#comments', 'https://news.example/story'],
    ['https://news.example/story?utm_source=feed&utm_medium=rss&fbclid=x', 'https://news.example/story'],
    ['https://news.example/story?b=2&a=1', 'https://news.example/story?a=1&b=2'],
    ['https://news.example/', 'https://news.example/'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});
