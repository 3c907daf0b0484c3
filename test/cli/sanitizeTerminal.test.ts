import { describe, expect, it } from 'vitest';
import { sanitizeTerminal } from '../../src/cli/sanitizeTerminal.js';

describe('sanitizeTerminal', () => {
  it.each([
    ['a colour escape', 'red \u001b[31malert\u001b[0m text', 'red alert text'],
    ['a window-title escape', 'x\u001b]0;owned\u0007y', 'xy'],
    ['a cursor move', 'a\u001b[2Jb', 'ab'],
    ['a bare C1 control', 'a\u009bb', 'ab'],
    ['a backspace and bell', 'ab\u0008\u0007c', 'abc'],
  ])('drops %s', (_name, input, expected) => {
    expect(sanitizeTerminal(input)).toBe(expected);
  });

  it('keeps newlines, tabs and non-Latin text', () => {
    expect(sanitizeTerminal('İstanbul\tKöln\n— “quoted” 東京')).toBe('İstanbul\tKöln\n— “quoted” 東京');
  });
});
