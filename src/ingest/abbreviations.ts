/**
 * Abbreviations that stand before a name and so never end a sentence: titles and ranks ("Rear Adm.
 * Shannon Gilreath", "Sgt. Maj. John Smith", "Dir. Kim"), "St." and "Mt." before a place, "No."
 * before a number. A sentence splitter that breaks after them cuts the name off its title.
 */
const TITLE_ABBREVIATION =
  /(?:^|[\s(“"'])(?:Adm|Sgt|Maj|Pvt|Dir|Gen|Gens|Lt|Col|Capt|Cmdr|Cdr|Cmdt|Cpl|Brig|Rep|Reps|Sen|Sens|Gov|Govs|Mr|Mrs|Ms|Messrs|Dr|Drs|Prof|Rev|Hon|Supt|Insp|Det|Fr|Pres|Amb|Atty|Sec|Secy|Lieut|Spc|PFC|Pfc|Sgts|St|Mt|Ft|No|Nos|vs|Gov\.-Gen)\.$/u;

/** Whether a piece of text ends with an abbreviation that cannot end a sentence. */
export function endsWithTitleAbbreviation(text: string): boolean {
  return TITLE_ABBREVIATION.test(text.trimEnd());
}

/**
 * Whether text ends with any abbreviation a question might use mid-sentence: a title, a dotted
 * acronym ("U.S.", "D.C."), an initial ("J."), or a month ("Jan."). Questions are one or two
 * sentences, so treating these as never ending one costs nothing.
 */
export function endsWithAbbreviation(text: string): boolean {
  const t = text.trimEnd();
  return (
    endsWithTitleAbbreviation(t) ||
    /(?:^|\s)(?:\p{L}\.){2,}$/u.test(t) ||
    /(?:^|\s)\p{Lu}\.$/u.test(t) ||
    /(?:^|\s)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|approx|etc|e\.g|i\.e)\.$/u.test(t)
  );
}
