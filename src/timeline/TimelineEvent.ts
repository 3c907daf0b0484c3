/** How exact an event's date is. */
export type DatePrecision = 'day' | 'month' | 'year';

/** Where an event was told, with the sentence that tells it. */
export interface EventSource {
  source: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  quote: string;
  start: number;
  end: number;
}

/** One dated happening, possibly told by several articles. */
export interface TimelineEvent {
  /** ISO date at `precision` (`2024-06-17`, `2024-06`, `2024`), or `--MM-DD` / `--MM` when `yearless`. */
  date: string;
  /** End of a range, same format, when the text gives one ("August 7-8, 2025"). */
  end?: string;
  precision: DatePrecision;
  /** True when the year is unknown (no year in the text, no article date, nothing in the corpus to place it). */
  yearless: boolean;
  /**
   * `event`: something that happened; `planned`: a plan, deadline or projection (shown only when
   * asked for); `background`: history told for context, years before the article (shown unless
   * asked not to).
   */
  kind: EventKind;
  /** How the date was read, when not simply as written ("Tuesday before the article's date 2031-03-12"). */
  reading?: string;
  /**
   * The date came from the article's own date (a weekday, a day without a year, the dateline or
   * page stamp) and only a scraper's page stamp gives that date (`ArticleMeta.dateAttested` is not
   * set): it is only as right as that stamp.
   */
  anchored?: boolean;
  /** The sentence or clause, shortened to a readable line. */
  text: string;
  /** People, countries and organisations named. */
  actors: string[];
  sources: EventSource[];
}

/** What a timeline entry is (see `TimelineEvent.kind`). */
export type EventKind = 'event' | 'planned' | 'background';

/** Options shared by the CLI, chat and Discord surfaces. */
export interface TimelineOptions {
  topic?: string;
  from?: string;
  to?: string;
  sources?: string[];
  /** Also show plans and deadlines (default: no). */
  planned?: boolean;
  /** Show history told for context, years before the articles (default: yes, marked as background). */
  history?: boolean;
}

export interface Timeline {
  events: TimelineEvent[];
}
