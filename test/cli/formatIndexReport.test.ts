import { describe, expect, it } from 'vitest';
import { formatIndexReport, LISTED_PER_KIND } from '../../src/cli/formatIndexReport.js';
import type { IndexReport } from '../../src/engine/Engine.js';

const report = (over: Partial<IndexReport>): IndexReport => ({ reused: [], added: [], changed: [], removed: [], skipped: [], passages: 0, embedded: 0, seconds: 1.5, ...over });

describe('formatIndexReport', () => {
  it('counts in the singular and the plural', () => {
    expect(formatIndexReport(report({ added: ['seeds/a.txt'], passages: 1, embedded: 1 })).split('\n')[0]).toBe('Index ready: 1 article, 1 passage (1 embedded) in 1.50 s.');
    expect(formatIndexReport(report({ added: ['seeds/a.txt', 'seeds/b.txt'], passages: 7 })).split('\n')[0]).toBe('Index ready: 2 articles, 7 passages (0 embedded) in 1.50 s.');
  });

  it('lists a big build’s files up to a limit per kind, then counts the rest', () => {
    const added = Array.from({ length: 1400 }, (_, i) => `seeds/${String(i).padStart(4, '0')}.txt`);
    const lines = formatIndexReport(report({ added, skipped: [{ source: 'seeds/empty.txt', reason: 'empty file' }] })).split('\n');
    expect(lines.filter((l) => l.startsWith('  + '))).toHaveLength(LISTED_PER_KIND + 1);
    expect(lines).toContain(`  + … and ${1400 - LISTED_PER_KIND} more`);
    expect(lines).toContain('  ! skipped seeds/empty.txt: empty file');
  });

  it('gives the time the person waited when it was measured', () => {
    expect(formatIndexReport(report({ seconds: 2.11 }), { wallSeconds: 8.3 }).split('\n')[0]).toMatch(/in 8\.30 s\.$/);
  });
});
