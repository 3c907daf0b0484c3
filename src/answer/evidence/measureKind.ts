import type { AskedPart } from '../question/QuestionAnalysis.js';
import type { AnswerCandidate } from './extractCandidates.js';
import { WHAT_PAID } from '../question/answerTypeRules.js';
import { isDemonym } from '../isDemonym.js';
import { placeAliases } from '../placeAliases.js';

/**
 * What a figure measures. `count` is a number of things ("nine sites", "1,208 flights"); the rest
 * are measures with units of their own.
 */
export type MeasureKind = 'count' | 'money' | 'percent' | 'duration' | 'length' | 'area' | 'weight' | 'speed' | 'volume';

/** Unit words, written as news writes them, by the kind they measure. Checked in order: "square miles" is an area, "miles per hour" a speed. */
const UNIT_WORDS: ReadonlyArray<readonly [Exclude<MeasureKind, 'count'>, RegExp]> = [
  ['speed', /^(?:knots?|mph|kph|km\/h|(?:miles?|kilometres?|kilometers?|km)\s+(?:per|an|a)\s+hour)$/],
  ['area', /^(?:hectares?|acres?|sq|square\s+\S+)$/],
  ['volume', /^(?:litres?|liters?|gallons?|barrels?|cubic\s+\S+)$/],
  ['money', /^(?:dollars?|euros?|pounds?|sterling|francs?|rupees?|yuan|yen|pesos?|lira|liras|riyals?|dirhams?|rubles?|roubles?|shekels?|rand|crores?|lakhs?|cents?|usd|eur|gbp|inr)$/],
  ['percent', /^(?:%|percent|per\s+cent|percentage\s+points?|points?|basis\s+points?)$/],
  ['duration', /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)$/],
  ['length', /^(?:feet|foot|ft|inch|inches|metres?|meters?|kilometres?|kilometers?|km|miles?|yards?|cm|mm|nautical\s+miles?)$/],
  ['weight', /^(?:tons?|tonnes?|kg|kilos?|kilograms?|lbs?)$/],
];

/** A currency sign in or just before the figure ("$1.7 billion", "Rs 500 crore", "₹40"). */
const CURRENCY_SIGN = /[$€£¥₹]|\bRs\.?\s*$|\b(?:US|USD|EUR|GBP|INR)\s*$/;

/** Words a figure is written with, passed over to reach its unit ("between 70 and 96 hours", "1.3 million devices"). */
const FIGURE_WORD = /^(?:[\d.,]+|a|an|about|some|around|nearly|almost|over|under|more|less|than|between|and|to|or|up|half|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|hundred|thousand|million|billion|trillion|bn|mn|m|k|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/;

/** A capitalised nationality or country ("Swiss", "Canadian", "US") written before a currency. */
function isNationality(word: string): boolean {
  return /^\p{Lu}/u.test(word) && (isDemonym(word) || placeAliases(word).length > 0);
}

/** The kind a unit word (or two-word unit) measures, if it is a unit. */
function unitKind(words: readonly string[]): Exclude<MeasureKind, 'count'> | undefined {
  const [first, second, third] = words;
  if (first === undefined) return undefined;
  const phrases = [third && second ? `${first} ${second} ${third}` : '', second ? `${first} ${second}` : '', first].filter(Boolean);
  for (const [kind, pattern] of UNIT_WORDS) if (phrases.some((p) => pattern.test(p))) return kind;
  return undefined;
}

/**
 * What a number candidate measures, from its currency sign and the unit written after it; `count`
 * when it counts a noun that is no unit ("nine sites"), undefined when nothing says ("rose to 26").
 */
export function candidateMeasure(candidate: AnswerCandidate, text: string): MeasureKind | undefined {
  if (CURRENCY_SIGN.test(candidate.text) || CURRENCY_SIGN.test(text.slice(Math.max(0, candidate.start - 5), candidate.start))) return 'money';
  // "a quarter (of the city)": a share, as a percentage is.
  if (/%/.test(candidate.text) || /^\s*%/.test(text.slice(candidate.end)) || /^\s*of\b/.test(text.slice(candidate.end)) && /\b(?:half|thirds?|quarters?|fifths?|tenths?)$/i.test(candidate.text)) return 'percent';
  const written = `${candidate.text} ${text.slice(candidate.end, candidate.end + 40)}`;
  const cased = written.split(/[\s-]+/).map((w) => w.replace(/^[^\p{L}\d%$]+|[^\p{L}\d%/]+$/gu, '')).filter(Boolean);
  const words = cased.map((w) => w.toLowerCase());
  const from = words.findIndex((w) => !FIGURE_WORD.test(w));
  // "100 million Swiss francs", "2,500 Moroccan dirhams": a nationality before the unit says whose currency it is.
  const national = from >= 0 && isNationality(cased[from] ?? '');
  const kind = from < 0 ? undefined : (unitKind(words.slice(from, from + 3)) ?? (national ? unitKind(words.slice(from + 1, from + 4)) : undefined));
  if (kind) return kind;
  return candidate.unit.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') ? 'count' : undefined;
}

/** Nouns that name what kind of figure is asked ("what was the revenue", "what prison sentence"). */
const KIND_HEADS: ReadonlyArray<readonly [Exclude<MeasureKind, 'count'>, RegExp]> = [
  ['money', /^(?:money|cost|price|fine|compensation|revenue|budget|salary|fee|payment|payout|bail|bonus|worth|value|loss|profit|fund|funding|damages|award)$/],
  // A rate or inflation is given in percent or basis points ("an annual rate of 13.4 basis points"), never in dollars.
  ['percent', /^(?:share|percentage|percent|proportion|turnout|rate|inflation)$/],
  ['duration', /^(?:sentence|duration)$/],
  ['length', /^(?:depth|height|length|distance|width)$/],
  ['speed', /^speed$/],
];

/** Verbs and nouns of paying, in a "how much" question that names no thing: it asks for money. */
const MONEY_WORDS = /\b(?:pay|pays|paid|paying|cost|costs|costing|spend|spends|spent|fined?|award(?:ed)?|charged?|earn(?:ed|s)?|invest(?:ed|s)?|pledged?|donated?|contributed?|owed?|borrowed|lent|money|price|revenue|budget|salary|compensation|worth)\b/i;

/** Whether the part names a duration by a noun ("what prison sentence", "how many years"): its answer is written with a unit. */
export function namesDuration(part: AskedPart): boolean {
  return partMeasure(part).unitRequired;
}

/** Per part, once: the rule reads it for every figure of every retrieved sentence. */
const measures = new WeakMap<AskedPart, { asked: MeasureKind | undefined; unitRequired: boolean }>();

/** What the part asks for ({@link askedMeasure}) and whether a figure must carry its unit ({@link namesDuration}). */
export function partMeasure(part: AskedPart): { asked: MeasureKind | undefined; unitRequired: boolean } {
  let known = measures.get(part);
  if (!known) {
    const asked = askedMeasure(part);
    known = { asked, unitRequired: asked === 'duration' && part.head.some((h) => h.pos === 'NOUN') };
    measures.set(part, known);
  }
  return known;
}

/**
 * What kind of figure a how-many / how-much part asks for: the kind of its head noun or unit
 * ("how many hours", "what prison sentence"), a count for "how many" things, money for "how much"
 * with a verb of paying, speed or length for "how fast" / "how deep"; undefined when the question
 * does not say ("how much oxygen", "how much did the index fall").
 */
export function askedMeasure(part: AskedPart): MeasureKind | undefined {
  const text = part.text.toLowerCase();
  const head = part.head.filter((h) => h.pos === 'NOUN').at(-1);
  if (head) {
    const asUnit = unitKind([head.norm]) ?? unitKind([head.lemma]);
    if (asUnit) return asUnit;
    if (/\bexchange\s+rate\b/.test(text)) return undefined;
    for (const [kind, pattern] of KIND_HEADS) if (pattern.test(head.lemma)) return kind;
    return /\bhow many\b/.test(text) ? 'count' : undefined;
  }
  if ((/\bhow much\b/.test(text) || WHAT_PAID.test(text.slice(Math.max(0, text.search(/\bwhat\b/))))) && MONEY_WORDS.test(text)) return 'money';
  if (/\bhow fast\b/.test(text)) return 'speed';
  if (/\bhow (?:deep|far|high|tall|wide)\b/.test(text)) return 'length';
  if (/\b(?:for )?how long\b.*\b(?:last(?:ed|s)?|take|took|takes|serve[ds]?|stay(?:ed)?|remain(?:ed)?)\b/.test(text)) return 'duration';
  return undefined;
}

/**
 * Whether a figure of kind `found` can answer a question asking for `asked`. A count never answers
 * with a measure ("three months" is not how many containers), a measure never with another or
 * with a count of things ("55 workers" is not a cost); a share of an amount can answer "how much"
 * of money, and a count can give a share ("700 of 770"). With `unitRequired` (a duration the
 * question names by a noun, "what prison sentence"), a figure must be written with its unit: a bare
 * "two" is no prison sentence, while "how long did the visit last" may be answered by "August 7-8".
 */
export function measureFits(asked: MeasureKind | undefined, found: MeasureKind | undefined, unitRequired = false): boolean {
  if (asked === undefined || asked === found) return true;
  if (found === undefined) return !unitRequired;
  if (asked === 'count') return false;
  if (asked === 'money') return found === 'percent';
  if (asked === 'percent') return found === 'count';
  return false;
}
