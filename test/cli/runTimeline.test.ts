import { describe, expect, it } from 'vitest';
import { parseTimelineArgs } from '../../src/cli/runTimeline.js';
import { DossierError } from '../../src/errors.js';

describe('parseTimelineArgs', () => {
  it.each([
    [[], undefined],
    [['--topic', 'Aliyev visit'], 'Aliyev visit'],
    [['--topic', 'Aliyev', 'visit'], 'Aliyev visit'],
    [['Aliyev', 'visit'], 'Aliyev visit'],
    [['Aliyev', '--from', '2025', 'visit'], 'Aliyev visit'],
    [['--topic', '  working   group '], 'working group'],
    [['--topic', ''], undefined],
  ])('%j → topic %j', (argv, topic) => {
    expect(parseTimelineArgs(argv).options.topic).toBe(topic);
  });

  it('keeps the other options', () => {
    const parsed = parseTimelineArgs(['peace', 'deal', '--from', '2025-08', '--to', '2025-12', '--source', 'seeds/001.txt', '--json', '--png', 'out.png']);
    expect(parsed.options).toMatchObject({ topic: 'peace deal', from: '2025-08', to: '2025-12' });
    expect(parsed.json).toBe(true);
    expect(parsed.png).toBe('out.png');
  });

  it.each([
    [['--bogus'], /^Unknown option '--bogus'\.\nUsage: timeline/],
    [['--from'], /--from[\s\S]*argument missing[\s\S]*\nUsage: timeline/],
    [['--json=yes'], /--json[\s\S]*\nUsage: timeline/],
  ])('%j is a usage error, not a crash', (argv, message) => {
    let caught: unknown;
    try {
      parseTimelineArgs(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DossierError);
    expect((caught as DossierError).code).toBe('USAGE');
    expect((caught as DossierError).message).toMatch(message);
  });
});
