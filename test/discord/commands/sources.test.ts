import { describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../../src/engine/Engine.js';
import { formatSources } from '../../../src/discord/commands/sources.js';

const source = (over: Partial<SourceInfo>): SourceInfo => ({ source: 'seeds/a.txt', title: 'Talks resume', publisher: 'Wire', date: '2031-05-03', url: null, passages: 2, ...over });

describe('formatSources', () => {
  it('lists each article by title, publisher, date and passages', () => {
    expect(formatSources([source({})]).split('\n')).toContain('1. **Talks resume** — Wire, 2031-05-03 · 2 passages');
  });

  it('names an untitled article as untitled, with its file as its path', () => {
    expect(formatSources([source({ title: null, publisher: null, date: null, passages: 1 })]).split('\n')).toContain('1. **(no title found)** seeds/a.txt — unknown publisher, undated · 1 passage');
  });

  it('escapes markdown in titles taken from articles', () => {
    expect(formatSources([source({ title: '**Bold** @everyone' })])).not.toContain('**Bold**');
  });

  it('says where articles go when there are none', () => {
    expect(formatSources([])).toMatch(/seeds folder/);
  });
});
