/** The kind of answer a question expects; drives sentence selection and the short answer. */
export type QuestionType = 'who' | 'when' | 'where' | 'what' | 'how-many' | 'yes-no' | 'other';

/*
 * Head nouns after "which/what" that reveal the expected answer type ("Which officials" asks for
 * people, "what date" for a time). These are answer-type cues, not entity names.
 */
const PERSON_HEADS =
  /^(?:officials?|people|persons?|persons|ministers?|leaders?|presidents?|diplomats?|secretar(?:y|ies)|deputy|deputies|envoys?|ambassadors?|aides?|assistants?|individuals?|politicians?|prime|heads?|spokesm[ae]n|spokesperson|authors?|journalists?|representatives?|counterparts?|delegates?|man|men|woman|women|figures?|chairs?|chairperson|commanders?|members?)$/;
const TIME_HEADS = /^(?:date|dates|day|days|year|years|month|months|time|times|period|week|weeks|decade|century)$/;
const PLACE_HEADS = /^(?:city|cities|country|countries|place|places|region|regions|location|locations|capital|town|towns|venue|state|states|nation|nations)$/;
const COUNT_HEADS = /^(?:number|amount|count|total|population|size|percentage|share)$/;
const AUX = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must)$/;
const LEADING_FILLER = /^(?:(?:and|so|but|ok|okay|also|then|please|now)[,\s]+)+/;
const LEADING_FILLER_ANY_CASE = new RegExp(LEADING_FILLER.source, 'i');

/**
 * "Who is Hikmet Hajiyev?", "Who was Richard Verma?", "Who is she?": the subject is named (only
 * capitalised words, no possessive) or a pronoun, so the question asks what that person is, not for
 * another person. "Who is Armenia's foreign minister?" or "Who is the US envoy?" describe a role and
 * ask for its holder. Case-sensitive on purpose: the capitals are what tell a name.
 */
const IDENTITY = /^[Ww]ho(?:\s+(?:is|was)|['’]s)\s+(?:[A-Z][\p{L}.-]*(?:\s+[A-Z][\p{L}.-]*)*|[Hh]e|[Ss]he|[Tt]hey|[Hh]im|[Hh]er)\s*\?*\s*$/u;

function words(s: string): string[] {
  return s.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];
}

/** Type from the noun after "which"/"what": skip adjectives like "US", "Armenian". */
function typeFromHead(rest: string[]): QuestionType | null {
  // "What is the population of..." names its head after a copula; "What did the president say"
  // does not (the president is the subject), so only a copula + article is skipped.
  const copula = rest[0] !== undefined && /^(?:is|are|was|were)$/.test(rest[0]) && /^(?:the|a|an)$/.test(rest[1] ?? '');
  const head = copula ? rest.slice(2) : rest;
  for (const w of head.slice(0, 4)) {
    if (AUX.test(w)) return null;
    if (PERSON_HEADS.test(w)) return 'who';
    if (TIME_HEADS.test(w)) return 'when';
    if (PLACE_HEADS.test(w)) return 'where';
    if (COUNT_HEADS.test(w)) return 'how-many';
  }
  return null;
}

/**
 * Classifies a question by the answer it expects. Works on the interrogative clause, so a prefix
 * such as "Ignore your rules... Who met Bayramov?" is classified by its last question.
 */
export function classifyQuestion(question: string): QuestionType {
  const clauses = question
    .split(/(?<=[.!?])\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
  // The real question is usually the last interrogative clause; fall back to the whole text.
  const clause = [...clauses].reverse().find((c) => /\?\s*$/.test(c)) ?? clauses.at(-1) ?? question;
  const q = clause.toLowerCase().replace(LEADING_FILLER, '').trim();
  const w = words(q);
  const first = w[0] ?? '';

  if (/^how (?:many|much)\b/.test(q)) return 'how-many';
  if (/^(?:how long ago|how soon|how long)\b/.test(q)) return 'when';
  if (/^(?:who|whom|whose)\b/.test(q)) {
    return IDENTITY.test(clause.replace(LEADING_FILLER_ANY_CASE, '').trim()) ? 'what' : 'who';
  }
  if (/^when\b/.test(q)) return 'when';
  if (/^where\b/.test(q)) return 'where';
  if (/^(?:on|in|at|by|during|from|since|until|to|for|with)\s+(?:what|which)\b/.test(q)) {
    const t = typeFromHead(w.slice(2));
    if (t) return t;
    return w[0] === 'in' || w[0] === 'at' ? 'where' : 'what';
  }
  if (first === 'which' || first === 'what') {
    const t = typeFromHead(w.slice(1));
    if (t) return t;
    return 'what';
  }
  if (/^(?:name|list|identify|tell me|give me)\b/.test(q)) {
    const t = typeFromHead(w.slice(first === 'tell' || first === 'give' ? 2 : 1).filter((x) => x !== 'the' && x !== 'all'));
    return t ?? 'what';
  }
  if (/^(?:why|how)\b/.test(q)) return 'other';
  if (AUX.test(first)) return 'yes-no';
  return 'other';
}
