/**
 * The full dates an article's header states in plain sight (a dateline or a byline: "Nov 18, 2031",
 * "9 July 2031", "2031-07-09"), found with a few patterns that share no code with the engine's
 * metadata rules, so the evaluation can check what the engine infers against them.
 */

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const ISO = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A scraper's page stamp (" date 2031-04-22") in the first lines: counted apart, as stamp dates. */
export const PAGE_STAMP = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b/m;

const PHOTO_CREDIT = /\b(?:photo|image|picture)\s*(?::|by\b|credit)|\((?:AP|AFP|Reuters|EPA)?\s*Photo\b|\bGetty Images\b/i;

const SITE_NOTICE = /\bcookies?\b|\bprivacy policy\b|\bterms of (?:use|service)\b/i;

const iso = (year: string, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * The header: the file's lines up to its first long paragraph (150 characters or more, taken up
 * to its first 200 characters, where a dateline sits), at most 12 lines, photo captions and cookie banners left out.
 */
export function headerOf(raw: string): string {
  const head: string[] = [];
  for (const line of raw.split('\n').map((l) => l.trim()).filter(Boolean)) {
    // A photo caption dates its picture, a cookie banner its policy: neither is a dateline or a byline.
    if (PHOTO_CREDIT.test(line) || SITE_NOTICE.test(line)) continue;
    head.push(line.length >= 150 ? line.slice(0, 200) : line);
    if (line.length >= 150 || head.length >= 12) break;
  }
  return head.join('\n');
}

/** Every full date (day, month and year) the text writes, as `YYYY-MM-DD`, in no particular order. */
export function statedDates(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(MONTH_FIRST)) out.add(iso(m[3] ?? '', monthOf(m[1] ?? ''), Number(m[2])));
  for (const m of text.matchAll(DAY_FIRST)) out.add(iso(m[3] ?? '', monthOf(m[2] ?? ''), Number(m[1])));
  for (const m of text.matchAll(ISO)) out.add(iso(m[1] ?? '', Number(m[2]), Number(m[3])));
  return [...out].filter((d) => !/-00-|-00$/.test(d));
}
