import type { TimelineEvent } from './TimelineEvent.js';

/** Remembers the actors named in a quote (the event cache keeps them between runs). */
export interface ActorMemo {
  actorsOf(quote: string): string[] | undefined;
  rememberActors(quote: string, actors: string[]): void;
}

/**
 * Fills in the actors of events extracted without them: the names in each source's sentence
 * (dateline removed), first source first, without duplicates. Naming needs the entity tagger
 * (the slowest step, and a second of module loading), so quotes `memo` knows are not tagged again
 * and the tagger is not even loaded when it knows them all.
 */
export async function nameActors(events: readonly TimelineEvent[], memo?: ActorMemo): Promise<TimelineEvent[]> {
  const pending = events.filter((e) => e.actors.length === 0);
  const unknown = pending.some((e) => e.sources.some((s) => memo?.actorsOf(s.quote) === undefined));
  const tag = unknown ? (await import('./extractEvents.js')).actorsOfQuote : undefined;
  const actorsOf = (quote: string): string[] => {
    const known = memo?.actorsOf(quote);
    if (known !== undefined || !tag) return known ?? [];
    const found = tag(quote);
    memo?.rememberActors(quote, found);
    return found;
  };
  return events.map((e) => {
    if (e.actors.length > 0) return e;
    const seen = new Set<string>();
    const actors: string[] = [];
    for (const quote of new Set(e.sources.map((s) => s.quote))) {
      for (const name of actorsOf(quote)) {
        const key = name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        actors.push(name);
      }
    }
    return { ...e, actors };
  });
}
