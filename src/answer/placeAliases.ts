import { countries } from 'countries-list';
import { escapeRegExp } from '../util/escapeRegExp.js';
import { COUNTRY_DEMONYMS } from './countryDemonyms.js';

/**
 * Other names of a place that news writing uses for it: a capital for its country's government
 * ("Washington said", "talks between Baku and Yerevan") and a country for its capital, plus the
 * country's common aliases ("US", "USA", "America"), and its people's name ("Japanese officials",
 * `COUNTRY_DEMONYMS`). From the `countries-list` dataset (MIT).
 * Used only to decide whether a place the question names is *mentioned*; scoring is unchanged.
 */

/** Lower-case name -> the other names of the same place (as written, for case-sensitive aliases like "US"). */
let table: Map<string, string[]> | undefined;

/** A country's capital as running text writes it: "Washington D.C." is "Washington"; '' when it has none. */
function capitalOf(country: { capital: string }): string {
  return country.capital.replace(/\s+D\.?C\.?$/, '').trim();
}

function build(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (key: string, names: string[]) => {
    const k = key.toLowerCase();
    const others = names.filter((n) => n.toLowerCase() !== k);
    map.set(k, [...new Set([...(map.get(k) ?? []), ...others])]);
  };
  for (const country of Object.values(countries)) {
    const capital = capitalOf(country);
    const aliases = 'alias' in country && Array.isArray(country.alias) ? country.alias.filter((a): a is string => typeof a === 'string') : [];
    // "Japanese officials", "the French government": the people's name stands for the country too.
    const countryNames = [country.name, ...aliases, ...(COUNTRY_DEMONYMS[country.name] ?? [])];
    if (capital !== '') add(capital, countryNames);
    // "America" is also "US" and "the United States", and each of them is also its capital.
    for (const name of countryNames) add(name, capital !== '' ? [...countryNames, capital] : countryNames);
  }
  return map;
}

/** Capitals by lower-case name ("washington"), for {@link isCapital}. */
let capitals: Set<string> | undefined;

/**
 * Whether `place` is a country's capital. A capital stands for its country's government
 * ("Washington said"), but a country is no sign of an event in its capital.
 */
export function isCapital(place: string): boolean {
  capitals ??= new Set(Object.values(countries).map((c) => capitalOf(c).toLowerCase()).filter((c) => c !== ''));
  return capitals.has(place.trim().toLowerCase());
}

/** The other names of `place` (any case), or an empty list when it is no country or capital. */
export function placeAliases(place: string): readonly string[] {
  table ??= build();
  return table.get(place.trim().toLowerCase()) ?? [];
}

/**
 * Whether `text` mentions one of `place`'s other names as a whole word. Short upper-case aliases
 * ("US") must match in upper case, so the pronoun "us" does not count; longer names match in any case.
 */
export function mentionsAlias(text: string, place: string): boolean {
  return patternsFor(place).some((pattern) => pattern.test(text));
}

/** Compiled once per place: the check runs for every retrieved sentence that lacks the name itself. */
const patterns = new Map<string, RegExp[]>();

function patternsFor(place: string): RegExp[] {
  const key = place.trim().toLowerCase();
  let found = patterns.get(key);
  if (!found) {
    found = placeAliases(place).map((alias) => {
      const escaped = escapeRegExp(alias);
      const caseSensitive = alias.length <= 3 && alias === alias.toUpperCase();
      return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');
    });
    // Places asked about are few; the bound only guards a long-running bot against odd input.
    if (patterns.size >= 1000) patterns.clear();
    patterns.set(key, found);
  }
  return found;
}
