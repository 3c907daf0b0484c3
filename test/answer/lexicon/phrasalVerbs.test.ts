import { describe, expect, it } from 'vitest';
import { PHRASAL_VERBS, phrasalVerbAt } from '../../../src/answer/lexicon/phrasalVerbs.js';
import { wordForms } from '../../../src/answer/wordForms.js';

describe('phrasalVerbAt', () => {
  it.each<[string, string, string | undefined]>([
    ['Who took over the ferry company?', 'took', 'take-over'],
    ['When did Jane Roe step down?', 'step', 'step-down'],
    ['Why did Acme back out of the deal?', 'back', 'back-out'],
    ['The fire broke out at dawn.', 'broke', 'break-out'],
    // Without its particle, or with another, the verb is itself.
    ['Who took the ferry to Eastport?', 'took', undefined],
    ['Who stepped into the role?', 'stepped', undefined],
    ['Acme backed the deal.', 'backed', undefined],
  ])('%s: %s -> %s', (text, word, name) => {
    const forms = wordForms(text);
    expect(phrasalVerbAt(forms, forms.findIndex((f) => f.text === word))?.name).toBe(name);
  });

  it('gives every entry a name, its verb among its spellings, and words articles use instead', () => {
    for (const p of PHRASAL_VERBS) {
      expect(p.name).toMatch(/^[a-z]+-[a-z]+$/);
      expect(p.forms).toContain(p.verb);
      expect(p.related.length).toBeGreaterThan(2);
    }
  });
});
