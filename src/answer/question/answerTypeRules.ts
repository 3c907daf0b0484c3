import type { NounCategory } from '../lexicon/Lexicon.js';
import type { AnswerType } from './QuestionAnalysis.js';

/**
 * How a question's interrogative phrase tells the kind of answer it wants. Rules are tried in
 * order against the question from its wh-word on (lower case); the first that matches decides.
 * `head: true` means the answer's category is the noun phrase right after the phrase ("how many
 * *sites*", "which *finance minister*"), and the type may then come from that noun (see
 * {@link typeFromHead}).
 */
export interface WhRule {
  name: string;
  reason: string;
  pattern: RegExp;
  type: AnswerType;
  head: boolean;
}

/**
 * "What did the city pay", "what would the bridge cost", "what was the firm paid": "what" is the
 * sum paid. A question ending in a preposition ("what did it spend the money on?") asks for
 * something else.
 */
export const WHAT_PAID =
  /^what\s+(?:did|does|do|will|would|could|has|have|had|was|were|is|are)\s+(?:[^\s?]+\s+){0,10}?(?:pay|paid|spend|spent|cost|charge|charged|owe|owed|earn|earned)\b(?!\s+(?:tribute|attention|homage|respects?|heed|a\s+visit)\b)(?![^?]*\b(?:on|for|in|to|with|at|from|about)\s*\?*\s*$)/;

export const WH_RULES: readonly WhRule[] = [
  { name: 'how-many', reason: '"How many X" counts X.', pattern: /^how\s+many\b/, type: 'number', head: true },
  { name: 'how-much', reason: '"How much (X)" asks for an amount.', pattern: /^how\s+much\b/, type: 'number', head: true },
  {
    name: 'how-measure',
    reason: '"How long / old / far / big / large / high / often / soon" asks for a measure.',
    pattern: /^how\s+(?:long|old|far|big|large|high|often|soon|fast|deep|tall|early|late)\b/,
    type: 'number',
    head: false,
  },
  { name: 'how-manner', reason: '"How did X …" asks for a manner: a statement answers it.', pattern: /^how\b/, type: 'description', head: false },
  { name: 'why', reason: '"Why" asks for a cause or reason.', pattern: /^why\b/, type: 'reason', head: false },
  { name: 'when', reason: '"When" asks for a time.', pattern: /^when\b/, type: 'date', head: false },
  { name: 'where', reason: '"Where" asks for a place.', pattern: /^where\b/, type: 'place', head: false },
  { name: 'whose', reason: '"Whose X" asks for the person X belongs to.', pattern: /^whose\b/, type: 'person', head: false },
  { name: 'who', reason: '"Who" and "whom" ask for a person.', pattern: /^(?:who|whom)\b/, type: 'person', head: false },
  {
    name: 'name-of',
    reason: '"What is the name of the X" asks for an X by name: a suspect\'s name is a person, a ship\'s name a named thing.',
    pattern: /^what\s+(?:is|was|are|were)\s+the\s+names?\s+of\b/,
    type: 'named',
    head: true,
  },
  {
    name: 'name-given',
    reason: '"What name was given to the X" asks for the X by name, like "What is the name of the X".',
    pattern: /^what\s+(?:nick)?name\s+(?:was|were|is|has\s+been|had\s+been)\s+given\s+to\b/,
    type: 'named',
    head: true,
  },
  {
    name: 'what-copula-head',
    reason: '"What is the X of …" asks for the X ("What is the population of …" a number).',
    pattern: /^what\s+(?:is|was|are|were)\s+(?:the|a|an)\s+/,
    type: 'named',
    head: true,
  },
  {
    name: 'what-paid',
    reason: '"What did X pay / spend / owe", "what would it cost": the object of a verb of paying is a sum of money. Not "pay tribute", and not "what did X pay for?", which asks what was bought.',
    pattern: WHAT_PAID,
    type: 'number',
    head: false,
  },
  {
    name: 'what-verb',
    reason: '"What did X do / say / decide" asks for a statement, not a name.',
    pattern: /^what\s+(?:is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|might|must|happened|happens|caused|made|led)\b/,
    type: 'description',
    head: false,
  },
  { name: 'which-what-head', reason: '"Which X" and "what X" ask for an X.', pattern: /^(?:which|what)\b/, type: 'named', head: true },
  {
    name: 'imperative-head',
    reason: '"Name / list / identify the X" asks for X.',
    pattern: /^(?:name|list|identify|give|tell\s+me)\b/,
    type: 'named',
    head: true,
  },
];

/** Head nouns whose category decides the type before WordNet is asked (general English, not per story). */
const HEAD_TYPES: ReadonlyArray<[AnswerType, RegExp]> = [
  ['date', /^(?:date|day|year|month|time|period|week|decade|century|season|hour|deadline|weekend|night|morning|evening|afternoon|era)$/],
  [
    'number',
    /^(?:number|amount|share|percentage|percent|proportion|total|figure|sum|price|cost|rate|margin|majority|count|toll|vote|score|tally|range|distance|length|size|height|population|value|loss|damage|revenue|profit|fine|compensation|salary|budget|turnout|age|speed|depth|width|weight|altitude|temperature|magnitude|capacity|worth|tariff|debt|fee|payment|award|penalty|sentence|term|duration|ratio|level|estimate|limit|threshold|ceiling|quota|concentration|volume|quantity|dose)$/,
  ],
  ['reason', /^(?:reason|condition|ground|cause|motive|purpose|justification|explanation|rationale|basis|excuse)$/],
  [
    'place',
    /^(?:place|city|town|country|nation|state|region|district|province|county|village|location|venue|capital|area|river|port|base|airbase|airport|park|building|street|island|territory|neighbourhood|neighborhood|suburb|headquarters|continent|sea|ocean|lake|valley|mountain|border|destination|hospital|prison|stadium|hotel|residence|palace|court|courthouse|camp)$/,
  ],
  [
    'named',
    /^(?:group|organization|organisation|party|company|firm|agency|body|faction|militia|union|outfit|newspaper|outlet|broadcaster|network|ministry|department|committee|airline|bank|system|operation|project|programme|program|title|name|event|treaty|agreement|law|bill|act|report|award|prize|missile|weapon|ship|vessel|aircraft|plane|product|software|brand|team|club|movement|platform|channel|app|scheme|initiative|exercise|mission|policy|plan)$/,
  ],
];

/**
 * The answer type a head noun asks for ("minister" → person, "district" → place, "period" → date,
 * "share" → number), from the table above, then from the noun's WordNet category.
 * @param lemma - the head noun's dictionary form, lower case.
 */
export function typeFromHead(lemma: string, category: NounCategory | undefined): AnswerType {
  for (const [type, pattern] of HEAD_TYPES) if (pattern.test(lemma)) return type;
  switch (category) {
    case 'person':
      return 'person';
    case 'location':
      return 'place';
    case 'time':
      return 'date';
    case 'quantity':
      return 'number';
    default:
      return 'named';
  }
}

/** A copula question about a named person ("Who is Jane Roe?") asks what the person is. */
export const IDENTITY_QUESTION = /^[Ww]ho(?:\s+(?:is|was)|['’]s)\s+(?:[A-Z][\p{L}.-]*(?:\s+[A-Z][\p{L}.-]*)*|[Hh]e|[Ss]he|[Tt]hey)\s*\?*\s*$/u;
