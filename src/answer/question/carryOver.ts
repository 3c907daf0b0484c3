import type { Turn } from '../Answer.js';
import { isElliptical } from '../contextualizeQuery.js';
import { sentenceNames } from '../sentenceEntities.js';
import { wordForms } from '../wordForms.js';
import type { QuestionAnalysis, QuestionTerm } from './QuestionAnalysis.js';

/**
 * A follow-up ("when was that?", "who appointed her?") leans on the previous turn: its question's
 * words become context for every part, and its names (and the people its answer named) become the
 * subject of parts that name none of their own. A self-contained question is left as it is.
 * @param previous - the analysis of the previous turn's question.
 */
export function carryOver(analysis: QuestionAnalysis, previous: QuestionAnalysis, last: Turn): QuestionAnalysis {
  if (!isElliptical(analysis.focus)) return analysis;
  const answerPeople = sentenceNames(last.answer.replace(/\[\d+\]/g, ' ').slice(0, 400)).people.slice(0, 3);
  const named: QuestionTerm[] = answerPeople.flatMap((p) => wordForms(p).map((f) => ({ ...f, role: 'subject' as const, related: new Set<string>(), broader: new Set<string>() })));
  const previousSubject = previous.parts.flatMap((p) => p.subject);
  const previousWords = previous.parts.flatMap((p) => [...p.relation, ...p.head]).map((t) => ({ ...t, role: 'context' as const }));
  return {
    ...analysis,
    parts: analysis.parts.map((part) => {
      const own = new Set(part.relation.map((t) => t.stem));
      const subject = part.subject.length > 0 ? part.subject : uniqueByStem([...previousSubject, ...named]);
      const names = part.subject.length > 0 ? part.names : [...previous.parts.flatMap((p) => p.names), ...answerPeople];
      return { ...part, subject, names, relation: [...part.relation, ...uniqueByStem(previousWords.filter((t) => !own.has(t.stem)))] };
    }),
  };
}

function uniqueByStem(terms: QuestionTerm[]): QuestionTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(t.stem) && seen.add(t.stem));
}
