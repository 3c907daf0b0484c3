import type { WordForm } from '../wordForms.js';

/**
 * What kind of thing answers a question:
 * - `person`: "who", "which minister";
 * - `named`: a named entity other than a person ("which militant group", "which newspaper");
 * - `place`: "where", "in which town", "which river";
 * - `date`: "when", "on what date", "what period";
 * - `number`: "how many sites", "how much", "what share";
 * - `reason`: "why", "for what reason", "under what condition";
 * - `description`: anything answered by a statement ("what did X announce?", "did X sign?").
 */
export type AnswerType = 'person' | 'named' | 'place' | 'date' | 'number' | 'reason' | 'description';

/** A content word of a question, with what it does there. */
export interface QuestionTerm extends WordForm {
  /**
   * - `subject`: a name the question is about ("Scholz"); never the answer itself;
   * - `relation`: a word of what is asked about the subject ("fire", "coalition", "killed");
   * - `head`: the answer's category ("minister" in "which finance minister", "sites" in "how many sites");
   * - `context`: a word from before the question proper ("According to the PTI report, …"), or
   *   carried over from the part a follow-up part leans on.
   */
  role: 'subject' | 'relation' | 'head' | 'context';
  /**
   * A word that says which thing or statement is meant, not what is asked of it: an attribution
   * before the question ("According to *the wire report* of his death, how old…") or a clause after
   * the question's own verb ("was the conference held *that chose Roe as its candidate*", "did Putin
   * say *that grenade fragments were found*"). A sentence that has it is the likelier one; one
   * without it misses nothing asked.
   */
  identifying?: boolean;
  /** Related lemmas from the lexicon (synonyms, derived forms), lower case; filled by `analyzeQuestion`. */
  related: ReadonlySet<string>;
  /** One step broader or narrower (hypernyms, hyponyms: "kill" → "slaughter", "martyr"); weaker evidence. */
  broader: ReadonlySet<string>;
  /** For an adjective: the lemma of the noun it modifies in the question ("administrator" for "permanent"). */
  modifies?: string;
  /** For an adjective that modifies a noun: adjectives saying the opposite ("interim" for "permanent"); filled by `analyzeQuestion`. */
  opposed?: ReadonlySet<string>;
}

/** Something the answering sentence must agree with, beyond containing the question's words. */
export type Constraint = (
  /**
   * "in 2019", "the 2021 election": the event's year. `fiscal`: a fiscal year ("in fiscal 2025",
   * "FY2025"), which is not the calendar year of the same number.
   */
  | { kind: 'year'; year: number; text: string; fiscal?: boolean }
  /** "on May 7", "on June 17": the day. */
  | { kind: 'day'; month: number; day: number; text: string }
  /** "in the third round", "the second time": which occurrence. */
  | { kind: 'ordinal'; value: number; text: string }
  /**
   * "the report that gives the SPD 120 seats", "the magnitude 7.5 earthquake": a figure the
   * answering article must state; `labels` are the words next to it that say what it measures.
   */
  | { kind: 'figure'; text: string; labels: string[] }
  /**
   * "met in Washington", "the fire in Kula", "at the Munich Security Conference": the named place
   * (or setting) where the asked event happened. An article may name it for another event.
   */
  | { kind: 'place'; text: string }
  /** "in July 2022", "since May": the month (1–12) of the event, and its year when given. */
  | { kind: 'month'; month: number; year?: number; text: string }
) & {
  /** The question itself asks about a point of comparison ("since 2019"), so a sentence's may meet it. */
  reference?: boolean;
};

/** One thing a question asks; "How many X, and how many Y?" asks two. */
export interface AskedPart {
  /** The part's own words. */
  text: string;
  /** What to retrieve the part with, when its words alone miss whom it is about ("…, and when did the party choose her?"). */
  query?: string;
  type: AnswerType;
  /** The answer's category words (the head noun phrase), if the question names one. */
  head: QuestionTerm[];
  /** "Which two officers": how many answers are expected. */
  expected: number | undefined;
  /**
   * The part whose answer a pronoun of this one stands for ("Who chaired the session, and how many
   * votes had *she* received?"): that answer is who this part is about.
   */
  answerOf?: number;
  /** The names this part is about (its own, or the whole question's when it has none). */
  subject: QuestionTerm[];
  /**
   * The same names grouped as written ("Olaf Scholz", "United Airlines"), titles dropped
   * ("President Steinmeier" → "Steinmeier"): what an answering article must mention.
   */
  names: string[];
  /** What is asked about the subject. */
  relation: QuestionTerm[];
  /** The main verb (or, without one, the first relation noun): what must be stated. */
  predicate: QuestionTerm | undefined;
  /**
   * Stems of the nouns and names that do the asked action, between "did / has / will" and the verb
   * ("did *the British rescue team* pull", "did *Qatar* send"), when a name is among them. Absent when
   * the question names no doer: none at all ("how many people were killed": the people had it done
   * to them), or none by name ("did the team pull": an article may call a team anything).
   */
  doer?: string[];
  /**
   * Stems of the words that tell the occasion the asked event happened at from others like it: "in
   * the *virtual* meeting on *security*", "during the *televised* debate". Absent when the question
   * sets its event at no such occasion, or names it only with words any occasion has ("the recent
   * meeting").
   */
  occasion?: string[];
  constraints: Constraint[];
  /**
   * "What is the name of the X", "What name was given to the X": the answer is the X's name, so a
   * sentence must give a name to the X itself, not merely mention the X beside other names.
   */
  asksName?: boolean;
  /**
   * "What did the minister tell parliament?", "What did the inquiry conclude?": the answer is what
   * was said, written or concluded, so a sentence must report it (a verb of reporting or a quotation).
   */
  asksStatement?: boolean;
}

/** A question, analysed once and shared by retrieval and answering. */
export interface QuestionAnalysis {
  /** The message as asked. */
  question: string;
  /** The interrogative clause that decides what the answer must contain (instructions before it are ignored). */
  focus: string;
  /** Words of the message before its question proper: weak evidence only, never required. */
  context: QuestionTerm[];
  /** What is asked, in order: one part, or several for "…, and …?" questions. */
  parts: AskedPart[];
  /**
   * The two parts are the ends of an interval ("How much time passed between A and B?", "How long
   * after A did B…?"): the answer gives the time between their dates.
   */
  interval?: boolean;
}
