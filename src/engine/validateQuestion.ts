import { DossierError } from '../errors.js';

/**
 * Normalises a question and rejects what cannot be answered meaningfully.
 * Control characters are stripped because they come from pasted terminal/Discord input and only
 * confuse tokenisers; the length limit protects latency and any downstream model's context.
 */
export function validateQuestion(question: string, maxChars: number): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = question.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned.length === 0) {
    throw new DossierError('QUESTION_EMPTY', 'Please ask a question, e.g. "Who leads the US–Armenia working group?"');
  }
  if (cleaned.length > maxChars) {
    throw new DossierError(
      'QUESTION_TOO_LONG',
      `That question is ${cleaned.length} characters long; the limit is ${maxChars} (MAX_QUESTION_CHARS). Please shorten it.`,
    );
  }
  return cleaned;
}
