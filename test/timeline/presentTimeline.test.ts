import { describe, expect, it } from 'vitest';
import { presentTimeline } from '../../src/timeline/presentTimeline.js';
import type { TimelineEvent } from '../../src/timeline/TimelineEvent.js';

/** `n` dated events, every tenth told by three articles. */
function long(n: number): TimelineEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(Date.UTC(2001, 0, 1) + i * 20 * 86_400_000).toISOString().slice(0, 10);
    const tellers = i % 10 === 0 ? 3 : 1;
    return {
      date,
      precision: 'day' as const,
      yearless: false,
      kind: 'event' as const,
      text: `Council vote number ${i}.`,
      actors: [],
      sources: Array.from({ length: tellers }, (_, k) => ({ source: `seeds/${String(k).padStart(3, '0')}_${i}.txt`, title: null, publisher: null, date: null, quote: 'q', start: 0, end: 1 })),
    };
  });
}

const lines = (text: string) => text.split('\n').filter((l) => / — Council vote/.test(l));

describe('presentTimeline', () => {
  it('summarises a long timeline to its most-reported events and says how to see all', () => {
    const shown = presentTimeline({ events: long(300) }, { all: false, title: 'Timeline', howToSeeAll: 'Add --all.' });
    expect(shown.text).toMatch(/^The 60 most-reported of 300 events .* Add --all\.\nEvents per period: 2001 \d+/);
    expect(lines(shown.text)).toHaveLength(60);
    // The thirty events told by three articles are all among them.
    for (let i = 0; i < 300; i += 10) expect(shown.text).toContain(`Council vote number ${i}.`);
    expect(shown.png().subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('shows every event when asked, and a short timeline whole', () => {
    expect(lines(presentTimeline({ events: long(300) }, { all: true, title: 'T', howToSeeAll: '' }).text)).toHaveLength(300);
    const short = presentTimeline({ events: long(20) }, { all: false, title: 'T', howToSeeAll: '' }).text;
    expect(lines(short)).toHaveLength(20);
    expect(short).not.toMatch(/most-reported/);
  });
});
