/**
 * Words of titles and ranks that stand before a name ("US Vice President JD Vance", "Wing
 * Commander Jane Roe", "Treasurer John Sample"): they split a run of names in a question, and are
 * trimmed from a person named as an answer. General English, not any one story's.
 */
const TITLE = /^(?:president|vice|prime|minister|chancellor|secretary|senator|sen|governor|gov|mayor|judge|general|gen|colonel|col|captain|capt|commander|lt|lieutenant|dr|mr|mrs|ms|sir|king|queen|prince|princess|pope|ceo|cfo|chief|director|deputy|chairman|chairwoman|chair|speaker|rep|representative|ambassador|adm|admiral|sgt|sergeant|officer|inspector|commissioner|premier|spokesman|spokeswoman|spokesperson|leader|head|founder|former|acting|interim|marshal|treasurer|commander|wing|squadron|superintendent|inspector|constable|detective|sheriff|coach|professor|prof|representative|congressman|congresswoman|councillor|councilor|alderman|bishop|cardinal|rabbi|imam|dame|lord|lady|baron|duke|earl|brigadier|corporal|undersecretary|envoy|consul|prosecutor|solicitor|barrister|chairperson|correspondent|cmdr|mp|mep|mla|msp|lawmaker|legislator|administrator|attorney|commandant|coo|cto|magistrate|warden|sheikh|emir|sultan|archbishop|pastor|reverend|rev|trooper|ayatollah)$/i;

/** Words that are titles before a name but also begin names of bodies ("Justice Department", "Chief Executive"): trimmed from a person only. */
const TITLE_TOO = /^(?:justice|chief|executive|officer|director|manager|editor|anchor|field|major|private|general|state|foreign|finance|defence|defense|interior|home|federal|national|deputy|senior|assistant|associate|principal|acting|former|interim)$/i;

/** Whether a word (lower case or as written) is a title or rank. */
export function isTitleWord(word: string): boolean {
  return TITLE.test(word.replace(/\.$/, ''));
}

/** Whether a word may be part of a title ("Foreign" in "Foreign Minister", "Chief Executive"), rather than a name. */
export function mayBeTitle(word: string): boolean {
  const bare = word.replace(/\.$/, '');
  return TITLE.test(bare) || TITLE_TOO.test(bare);
}

/** A person's name without the titles written before it ("Finance Minister Jane Roe" → "Jane Roe"). */
export function withoutTitles(name: string): string {
  const words = name.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && mayBeTitle(words[i] ?? '')) i++;
  return words.slice(Math.max(i, afterTitlePhrase(words))).join(' ');
}

/**
 * Where the name starts after a title of several words, some of them no title words ("Chief
 * *Financial* Officer Mark George", "*Homeland Security* Secretary Jane Roe", "*Transportation*
 * Secretary Pete Sample"): just after the last title word that only name words follow. 0 when
 * there is none, or when a title word follows it ("Jane Roe, Chief Executive Officer").
 */
function afterTitlePhrase(words: readonly string[]): number {
  for (let j = words.length - 2; j >= 0; j--) {
    if (!isTitleWord(words[j] ?? '')) continue;
    return words.slice(j + 1).some((w) => mayBeTitle(w)) ? 0 : j + 1;
  }
  return 0;
}
