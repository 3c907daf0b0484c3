/**
 * Version of the ingestion rules: boilerplate removal, sentence splitting and metadata inference.
 * Bump it whenever a rule changes what is kept, where sentences break or what metadata is inferred,
 * so indexes built with older rules are recognised as stale (the index manifest records it).
 * 2: wire-style datelines ending in a dash ("ANKARA, October 2, 2025 —") are recognised.
 * 3: page stamps and datelines are cut from the start of paragraphs (leadingFurniture.ts); a page stamp dates the article.
 * 4-6: metadata from named header rules (headerRules.ts); menus are header lines; titles and rank abbreviations stay in one sentence; cookie banners, editor's notes and dated teaser lines are chrome.
 * 7: short lines kept before the first prose paragraph (a byline's name) and lines glued to it are header lines; two-digit stamp years ("29-Aug-24"); magazine page furniture is no title.
 * 8: short lines dropped before the second prose paragraph (a byline and date under a standfirst or caption) are header lines.
 * 9: byline and date lines made of short fields ("By Jane Roe | Nov 18, 2031 | 214 Comments") are page furniture.
 * 10: headlines ending with their own date in parentheses or after a dash, numeric dates too ("Rents flatten (Mar 21, 2031)",
 *     "Board approves rule - 12/20/2030"), and "Read Next", "Also in the news" headings are page furniture.
 * 11: text that is not UTF-8 is read as Windows-1252 instead of skipped.
 * 12: sentences glued by a scrape ("third spot.The far-right", "(AP Photo)According") are split; a bulleted list of
 *     headlines under "Read also" or "Related" is dropped with its heading.
 * 13: a possessive before a glued full stop ("than that of Scholz’s.Also") is a sentence end too, and so is a
 *     lower-case word glued to "The" ("second placeThe Bundestag"); search terms fold
 *     accents ("Erdoğan" is indexed as "erdogan"), so the lexical index of older builds is stale too.
 * 14: an undated article's dateline without a year ("April 15 (Reuters) -") is kept as `datelineDay`.
 * 15: teaser headlines dated without a year ("… (March 10)") and "Next gallery:" links are page furniture.
 * 16: the place a dateline opens with ("ANKARA, Feb 7 (Reuters) -") is kept as `datelinePlace`.
 * 17: a line of topic tags ("Tags: Ferry, Harbour, Coast Guard") and a reading-time line ("2 min read") are page furniture.
 * 18: an outlet named by its web address ("Caliber.Az reports") is not two glued sentences.
 * 19: `dateAttested`: whether the page states its date itself or confirms its page stamp.
 * 20: a page stamp's own line no longer confirms it (`dateAttested` needs another header line).
 * 21: a share bar ("Share 1.2K | Tweet | Email") is page furniture.
 * 22: more headings of related-headline lists ("Related reading", "More features", "[Related]"), and their
 *     headlines dated "(January 2031)", "(12.08.2031)" or after a column gap, are page furniture.
 * 23: a page stamp on a header line of its own under a menu is the scraper's stamp (it was read as a stamp line the
 *     page writes, so it confirmed itself), and a stamp whose year the page's own dated dateline contradicts gives way to it.
 * 24: a dateline with the country in parentheses before the agency ("Derna (Libya) (AFP) –") is cut from the paragraph.
 * 25: an "Other news" list of headlines (dated first, "23 June 2031  Council meets") is page furniture with its heading.
 * 26: a dated "Updated: … at 9:47 p.m." line is a page date line: the full stop of "p.m." ends no sentence.
 */
export const CLEANER_VERSION = 26;
