/**
 * Version of the ingestion rules: boilerplate removal and sentence splitting. Bump it whenever a
 * rule changes what is kept or where sentences break, so indexes built with older rules are
 * recognised as stale (the index manifest records it).
 */
export const CLEANER_VERSION = 1;
