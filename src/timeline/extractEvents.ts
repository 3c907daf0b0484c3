import type { Article, TextSpan } from '../ingest/Article.js';
import { datelineLead } from '../ingest/inferMetadata.js';
import { splitSentences } from '../ingest/splitSentences.js';
import type { Sentence } from '../ingest/splitSentences.js';
import { isTableRow, isTimestampOnly } from '../ingest/textShape.js';
import type { TimelineEvent } from './TimelineEvent.js';
import { extractActors } from './extractActors.js';
import { resolveDates } from './resolveDates.js';
import type { DateMention } from './resolveDates.js';
import { shortenAround } from './shortenAround.js';
import { mentionKind, statesPlan } from './eventKind.js';
import { LruMap } from '../util/LruMap.js';

/**
 * Cheap test for anything chrono could read as a date: a month name, a plausible year, a weekday
 * or a relative day word. Most paragraphs of a long corpus fail it, so sentence splitting and chrono
 * (the expensive parts) only run where a date can be.
 */
const DATE_HINT =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|[Tt]oday|[Yy]esterday|[Tt]onight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|\b(?:1[5-9]|20)\d{2}\b/;

/** Events longer than this are cut at clause boundaries. */
const MAX_EVENT_CHARS = 200;

/**
 * Rough sentence chunks: a cut after terminal punctuation followed by a capital. Only used to find
 * where dates can be; the real sentence boundaries come from wink-nlp afterwards.
 */
const ROUGH_BOUNDARY = /[.!?]["'”’)\]]*\s+(?=["“(\p{Lu}])|\n\s*\n/gu;

/**
 * The stretches of the kept spans that may mention a date: each rough chunk with a date hint,
 * widened by one chunk on each side so that a wrong rough cut ("Mr. Smith") cannot split the
 * sentence wink-nlp will find. Long speeches thus skip most of their text.
 */
function datedStretches(raw: string, body: TextSpan[]): TextSpan[] {
  const out: TextSpan[] = [];
  for (const span of body) {
    const text = raw.slice(span.start, span.end);
    const cuts = [0];
    for (const m of text.matchAll(ROUGH_BOUNDARY)) cuts.push((m.index ?? 0) + m[0].length);
    cuts.push(text.length);
    for (let i = 0; i + 1 < cuts.length; i++) {
      if (!DATE_HINT.test(text.slice(cuts[i] ?? 0, cuts[i + 1] ?? 0))) continue;
      const start = span.start + (cuts[Math.max(0, i - 1)] ?? 0);
      const end = span.start + (cuts[Math.min(cuts.length - 1, i + 2)] ?? text.length);
      const last = out.at(-1);
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else out.push({ start, end });
    }
  }
  return out;
}

/**
 * A timestamp line that survived cleaning ("14 July 2024 - 18:13", "Published August 09, 2025 |
 * 11:46 PM", "REGION 18 June 2024 - 09:21"): a clock time and at most a few other words. Such
 * dates say when a page was published, not what happened.
 */
export function isTimestampLine(text: string): boolean {
  if (isTimestampOnly(text)) return true;
  if (!/\b\d{1,2}:\d{2}\b/.test(text)) return false;
  const words = text.replace(/\b\d{1,2}:\d{2}\b/g, ' ').match(/\p{L}{2,}/gu) ?? [];
  const nonDate = words.filter((w) => !DATE_HINT.test(w) && !/^(?:am|pm|gmt|utc)$/i.test(w));
  return nonDate.length <= 3;
}

/**
 * Which of a sentence's dates date its event. A dateline ("Washington, 17 May 2024(TDI): ...") is
 * the publication stamp, but news leads report what happened that day, so when the lead sentence
 * names no other date the dateline date IS the event's date. When it does name one ("BAKU ...
 * 9th Aug, 2025) Aliyev paid a visit ... on August 7-8, 2025"), the dateline only says when the
 * report was filed and is dropped.
 */
function eventDates(mentions: DateMention[]): DateMention[] {
  const told = mentions.filter((m) => !m.dateline);
  return told.length > 0 ? told : mentions.slice(0, 1);
}

/** The sentence without its dateline lead, and how many characters were removed. */
function withoutDateline(text: string): { text: string; offset: number } {
  const lead = datelineLead(text);
  if (!lead || !text.startsWith(lead)) return { text, offset: 0 };
  const rest = text.slice(lead.length).replace(/^[\s:)\-–—]+/u, '');
  return rest.length >= 20 ? { text: rest, offset: text.length - rest.length } : { text, offset: 0 };
}

export interface ExtractEventsOptions {
  /**
   * Name the actors of each event (default true). Entity tagging is the slowest step, so
   * `buildTimeline` turns it off and names the actors of the events it keeps with `nameActors`.
   */
  actors?: boolean;
  onWarning?: (message: string) => void;
}

/**
 * The date each paragraph's stamp or dateline gives (by the paragraph's start offset): a dateline
 * with its year wins, then the page stamp, then a dateline without a year read against the
 * article's date ("Jan. 23 (UPI)" in a 2031 article).
 */
function leadDates(article: Article, sections: ReadonlyArray<{ start: number; year: number }>): Map<number, DateMention> {
  const out = new Map<number, DateMention>();
  const starts = new Set(article.body.map((b) => b.start));
  const furniture = [...(article.furniture ?? [])].sort((a, b) => a.start - b.start);
  let chain: typeof furniture = [];
  for (const f of furniture) {
    chain = chain.length > 0 && chain.at(-1)?.end === f.start ? [...chain, f] : [f];
    if (!starts.has(f.end)) continue;
    const found = chain
      .map((c) => {
        const text = article.raw.slice(c.start, c.end);
        const stamp = /date\s+(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
        const mention = stamp ? resolveDates(stamp, null)[0] : resolveDates(text, referenceFor(c.start, sections, article.meta.date)).find((m) => m.precision === 'day');
        return mention ? { mention: { ...mention, index: 0, dateline: true }, rank: stamp ? 1 : mention.yearless ? 3 : /\b\d{4}\b/.test(text) ? 0 : 2 } : undefined;
      })
      .filter((x): x is { mention: DateMention; rank: number } => x !== undefined)
      .sort((a, b) => a.rank - b.rank)[0];
    if (found) out.set(f.end, found.mention);
    chain = [];
  }
  return out;
}

/** The first sentence or so of each paragraph a stamp or dateline dates, so its lead is read even without a date word. */
function leadStretches(article: Article, leads: Map<number, DateMention>): TextSpan[] {
  return article.body.filter((b) => leads.has(b.start)).map((b) => ({ start: b.start, end: Math.min(b.end, b.start + 600) }));
}

/** Two sorted lists of spans as one, overlapping spans joined. */
function mergeSpans(a: TextSpan[], b: TextSpan[]): TextSpan[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  const out: TextSpan[] = [];
  for (const s of all) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * A planned day read forward: "will meet on Thursday" in a Tuesday article is this Thursday, and
 * "will sign on May 5" in a February article this May (not last year's, as a reported event would be).
 */
function forward(m: DateMention, articleDate: string | null): DateMention {
  if (!articleDate || m.yearless || m.date.slice(0, articleDate.length) >= articleDate.slice(0, m.date.length)) return m;
  if (m.relative && m.precision === 'day') {
    const next = new Date(Date.parse(`${m.date}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    return { ...m, date: next };
  }
  if (!m.inferredYear) return m;
  const bump = (d: string) => `${String(Number(d.slice(0, 4)) + 1).padStart(4, '0')}${d.slice(4)}`;
  return { ...m, date: bump(m.date), ...(m.end ? { end: bump(m.end) } : {}) };
}

/** A line that is only a year ("2024", "2024:"): a chronology's section heading. */
const YEAR_HEADING = /^[ \t]*((?:1[5-9]|20)\d\d)[ \t]*:?[ \t]*$/gm;

/**
 * The year each chronology section states, by where it starts. An anniversary piece or explainer
 * lists "Feb. 3 - Boric confirms 46 deaths." under a "2024" line: those days are that year's,
 * not the article's (a February 2025 piece would otherwise put them in 2025).
 */
export function sectionYears(raw: string): Array<{ start: number; year: number }> {
  return [...raw.matchAll(YEAR_HEADING)].map((m) => ({ start: m.index + m[0].length, year: Number(m[1]) }));
}

/** The date year-less days of a sentence are read against: its section's year when that differs from the article's. */
function referenceFor(start: number, sections: ReadonlyArray<{ start: number; year: number }>, articleDate: string | null): string | null {
  const section = sections.filter((s) => s.start <= start).at(-1);
  if (!section || (articleDate && Number(articleDate.slice(0, 4)) === section.year)) return articleDate;
  return String(section.year);
}

/** Dated events of one article, in text order, one per date a sentence names (unmerged). */
export function extractArticleEvents(article: Article, options: ExtractEventsOptions = {}): TimelineEvent[] {
  const { raw, meta } = article;
  const sections = sectionYears(raw);
  const leads = leadDates(article, sections);
  const sentences: Sentence[] = splitSentences(raw, mergeSpans(datedStretches(raw, article.body), leadStretches(article, leads)));
  const events: TimelineEvent[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    const lead = leads.get(sentence.start);
    if ((!DATE_HINT.test(text) && !lead) || isTableRow(text) || isTimestampLine(text)) continue;
    const kinds = resolveDates(text, referenceFor(sentence.start, sections, meta.date))
      .map((m) => ({ m, kind: m.dateline ? ('event' as const) : mentionKind(text, m.index, m.text.length).kind }))
      .filter((x) => x.kind === 'event' || x.kind === 'planned');
    // A lead that tells no dated event of its own reports what happened on its dateline's day
    // ("March 25 (Reuters) - X will step down at the end of the year, the company said on Monday").
    const leadApplies =
      lead !== undefined && !statesPlan(text) && kinds.filter((x) => x.kind === 'event').length === 0 && !toldDayBefore(sentences, sentence, lead, meta.date);
    const told = leadApplies ? [...kinds, { m: lead, kind: 'event' as const }] : kinds;
    const chosen = eventDates(told.map((x) => x.m));
    if (chosen.length === 0) continue;
    const stripped = withoutDateline(text);
    const actors = options.actors === false ? [] : extractActors(stripped.text);
    for (const told of chosen) {
      const kind = { kind: told === lead ? 'event' : (kinds.find((x) => x.m === told)?.kind ?? 'event') };
      // A plan is for the next such day, not the last: "will sign on May 5" in a February article is this May.
      const mention = kind.kind === 'planned' ? forward(told, meta.date) : told;
      const at = Math.max(0, mention.index - stripped.offset);
      events.push({
        date: mention.date,
        ...(mention.end ? { end: mention.end } : {}),
        precision: mention.precision,
        yearless: mention.yearless,
        kind: kind.kind === 'planned' ? 'planned' : 'event',
        ...(mention.reading ? { reading: mention.reading } : {}),
        ...(meta.dateAttested !== true && (told === lead || mention.relative === true || mention.inferredYear === true) ? { anchored: true } : {}),
        text: shortenAround(stripped.text, at, MAX_EVENT_CHARS),
        actors,
        sources: [
          {
            source: article.source,
            title: meta.title,
            publisher: meta.publisher,
            date: meta.date,
            quote: text,
            start: sentence.start,
            end: sentence.end,
          },
        ],
      });
    }
  }
  return dedupeSameSentence(events);
}

/** How far before its dateline a lead's event may be dated by the sentences that follow it. */
export const LEAD_RETOLD_DAYS = 3;

/**
 * Whether the sentences right after a dateline lead date its event to an earlier day: a report filed
 * the next morning ("Jan. 23 (UPI) -- A man is in custody after attacking…") says when it happened
 * in its next sentence ("The attack occurred … Wednesday"), and the dateline's day would be a
 * second, wrong telling of the same event.
 */
function toldDayBefore(sentences: readonly Sentence[], lead: Sentence, dateline: DateMention, articleDate: string | null): boolean {
  if (dateline.precision !== 'day' || dateline.yearless) return false;
  const at = sentences.indexOf(lead);
  const datelineDay = Date.parse(`${dateline.date}T12:00:00Z`);
  return sentences.slice(at + 1, at + 3).some((next) => {
    if (next.start - lead.end > 400) return false;
    return resolveDates(next.text, articleDate).some((m) => {
      if (m.precision !== 'day' || m.yearless || mentionKind(next.text, m.index, m.text.length).kind !== 'event') return false;
      const days = (datelineDay - Date.parse(`${m.date}T12:00:00Z`)) / 86_400_000;
      return days >= 1 && days <= LEAD_RETOLD_DAYS;
    });
  });
}

/** "from June 12 to June 17" told twice in one sentence must not become two identical events. */
function dedupeSameSentence(events: TimelineEvent[]): TimelineEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.sources[0]?.start}:${e.date}:${e.end ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const extractionCache = new WeakMap<Article, TimelineEvent[]>();

/**
 * Dated events of every article (unmerged, in corpus order). One unreadable article is skipped,
 * reported through `onWarning`, and never stops the rest.
 */
export function extractEvents(articles: readonly Article[], options: ExtractEventsOptions = {}): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const article of articles) {
    try {
      if (options.actors === false) {
        // The engine keeps the same Article objects between index builds, and every /timeline
        // (other topic, other dates) needs the same extraction: do it once per article.
        let cached = extractionCache.get(article);
        if (!cached) {
          cached = extractArticleEvents(article, options);
          extractionCache.set(article, cached);
        }
        events.push(...cached);
        continue;
      }
      events.push(...extractArticleEvents(article, options));
    } catch (error) {
      options.onWarning?.(`Timeline: skipped ${article.source} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return events;
}

/** Entity tagging is the slowest step; a quote's actors never change, so they are remembered. */
const actorCache = new LruMap<string, string[]>(20_000);

/** The names in a sentence (dateline removed), remembered within the process: a quote's actors never change. */
export function actorsOfQuote(quote: string): string[] {
  let actors = actorCache.get(quote);
  if (!actors) {
    actors = extractActors(withoutDateline(quote).text);
    actorCache.set(quote, actors);
  }
  return actors;
}

