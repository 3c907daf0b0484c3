import { describe, expect, it } from 'vitest';
import { wordForms } from '../../src/answer/wordForms.js';

describe('wordForms', () => {
  it('keeps a name with letters beyond Latin-1 as one word, as written, with a folded norm', () => {
    const forms = wordForms('Erdoğan met Kılıçdaroğlu in Łódź.');
    expect(forms.map((f) => f.text)).toEqual(['Erdoğan', 'met', 'Kılıçdaroğlu', 'in', 'Łódź']);
    expect(forms.map((f) => f.norm)).toEqual(['erdogan', 'met', 'kilicdaroglu', 'in', 'lodz']);
  });

  it('marks the word a possessive follows', () => {
    const forms = wordForms("The Coast Guard's district and the mayor’s office");
    expect(forms.filter((f) => f.possessive).map((f) => f.text)).toEqual(['Guard', 'mayor']);
  });

  it('marks a word joined by a hyphen to the word before, not one after a spaced dash', () => {
    const forms = wordForms('The stand-in chief met the ferry-boat crew - in Dover.');
    expect(forms.filter((f) => f.afterHyphen).map((f) => f.text)).toEqual(['in', 'boat']);
  });
});
