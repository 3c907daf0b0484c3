import type { Answer, Citation } from './Answer.js';
import { citationFor } from './citationFor.js';
import { mentionKey, ONE_VALUE_TYPES } from './distinctAnswers.js';
import { calendarDay, datelineGloss, displayDate, formatDay, shortDate, WEEKDAY } from './displayDate.js';
import type { AnswerDecision } from './ExtractiveAnswerer.js';
import { noAnswer } from './noAnswer.js';
import type { CandidateAssessment, SentenceAssessment } from './scoring/SentenceAssessment.js';
import { datePrecision } from './scoring/sentenceFeatures.js';
import type { AskedPart } from './question/QuestionAnalysis.js';

const sentenceKey = (s: SentenceAssessment) => `${s.sentence.passage.source}#${s.sentence.start}`;
const textKey = (s: SentenceAssessment) => s.sentence.text.toLowerCase().replace(/\s+/g, ' ');

/**
 * Picks the sentences to quote: each answered part's best sentence first, then, while room is
 * left, sentences nearly as likely to answer it (another article telling the same fact).
 */
function chooseSentences(decision: AnswerDecision): SentenceAssessment[] {
  const { params } = decision;
  const answered = decision.parts.filter((p) => p.answered);
  const chosen: SentenceAssessment[] = [];
  const keys = new Set<string>();
  const texts = new Set<string>();
  const add = (s: SentenceAssessment) => {
    if (keys.has(sentenceKey(s)) || texts.has(textKey(s)) || chosen.length >= params.maxSentences) return;
    keys.add(sentenceKey(s));
    texts.add(textKey(s));
    chosen.push(s);
  };
  // Short answers' own sentences are quoted first when the short answers lead, so the reader sees
  // where they come from; else each part's evidence comes in the question's order.
  const shortsLead = answered.every((p) => p.short.length > 0);
  if (shortsLead) for (const p of answered) for (const s of p.short) add(s.sentence);
  // A sentence that answers every part at once ("13 people were killed and 57 injured") leads;
  // it must hold a value of its own for each part asking for a name, date or figure.
  // Not when a part had to give way to an earlier one's answer: their answers stand in two sentences.
  if (answered.length > 1 && answered.every((p) => p.taken === undefined)) {
    const both = bestForAll(answered.map((p) => p.ranked), params.answerThreshold);
    if (both && givesEachItsOwn(both, answered)) add(both);
  }
  // A why-question whose best sentence only retells the asked event: the sentence that gives its
  // cause leads, the event follows. One that tells the event with something else: the cause follows.
  const causesAfter: SentenceAssessment[] = [];
  for (const p of answered) {
    if (!shortsLead) for (const s of p.short) add(s.sentence);
    const top = p.ranked[0];
    const cause = causeForRestatement(p.ranked);
    if (cause && (top?.features['restatesEvent'] ?? 0) > 0) add(cause);
    else if (cause) causesAfter.push(cause);
    const placed = answered.length === 1 ? placingSentence(p.ranked, params.joinShare) : undefined;
    if (placed) add(placed);
    const fitting = fittingSentence(p.ranked, params);
    if (fitting) add(fitting);
    if (top) add(top);
  }
  for (const cause of causesAfter) add(cause);
  for (const p of answered) {
    const best = p.ranked[0]?.p ?? 1;
    const share = asksForSeveral(p.part) ? params.listShare : params.joinShare;
    for (const s of p.ranked.slice(1)) {
      if (s.p < Math.max(params.answerThreshold, share * best)) break;
      add(s);
    }
  }
  return chosen;
}

/**
 * For a why-part whose best sentence gives no cause (it retells the event: "the conference began two
 * hours late"), the best-ranked sentence of the same article that states one ("…delayed due to
 * blockades"). Articles tell the event first and its cause just after, so the cause is looked for
 * where the event was found, not in whichever article mentions a cause of anything.
 */
function causeForRestatement(ranked: readonly SentenceAssessment[]): SentenceAssessment | undefined {
  const top = ranked[0];
  if (!top || top.part.type !== 'reason' || (top.features['causal'] ?? 0) > 0) return undefined;
  return ranked.find((s) => s !== top && (s.features['causal'] ?? 0) > 0 && s.sentence.passage.source === top.sentence.passage.source);
}

/** Answer types whose answer is a name, date or figure the sentence must hold; places are left out (their fit is read from a noun such as "city" that sentences rarely write). */
const TYPED_ANSWER = new Set(['person', 'named', 'number', 'date']);

/**
 * For a part asking for a name, place, date or figure whose best sentence holds none bound to the
 * asked category ("28 people were killed … near Pahalgam" for "which militant group"): a sentence
 * nearly as likely that holds one ("The Resistance Front claimed responsibility"). It leads; the
 * best sentence follows. The reader's first line should be the one that says what was asked.
 */
function fittingSentence(ranked: readonly SentenceAssessment[], params: AnswerDecision['params']): SentenceAssessment | undefined {
  const top = ranked[0];
  if (!top || !TYPED_ANSWER.has(top.part.type) || (top.features['candidateFit'] ?? 0) > 0) return undefined;
  return ranked.find((s) => s !== top && s.p >= params.joinShare * top.p && (s.features['candidateFit'] ?? 0) >= params.fittingLeadMin);
}

/** Whether the part asks for a list: a person, named or place question whose head noun is plural ("Which officials…"). */
function asksForSeveral(part: AskedPart): boolean {
  const head = part.head.at(-1);
  if (!head || !['person', 'named', 'place'].includes(part.type)) return false;
  return head.pos === 'NOUN' && head.norm !== head.lemma && /s$/.test(head.norm);
}

/**
 * Whether the sentence can give each part asking for one name, date or figure a value of its own:
 * "13 people were killed and 57 injured" can answer "how many killed, and how many injured";
 * "the first ships began passing through on Monday" cannot answer two when-questions.
 */
function givesEachItsOwn(s: SentenceAssessment, parts: AnswerDecision['parts']): boolean {
  const used = new Set<string>();
  for (const p of parts) {
    if (!ONE_VALUE_TYPES.has(p.part.type)) continue;
    const mine = p.ranked.find((r) => sentenceKey(r) === sentenceKey(s));
    const free = mine?.candidates.find((c) => !used.has(mentionKey(mine, c)));
    if (!mine || !free) return false;
    used.add(mentionKey(mine, free));
  }
  return true;
}

/** The sentence whose weakest part probability is highest, when that clears the threshold. */
function bestForAll(rankings: SentenceAssessment[][], threshold: number): SentenceAssessment | undefined {
  const weakest = new Map<string, { s: SentenceAssessment; p: number }>();
  rankings.forEach((ranked, i) => {
    for (const s of ranked) {
      const key = sentenceKey(s);
      const prev = weakest.get(key);
      if (i === 0) weakest.set(key, { s, p: s.p });
      else if (prev) prev.p = Math.min(prev.p, s.p);
    }
  });
  let best: { s: SentenceAssessment; p: number } | undefined;
  for (const w of weakest.values()) if (w.p >= threshold && (!best || w.p > best.p)) best = w;
  return best?.s;
}

/**
 * Turns the decision into the answer a reader sees: the short answer(s) when the answerer is sure,
 * then each chosen sentence with its citation; parts the articles do not answer are said to be
 * missing. When no part is answered, "not in the articles" with the closest sources.
 */
export function assembleAnswer(question: string, decision: AnswerDecision): Answer {
  const { params } = decision;
  const chosen = chooseSentences(decision);
  if (chosen.length === 0) {
    const seen = new Set<string>();
    const closest = (decision.parts[0]?.ranked ?? []).filter((s) => !seen.has(sentenceKey(s)) && seen.add(sentenceKey(s))).slice(0, params.closest);
    return noAnswer(question, closest.map((s, i) => citationFor(i + 1, s.sentence.passage, s.sentence)), 'extractive');
  }
  const citations: Citation[] = chosen.map((s, i) => citationFor(i + 1, s.sentence.passage, s.sentence));
  const marker = (s: SentenceAssessment) => `[${chosen.findIndex((c) => sentenceKey(c) === sentenceKey(s)) + 1}]`;
  const answered = decision.parts.filter((p) => p.answered);
  const parts: string[] = [];
  // Short answers lead only when every answered part has one: half a short answer misleads. A
  // weekday nothing places ("Monday", in an article with no date) answers no "when".
  const shown = (p: (typeof answered)[number], s: (typeof answered)[number]['short'][number]) => (p.part.type === 'date' ? shortDate(s.candidate.candidate.text, s.sentence.article) : s.candidate.candidate.text);
  if (answered.length > 0 && answered.every((p) => p.short.length > 0 && p.short.every((s) => shown(p, s) !== undefined))) {
    // All the short answers come before the first marker: the first line answers every part at once.
    const pieces = answered.map((p) => joinList(p.short.map((s) => shown(p, s) ?? '')));
    const refs = [...new Set(answered.flatMap((p) => p.short.map((s) => marker(s.sentence))))].join('');
    parts.push(`${pieces.join('; ')} ${refs}.`);
  }
  const interval = parts.length === 0 ? intervalBetween(decision) : undefined;
  if (interval && interval.sentences.every((s) => chosen.includes(s))) parts.push(`${interval.text} ${[...new Set(interval.sentences.map(marker))].join('')}.`);
  const glosses = parts.length === 0 ? placedDates(answered, chosen) : new Map<SentenceAssessment, string>();
  for (const s of chosen) parts.push(`${glosses.has(s) ? `${glosses.get(s)}: ` : ''}${s.sentence.text} ${marker(s)}`);
  const missing = decision.parts.filter((p) => !p.answered);
  if (missing.length > 0 && answered.length > 0) {
    parts.push(`The articles don't say: ${missing.map((p) => `“${p.part.text.replace(/\?*$/, '?')}”`).join(' ')}`);
  }
  return { kind: 'answered', question, text: parts.join(' '), citations, mode: 'extractive' };
}

/**
 * For "How much time passed between A and B?": the days between the two parts' dates ("72 days,
 * from 23 February 2025 to 6 May 2025"), when each part's answer gives a calendar day, written
 * out or placed by its article's date, and is likely enough (`intervalThreshold`). The reader
 * checks each date against its own citation.
 */
function intervalBetween(decision: AnswerDecision): { text: string; sentences: SentenceAssessment[] } | undefined {
  if (!decision.analysis.interval || decision.parts.length !== 2) return undefined;
  const ends = decision.parts.map((p) => {
    const sentence = p.short[0]?.sentence ?? p.ranked[0];
    const date = sentence ? bestDateCandidate(sentence) : undefined;
    if (!p.answered || !sentence || !date || date.p < decision.params.intervalThreshold) return undefined;
    const day = calendarDay(date.candidate.text, sentence.article.date);
    return day ? { time: day.time, sentence } : undefined;
  });
  const [a, b] = ends;
  if (!a || !b) return undefined;
  const [first, last] = a.time <= b.time ? [a, b] : [b, a];
  const days = Math.round((last.time - first.time) / 86_400_000);
  return { text: `${days} day${days === 1 ? '' : 's'}, from ${formatDay(first.time)} to ${formatDay(last.time)}`, sentences: [a.sentence, b.sentence] };
}

/**
 * For when-questions answered by sentences rather than short answers: the date each part's
 * first quoted sentence stands for, when the article's date places a weekday or a day without a
 * year ("on Sunday" in an article of 10 February 2025 is 9 February 2025). A reader cannot place
 * "Sunday" from the quote alone; the full date leads the quote, which stays as written. Each part
 * of "When did A happen, and when did B?" gets its own.
 */
function placedDates(answered: AnswerDecision['parts'], chosen: readonly SentenceAssessment[]): Map<SentenceAssessment, string> {
  const glosses = new Map<SentenceAssessment, string[]>();
  for (const p of answered) {
    if (p.part.type !== 'date') continue;
    const top = p.ranked[0];
    const lead = chosen.find((s) => s.part === p.part || (top !== undefined && sentenceKey(s) === sentenceKey(top)));
    // The part's own reading of the sentence: one sentence may hold both parts' dates ("struck on Tuesday and reopened on Thursday").
    const date = lead ? placed(p.ranked.find((s) => sentenceKey(s) === sentenceKey(lead)) ?? lead) : undefined;
    if (lead && date && !glosses.get(lead)?.includes(date)) glosses.set(lead, [...(glosses.get(lead) ?? []), date]);
  }
  return new Map([...glosses].map(([s, dates]) => [s, dates.join('; ')]));
}

/** The sentence's best date, placed: in full from its article's date, or by its dateline; undefined when it stays as written. */
function placed(s: SentenceAssessment): string | undefined {
  const best = bestDate(s);
  if (!best) return undefined;
  const date = displayDate(best, s.article.date);
  return date !== best ? date : datelineGloss(best, s.article);
}

/** The sentence's most likely date candidate. */
function bestDateCandidate(s: SentenceAssessment): CandidateAssessment | undefined {
  return [...s.candidates].sort((a, b) => b.p - a.p).find((c) => c.candidate.source === 'date');
}

function bestDate(s: SentenceAssessment): string | undefined {
  return bestDateCandidate(s)?.candidate.text;
}

/**
 * For a when-question whose best sentence says only a weekday nothing places ("on Sunday", in an
 * undated article): a sentence nearly as likely that says the same weekday in an article that
 * places it ("On Sunday …" on a page stamped 9 February), else one that writes the day out ("on
 * December 16"). It leads, with the full date; the best sentence follows, as written.
 */
function placingSentence(ranked: readonly SentenceAssessment[], share: number): SentenceAssessment | undefined {
  const top = ranked[0];
  const weekday = top && top.part.type === 'date' ? WEEKDAY.exec(bestDate(top) ?? '')?.[0]?.toLowerCase() : undefined;
  if (!top || !weekday || /\d/.test(bestDate(top) ?? '') || placed(top)) return undefined;
  const near = ranked.filter((s) => s !== top && s.p >= share * top.p);
  const sameDay = near.find((s) => bestDate(s)?.toLowerCase().includes(weekday) === true && placed(s) !== undefined);
  // Else one that writes its day out ("on December 16"): a reader can place that, not "Monday";
  // unless the best sentence writes a day out itself ("on Friday (24 May)").
  const writesDay = (s: SentenceAssessment) => s.candidates.some((c) => c.candidate.source === 'date' && datePrecision(c.candidate.text) === 1);
  return sameDay ?? (writesDay(top) ? undefined : near.find((s) => datePrecision(bestDate(s) ?? '') === 1));
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
