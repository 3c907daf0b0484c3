import path from 'node:path';
import type { GoldEvent, GoldQuestion } from './corpusSet.js';

/**
 * The figures of `../shared/eval/score.mjs`, computed the same way, so `npm run eval` and the
 * shared scorer agree to the digit. Keep this file in step with that script.
 */

/** An answer in the `ask --json` shape, as far as scoring needs it. */
export interface ScoredAnswer {
  answer: string;
  abstained: boolean;
  citations: Array<{ source: string }>;
}

/** One question's outcome. */
export interface QuestionRow {
  id: string;
  kind: string;
  q: string;
  pass: boolean;
  abstained: boolean;
  /** Answerable questions: whether the lead alone holds the gold. */
  leadOk?: boolean;
  /** A short lead that is wrong (or any short lead on a question that should be declined). */
  wrongShort: boolean;
  citesGold?: boolean;
  answer: string;
  cited: string[];
}

/** The question figures of score.mjs. */
export interface QuestionScores {
  answer_accuracy: number;
  lead_accuracy: number;
  wrong_short_leads: number;
  cited_gold_source: number;
  citation_precision: number;
  abstention: number;
  false_abstentions: number;
  rows: QuestionRow[];
}

/** The file number a source is named by in gold files ("200" for "…/200_slug.txt"). */
export function seedId(source: string): string {
  return /^(\d{3})_/.exec(path.basename(source))?.[1] ?? source;
}

const rx = (s: string) => new RegExp(s, 'i');
const round = (x: number) => +x.toFixed(3);

/** The answer's text before its first `[n]` marker: the short answer, or the first cited sentence. */
export function leadOf(text: string): string {
  return (text.split(/\[\d+\]/)[0] ?? '').trim();
}

/** Scores answers (in question order) against the gold questions, exactly as score.mjs does. */
export function scoreQuestions(gold: readonly GoldQuestion[], answers: readonly ScoredAnswer[]): QuestionScores {
  let answered = 0, answerable = 0, retrieved = 0, precNum = 0, precDen = 0, abst = 0, abstN = 0, falseAbst = 0, leadOk = 0, wrongShort = 0;
  const rows: QuestionRow[] = gold.map((q, i) => {
    const a = answers[i] ?? { answer: '', abstained: false, citations: [] };
    const text = a.answer;
    const cited = a.citations.map((c) => seedId(c.source));
    const lead = leadOf(text);
    const row: QuestionRow = { id: q.id, kind: q.kind, q: q.q, pass: false, abstained: a.abstained, wrongShort: false, answer: text, cited };
    const matches = (t: string) => (q.all ?? []).every((r) => rx(r).test(t)) && (!q.any || q.any.some((r) => rx(r).test(t)));
    const forbidden = (q.not ?? []).some((r) => rx(r).test(text));
    if (q.kind === 'abstain') {
      abstN++;
      row.wrongShort = !a.abstained && lead.length > 0 && lead.length < 80;
      if (row.wrongShort) wrongShort++;
      row.pass = a.abstained && !forbidden;
      if (row.pass) abst++;
      return row;
    }
    answerable++;
    if (a.abstained) falseAbst++;
    row.leadOk = !a.abstained && matches(lead);
    if (row.leadOk) leadOk++;
    else if (!a.abstained && lead.length < 80) {
      row.wrongShort = true;
      wrongShort++;
    }
    row.pass = matches(text) && !forbidden && !a.abstained;
    if (row.pass) answered++;
    row.citesGold = cited.some((s) => q.sources.includes(s));
    if (row.citesGold) retrieved++;
    for (const s of cited) {
      precDen++;
      if (q.sources.includes(s)) precNum++;
    }
    return row;
  });
  return {
    answer_accuracy: round(answered / Math.max(1, answerable)),
    lead_accuracy: round(leadOk / Math.max(1, answerable)),
    wrong_short_leads: wrongShort,
    cited_gold_source: round(retrieved / Math.max(1, answerable)),
    citation_precision: precDen ? round(precNum / precDen) : 0,
    abstention: round(abst / Math.max(1, abstN)),
    false_abstentions: falseAbst,
    rows,
  };
}

/** A timeline event in the `timeline --json` shape, as far as scoring needs it. */
export interface ScoredEvent {
  date: string;
  end?: string | undefined;
  precision?: string | undefined;
  sources: string[];
  text?: string;
}

/** The timeline figures of score.mjs. */
export interface TimelineScores {
  timeline_recall: number;
  timeline_precision: number;
  timeline_precision_lenient?: number;
  timeline_events: number;
  timeline_noise_events: number;
  timeline_yearless: number;
  missed: string[];
}

/** Scores a timeline against the gold events, exactly as score.mjs does. */
export function scoreTimeline(gold: { events: GoldEvent[]; noise_dates: string[]; also_valid_dates?: string[] | undefined }, events: readonly ScoredEvent[]): TimelineScores {
  const norm = (d: string | undefined) => String(d ?? '').slice(0, 10);
  const srcs = (e: ScoredEvent) => e.sources.map(seedId);
  let hit = 0;
  const missed: string[] = [];
  for (const ge of gold.events) {
    const dates = [ge.date, ...(ge.alt ?? [])];
    const covers = (e: ScoredEvent, d: string) => {
      const a = norm(e.date);
      const b = norm(e.end ?? e.date);
      if (d.length === 4) return a === d || (e.precision === 'year' && a.startsWith(d));
      return a.startsWith(d) || (a.length === 10 && b.length === 10 && d.length === 10 && a <= d && d <= b);
    };
    if (events.some((e) => dates.some((d) => covers(e, d)) && srcs(e).some((s) => ge.sources.includes(s)))) hit++;
    else missed.push(ge.date);
  }
  const isGood = (d: string, dateSet: Set<string>) => [...dateSet].some((gd) => d.startsWith(gd) || (gd.startsWith(d.slice(0, gd.length)) && d.length >= gd.length));
  const goldDates = new Set(gold.events.flatMap((ge) => [ge.date, ...(ge.alt ?? [])]));
  const good = events.filter((e) => isGood(norm(e.date), goldDates)).length;
  const out: TimelineScores = {
    timeline_recall: round(hit / Math.max(1, gold.events.length)),
    timeline_precision: events.length ? round(good / events.length) : 0,
    timeline_events: events.length,
    timeline_noise_events: events.filter((e) => gold.noise_dates.includes(norm(e.date))).length,
    timeline_yearless: events.filter((e) => e.date.startsWith('-')).length,
    missed,
  };
  if (gold.also_valid_dates) {
    const lenient = new Set([...goldDates, ...gold.also_valid_dates]);
    out.timeline_precision_lenient = events.length ? round(events.filter((e) => isGood(norm(e.date), lenient)).length / events.length) : 0;
  }
  return out;
}
