import type { Answer, Citation } from './Answer.js';
import type { Answerer, AnswerOptions } from './Answerer.js';
import type { Passage } from '../ingest/Passage.js';
import type { RetrievedPassage } from '../retrieval/RetrievedPassage.js';
import { classifyQuestion, type QuestionType } from './classifyQuestion.js';
import { contextualizeQuery, isElliptical } from './contextualizeQuery.js';
import { focusClause } from './focusClause.js';
import { questionTerms, type QuestionTerm } from './questionTerms.js';
import { sentenceNames, sentenceQuantities, type SentenceEntities, type SentenceNames } from './sentenceEntities.js';
import { termsMatch } from './termsMatch.js';
import { sentenceForms, wordForms, type WordForm } from './wordForms.js';
import { citationFor } from './citationFor.js';
import { noAnswer } from './noAnswer.js';
import type { TermRarity } from './termRarity.js';
import { isTableRow } from '../ingest/textShape.js';
import { mentionsAlias } from './placeAliases.js';

/**
 * Default minimum evidence (best sentence's weighted coverage of the question's terms) to answer.
 * Calibrated on the seed questions by `scripts/calibrateAbstain.ts`; see docs/abstention.md.
 */
export const DEFAULT_ABSTAIN_THRESHOLD = 0.15;

/**
 * A date/number answers a when/how-many question only from a sentence with at least this share of
 * the best sentence's coverage (see docs/abstention.md).
 */
const TYPED_SHARE = 0.5;

/**
 * A descriptive word at least this rare (`TermRarity`; 3 ≈ outside the 65,000 commonest words:
 * "lavash", "hypersonic", but not "cybersecurity" 2.9 or "alerts" 2.2) is as specific as a name: if
 * no retrieved sentence has it, the articles do not cover what the question is about. See
 * docs/abstention.md for the calibration.
 */
const SPECIFIC_RARITY = 3;

/** On-topic sentences a linked date may hang from: at least this share of the best coverage. */
const LINK_SHARE = 0.4;

/** How many sentences apart a date and the on-topic sentence it is linked to may be. */
const LINK_DISTANCE = 3;

/** One sentence of a retrieved passage, with everything the scorer needs. */
export interface ScoredSentence {
  passage: Passage;
  sentenceIndex: number;
  text: string;
  start: number;
  end: number;
  /** Weighted share of the question's terms found in the sentence (neighbours count half), in [0, 1]. */
  coverage: number;
  /** Whether the sentence holds the kind of thing the question asks for (a person, a date...). */
  typeFit: boolean;
  /** Whether the sentence itself names everything the question names (its subject). */
  namesCovered: boolean;
  /** Final ranking score. */
  score: number;
  /**
   * The asked-for items (people for "who", dates for "when"...) in the sentence that the question
   * does not already say; empty when the question asks for no particular kind. Only sentences that
   * can affect the outcome are tagged (see `decide`); the others have none and `typeFit` false.
   */
  answers: string[];
}

/** Why the answerer decided as it did; exposed for calibration and debugging. */
export interface ExtractiveDecision {
  type: QuestionType;
  terms: QuestionTerm[];
  ranked: ScoredSentence[];
  /**
   * Names in the question that no retrieved sentence mentions — and descriptive words as specific as
   * names (rarer than `SPECIFIC_RARITY`, e.g. "lavash") that none does.
   */
  missingNames: string[];
  /**
   * Names that retrieved text mentions, but only in articles that hold no on-topic sentence ("Iran"
   * in a 1981 address, while the Joint Declaration sentence's article never names Iran).
   */
  unrelatedNames: string[];
  /**
   * Whether the question asks for the one holder of a role ("Who is Armenia's foreign minister?"),
   * unlike "Who met ..." or "Which officials ...", which may have one answer per article.
   */
  roleHolder: boolean;
  /** The best sentence's coverage: the main abstention signal. */
  evidence: number;
  /**
   * For a when-question whose on-topic sentences carry no date: a dated sentence of the same passage
   * tied to one of them (`via`), which then answers ("When was that?" after "Who leads the working
   * group?": "The Deputy Secretary's visit ... began on November 15" via "During her visit to
   * Armenia, ... a joint working group had begun operating").
   */
  linked?: { dated: ScoredSentence; via: ScoredSentence } | undefined;
  abstain: boolean;
  reason: string;
}

export interface ExtractiveAnswererOptions {
  /** Overrides the calibrated coverage threshold (`ABSTAIN_THRESHOLD`). */
  abstainThreshold?: number | undefined;
  /** Most sentences in an answer. */
  maxSentences?: number;
  /**
   * Corpus-independent specificity of a word (see `rarityFromVocabulary`), multiplied into each
   * question term's weight so the specific word of a question outweighs the generic ones.
   */
  rarity?: TermRarity | undefined;
}

interface Candidate {
  passage: Passage;
  sentenceIndex: number;
  text: string;
  start: number;
  end: number;
  forms: readonly WordForm[];
  retrieval: number;
}

/**
 * Verbs that carry next to no meaning of their own ("When did Aliyev go to Washington?"): not
 * descriptive words an answer sentence must contain ("paid a visit" answers it).
 */
const LIGHT_VERBS: ReadonlySet<string> = new Set(['go', 'get', 'make', 'take', 'come', 'have', 'do', 'be', 'become']);

/** A where-question that asks for a city in particular. */
const CITY_QUESTION = /\b(?:which|what)\s+(?:[\p{L}-]+\s+){0,2}?(?:city|cities|town|towns|capital|capitals)\b/iu;

/**
 * The kinds of names a question and a sentence are compared on (see `consistent` in `decide`).
 * Cities and countries apart: "Baku" in a question and "Azerbaijan" in a sentence are no swap.
 */
const NAME_KINDS = ['people', 'cities', 'countries', 'organizations'] as const;

/** Score bonus for a sentence holding the asked-for kind of answer. */
const TYPE_BONUS = 0.2;

/** A sentence joins an answer only with at least this share of the top coverage (`#assemble`). */
const JOIN_SHARE = 0.5;
/** A "who" question about one holder of a role: "Who is ...", "Who was ...", "Who's ...". */
const SINGULAR_WHO = /^\s*who(?:\s+(?:is|was)\b|'s\b)/i;

/** Closest sentences listed under an abstention. */
const CLOSEST = 3;

/** The items of one kind in a sentence; names come from compromise, dates and numbers from wink/chrono. */
function entitiesOf(text: string, kind: keyof SentenceEntities): string[] {
  return kind === 'dates' || kind === 'numbers' ? sentenceQuantities(text)[kind] : sentenceNames(text)[kind];
}

const TYPE_WANTS: Partial<Record<QuestionType, keyof SentenceEntities>> = {
  who: 'people',
  when: 'dates',
  'how-many': 'numbers',
  where: 'places',
};

/** Table rows, bullets and headline-like fragments: kept only when nothing better answers. */
function looksLikeBoilerplate(text: string): boolean {
  if (/\|/.test(text) || /^\s*[-*•]\s/.test(text)) return true;
  const words = text.trim().split(/\s+/).length;
  return words < 6 || !/[.!?…"”’]$/.test(text.trim());
}

function hasTerm(forms: readonly WordForm[], term: WordForm): boolean {
  return forms.some((f) => termsMatch(f, term));
}

/** Flattens retrieved passages into their sentences; overlapping passages share sentences, kept once. */
function candidates(retrieved: RetrievedPassage[]): Candidate[] {
  const maxScore = Math.max(...retrieved.map((r) => r.score), 1e-9);
  const bySpan = new Map<string, Candidate>();
  for (const r of retrieved) {
    r.passage.sentences.forEach((s, i, all) => {
      // A table's header row ("Recommendation | Expected Impact | Timeline |") names columns and says
      // nothing itself; it is the first row of a run of rows. A row opening the passage is kept: the
      // rows before it are in the previous passage.
      if (i > 0 && isTableRow(s.text) && !isTableRow(all[i - 1]?.text ?? '') && isTableRow(all[i + 1]?.text ?? '')) return;
      const key = `${r.passage.source}#${s.start}`;
      const retrieval = Math.max(0, r.score / maxScore);
      const prev = bySpan.get(key);
      if (prev && prev.retrieval >= retrieval) return;
      bySpan.set(key, { passage: r.passage, sentenceIndex: i, text: s.text, start: s.start, end: s.end, forms: prev?.forms ?? sentenceForms(s.text), retrieval });
    });
  }
  return [...bySpan.values()];
}

/**
 * The offline answerer: picks the retrieved sentences that answer the question and quotes them.
 * No model server; deterministic. Abstains when the retrieved text does not cover the question's
 * key terms, lacks a name the question is about, or lacks the kind of answer asked for.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly #threshold: number;
  readonly #maxSentences: number;
  readonly #rarity: TermRarity;

  constructor(options: ExtractiveAnswererOptions = {}) {
    this.#threshold = options.abstainThreshold ?? DEFAULT_ABSTAIN_THRESHOLD;
    this.#maxSentences = options.maxSentences ?? 4;
    this.#rarity = options.rarity ?? (() => 1);
  }

  async answer(question: string, retrieved: RetrievedPassage[], options: AnswerOptions = {}): Promise<Answer> {
    return Promise.resolve(this.answerSync(question, retrieved, options));
  }

  /** Synchronous core of `answer`, for scripts and tests. */
  answerSync(question: string, retrieved: RetrievedPassage[], options: AnswerOptions = {}): Answer {
    const decision = this.decide(question, retrieved, options);
    const ranked = decision.ranked;
    if (decision.abstain) {
      const closest = ranked.slice(0, 3).map((s, i) => citationFor(i + 1, s.passage, s));
      return noAnswer(question, closest, 'extractive');
    }
    return this.#assemble(question, decision);
  }

  /** Scores every retrieved sentence and decides whether the material answers the question. */
  decide(question: string, retrieved: RetrievedPassage[], options: AnswerOptions = {}): ExtractiveDecision {
    const focus = focusClause(question);
    const type = classifyQuestion(focus);
    const history = options.history ?? [];
    const contextual = history.length > 0 ? contextualizeQuery(focus, history) : focus;
    const carried = contextual.slice(focus.length);
    const terms = questionTerms(focus, carried);
    const cands = candidates(retrieved);
    // "Who is Armenia's foreign minister?" asks for the one holder of a role (see `titleScore`).
    const roleHolder = type === 'who' && SINGULAR_WHO.test(focus);
    if (cands.length === 0 || terms.length === 0) {
      return { type, terms, ranked: [], missingNames: [], unrelatedNames: [], roleHolder, evidence: 0, abstain: true, reason: cands.length === 0 ? 'nothing retrieved' : 'no content words' };
    }

    // Rarer terms carry more evidence: a sentence matching "population" says more than one matching "Azerbaijan".
    const present = terms.map((t) => cands.filter((c) => hasTerm(c.forms, t)).length);
    // Corpus-independent rarity sharpens this for descriptive words; names are rare by nature and set
    // the scene rather than the focus ("Mirzoyan", "Verma" must not drown "project"), so they are only
    // discounted when common ("State", "Minister"). Likewise numbers: a year's vocabulary rank says
    // nothing about how specific it is.
    const rarity = (t: QuestionTerm) => (t.proper || /\d/.test(t.norm) ? Math.min(1, this.#rarity(t.norm)) : this.#rarity(t.norm));
    const weights = terms.map((t, i) => t.weight * rarity(t) * Math.log(1 + (cands.length + 1) / ((present[i] ?? 0) + 1)));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const specific = (t: QuestionTerm) => (t.proper || (!/\d/.test(t.norm) && this.#rarity(t.norm) >= SPECIFIC_RARITY)) && t.weight >= 1;
    // A place also counts as mentioned under its other name: "Washington" by "the United States",
    // "Baku" by "Azerbaijan" (see placeAliases.ts).
    const aliasIn = (text: string, t: QuestionTerm) => t.proper && mentionsAlias(text, t.text);
    const missingNames = terms.filter((t, i) => specific(t) && (present[i] ?? 0) === 0 && !cands.some((c) => aliasIn(c.text, t))).map((t) => t.text);

    const inQuestion = wordForms(contextual);
    // The question's descriptive words ("foreign", "minister", "ceremony"): what it asks about, beyond its names.
    const asked = terms.filter((t) => !t.proper && t.weight >= 1 && !/\d/.test(t.norm) && !LIGHT_VERBS.has(t.lemma));
    // The role's words: its descriptive words, or, when a title is capitalised as a whole ("the
    // Principal Deputy Assistant Secretary for European and Eurasian Affairs"), all of its words.
    const roleWords = asked.length > 0 ? asked : terms.filter((t) => t.weight >= 1 && !/\d/.test(t.norm));
    const names = terms.filter((t) => t.proper && t.weight >= 1);
    const wants = TYPE_WANTS[type];
    // "Which cities did Hooker visit?" is not answered by "Azerbaijan".
    const cityQuestion = wants === 'places' && CITY_QUESTION.test(focus);
    const byPassage = new Map<string, Candidate[]>();
    for (const c of cands) byPassage.set(c.passage.source, [...(byPassage.get(c.passage.source) ?? []), c]);

    const scored = cands.map((c) => {
      const siblings = byPassage.get(c.passage.source) ?? [];
      const neighbours = siblings.filter((s) => s !== c && Math.abs(s.start - c.start) < 600 && s.passage.id === c.passage.id && Math.abs(s.sentenceIndex - c.sentenceIndex) === 1);
      let got = 0;
      terms.forEach((t, i) => {
        const w = weights[i] ?? 0;
        if (hasTerm(c.forms, t)) got += w;
        else if (neighbours.some((n) => hasTerm(n.forms, t))) got += w * 0.4;
      });
      const coverage = got / total;
      const score = coverage + 0.15 * c.retrieval - (looksLikeBoilerplate(c.text) ? 0.15 : 0);
      return { c, coverage, score };
    });

    // Tagging names (compromise, ~2 ms a sentence) is the answerer's main cost, so for "who" and
    // "where" only sentences whose type fit can change the outcome are tagged: those on-topic enough
    // to join an answer (see `#assemble`: at least half the top coverage) and any that the type bonus
    // could still lift into the closest few, which decide the best sentence. Dates and numbers are
    // cheap and are also used further down the ranking (`fitting`, `linkedDate`): all are tagged.
    const third = scored.map((x) => x.score).sort((a, b) => b - a)[CLOSEST - 1] ?? -Infinity;
    const topCoverage = Math.max(...scored.map((x) => x.coverage));
    const mayMatter = (x: (typeof scored)[number]) =>
      wants === 'dates' || wants === 'numbers' || x.coverage >= Math.max(this.#threshold, JOIN_SHARE * topCoverage) || x.score + TYPE_BONUS >= third;
    // A sentence that leaves out one of the question's names and names another of the same kind
    // instead is about something else, and gives no answer: "When were diplomatic relations between
    // the US and Armenia established?" is not answered by "The United States established diplomatic
    // relations with Azerbaijan in 1992". A sentence that only leaves a name out ("The Deputy
    // Secretary's visit began on November 15") still may: articles refer back to people without
    // naming them again.
    const questionNames = names.length > 0 && wants ? sentenceNames(focus) : undefined;
    const kindIn = (found: SentenceNames, t: QuestionTerm) => NAME_KINDS.find((k) => found[k].some((n) => hasTerm(sentenceForms(n), t)));
    // The question alone may not tell ("Hooker" is no name compromise knows); a sentence naming it in
    // full can. Looked up once per name: every sentence checked below asks again.
    const kinds = new Map<QuestionTerm, (typeof NAME_KINDS)[number] | undefined>();
    const kindOf = (t: QuestionTerm) => {
      if (!questionNames) return undefined;
      if (!kinds.has(t)) {
        const mention = cands.find((c) => hasTerm(c.forms, t));
        kinds.set(t, kindIn(questionNames, t) ?? (mention ? kindIn(sentenceNames(mention.text), t) : undefined));
      }
      return kinds.get(t);
    };
    const inQuestionTerms = (name: string) => sentenceForms(name).some((f) => terms.some((t) => termsMatch(f, t)));
    const consistent = (s: Pick<ScoredSentence, 'text'>) => {
      if (!questionNames) return true;
      const forms = sentenceForms(s.text);
      const missing = names.filter((t) => !hasTerm(forms, t) && !aliasIn(s.text, t));
      if (missing.length === 0) return true;
      const own = sentenceNames(s.text);
      return missing.every((t) => {
        const kind = kindOf(t);
        return kind === undefined || own[kind].every(inQuestionTerms);
      });
    };
    const ranked: ScoredSentence[] = scored.map((x) => {
      const { c, coverage } = x;
      let answers: string[] = [];
      if (wants && mayMatter(x)) {
        // The answer must be something the question does not already say ("Who met Hooker?" is not answered by "Hooker").
        // "How soon" / "how long" are answered by durations ("3 months"), which the entity model files as numbers.
        const pool =
          wants === 'dates'
            ? [...entitiesOf(c.text, 'dates'), ...entitiesOf(c.text, 'numbers').filter((n) => /\b(?:days?|weeks?|months?|years?)\b/i.test(n))]
            : entitiesOf(c.text, wants === 'places' && cityQuestion ? 'cities' : wants);
        answers = pool.filter((e) => {
          const forms = sentenceForms(e);
          if (forms.every((f) => f.stop || hasTerm(inQuestion, f))) return false;
          // A person the question names by surname alone ("Who met Bayramov?") is its subject, not an answer.
          const surname = wants === 'people' ? forms.filter((f) => !f.stop).at(-1) : undefined;
          return !(surname && hasTerm(inQuestion, surname));
        });
      }
      // A role's holder is named with the role as a title right before the name ("Azerbaijan's President
      // Ilham Aliyev"); a sentence that does so names the holder, and only that person answers.
      const titled = roleHolder ? bestTitled(c.text, answers, roleWords) : [];
      if (titled.length > 0) answers = titled;
      // People and places are tagged already, so checking the names costs nothing here ("Who visited
      // Armenia in November?" is not answered "Aliyev" from his visit to the United States).
      if (answers.length > 0 && (wants === 'people' || wants === 'places') && !consistent(c)) answers = [];
      const typeFit = wants ? answers.length > 0 : true;
      const score = x.score + (wants && typeFit ? TYPE_BONUS : 0) + (titled.length > 0 ? TYPE_BONUS : 0);
      const namesCovered = names.length > 0 && names.every((t) => hasTerm(c.forms, t));
      return { passage: c.passage, sentenceIndex: c.sentenceIndex, text: c.text, start: c.start, end: c.end, coverage, typeFit, namesCovered, score, answers };
    });
    ranked.sort((a, b) => b.score - a.score || a.start - b.start);

    const best = ranked[0];
    const evidence = best?.coverage ?? 0;
    // A name the question is about must be mentioned by an article that answers, not just by some
    // retrieved text: with a large corpus, "Iran" turns up somewhere (a 1981 address) while the
    // on-topic sentence's article never names it. An article is judged by its retrieved passages
    // and its title.
    const answeringSources = new Set(ranked.filter((s) => s.coverage >= Math.max(this.#threshold, JOIN_SHARE * evidence)).map((s) => s.passage.source));
    const mentions = (source: string, t: QuestionTerm) => {
      const sentences = byPassage.get(source) ?? [];
      const title = sentences[0]?.passage.meta.title;
      return sentences.some((c) => hasTerm(c.forms, t) || aliasIn(c.text, t)) || (title ? hasTerm(sentenceForms(title), t) || aliasIn(title, t) : false);
    };
    const unrelatedNames = names.filter((t) => ![...answeringSources].some((src) => mentions(src, t))).map((t) => t.text);
    // A date or number only answers when it sits in a sentence about the question's subject, not
    // merely near it ("When was Bayramov born?" must not be answered by the meeting's date), and
    // about what is asked of it: a question with descriptive words of its own needs one of them in
    // that sentence, not just its names ("How many people attended the ceremony at the White House?"
    // is not answered by "a cut in the White House staff of 25 percent").
    const aboutAsked = (s: ScoredSentence) => asked.length === 0 || asked.some((t) => hasTerm(sentenceForms(s.text), t));
    const fitting = ranked.filter((s) => s.typeFit && s.coverage >= Math.max(this.#threshold, TYPED_SHARE * evidence) && aboutAsked(s) && consistent(s));
    let abstain = false;
    let reason = 'answered';
    if (missingNames.length > 0) {
      abstain = true;
      reason = `not mentioned: ${missingNames.join(', ')}`;
    } else if (unrelatedNames.length > 0 && evidence >= this.#threshold) {
      abstain = true;
      reason = `not mentioned with the answer: ${unrelatedNames.join(', ')}`;
    } else if (evidence < this.#threshold) {
      abstain = true;
      reason = `weak evidence ${evidence.toFixed(2)} < ${this.#threshold}`;
    }
    let linked: ExtractiveDecision['linked'];
    // "Who is the US ambassador to Azerbaijan?" asks for the holder of a role: like a date or a
    // number, the person must come from a sentence that says the role, not merely one about
    // Azerbaijan that names someone.
    if (!abstain && wants && (type === 'when' || type === 'how-many' || roleHolder) && fitting.length === 0) {
      linked = wants === 'dates' ? linkedDate(ranked, terms, history.length > 0 && isElliptical(focus), Math.max(this.#threshold, LINK_SHARE * evidence), consistent) : undefined;
      if (!linked) {
        abstain = true;
        reason = `no ${wants} in the relevant sentences`;
      }
    }
    return { type, terms, ranked, missingNames, unrelatedNames, roleHolder, evidence, abstain, reason, linked };
  }

  #assemble(question: string, decision: ExtractiveDecision): Answer {
    const { ranked, type, linked } = decision;
    const best = ranked[0];
    if (!best) return noAnswer(question, [], 'extractive');
    const wants = TYPE_WANTS[type];
    if (linked) return this.#cite(question, [linked.dated, linked.via], wants, decision);
    // A single-valued question (when / how many / where) has one answer: further sentences must be
    // about the same thing, i.e. share the question's descriptive words with the best one, not just
    // its names ("When did the US establish diplomatic relations with Azerbaijan?" must not pull in
    // Aliyev's 2025 visit to the United States).
    const single = type === 'when' || type === 'how-many' || type === 'where' || decision.roleHolder;
    const holder = decision.roleHolder && best.typeFit && best.answers.length === 1 ? best.answers[0] : undefined;
    const holderName = holder?.split(/\s+/).at(-1);
    const top = ranked.reduce((a, b) => (b.coverage > a.coverage ? b : a), best);
    const topForms = sentenceForms(top.text);
    const specific = decision.terms.filter((t) => !t.proper && hasTerm(topForms, t));
    const aboutSame = (s: ScoredSentence) => {
      if (specific.length === 0) return true;
      const forms = sentenceForms(s.text);
      return specific.filter((t) => hasTerm(forms, t)).length * 2 > specific.length;
    };
    // Extra sentences must be nearly as on-topic as the most on-topic one; this lets a second article
    // that tells the same story in join the answer, without dragging in loosely related sentences.
    const topCoverage = Math.max(...ranked.map((s) => s.coverage));
    const floor = Math.max(this.#threshold, topCoverage * 0.7);
    const chosen: ScoredSentence[] = [];
    const seenText = new Set<string>();
    for (const s of ranked) {
      if (chosen.length >= this.#maxSentences) break;
      const key = s.text.toLowerCase().replace(/\s+/g, ' ');
      if (seenText.has(key)) continue;
      // Another article about the same named subject that holds the asked-for kind of answer also
      // joins ("Which US officials has Hajiyev met?": each article names its own officials).
      const sameSubject = wants !== undefined && s.typeFit && s.namesCovered && s.coverage >= Math.max(this.#threshold, JOIN_SHARE * topCoverage);
      const strongEnough = s === best || (s.coverage >= floor && s.score >= best.score * 0.6) || sameSubject;
      if (!strongEnough) continue;
      if (wants && chosen.length > 0 && !s.typeFit && chosen.some((c) => c.passage.source === s.passage.source)) continue;
      if (single && chosen.length > 0 && !aboutSame(s)) continue;
      // "Who is the president of Azerbaijan?": once the holder is named, further sentences are about
      // that person ("Aliyev"), not about others near the same title ("Assistant to the President").
      if (holderName && chosen.length > 0 && !s.text.includes(holderName)) continue;
      seenText.add(key);
      chosen.push(s);
    }

    // "When was that?": the sentence about the event may not carry its date while a sentence nearly
    // as relevant does; that one leads, so the short answer has something to say.
    if (wants && !chosen.some((s) => s.typeFit)) {
      const dated = ranked.find((s) => s.typeFit && s.coverage >= Math.max(this.#threshold, JOIN_SHARE * topCoverage));
      if (dated) {
        chosen.unshift(dated);
        if (chosen.length > this.#maxSentences) chosen.pop();
      }
    }
    return this.#cite(question, chosen, wants, decision);
  }

  /** The short answer (if the question asks for a kind of thing) followed by each sentence, cited. */
  #cite(question: string, chosen: ScoredSentence[], wants: keyof SentenceEntities | undefined, decision: ExtractiveDecision): Answer {
    const citations: Citation[] = chosen.map((s, i) => citationFor(i + 1, s.passage, s));
    const parts: string[] = [];
    const lead = this.#shortAnswer(chosen, wants, decision.terms, decision.roleHolder);
    if (lead) parts.push(lead);
    chosen.forEach((s, i) => parts.push(`${s.text} [${i + 1}]`));
    return { kind: 'answered', question, text: parts.join(' '), citations, mode: 'extractive' };
  }

  /** "Sonata Coulter [1]." / "17 May 2024 [1]." — the asked-for item up front, from the cited sentences. */
  #shortAnswer(chosen: ScoredSentence[], wants: keyof SentenceEntities | undefined, terms: QuestionTerm[], oneHolder: boolean): string | null {
    if (!wants) return null;
    const pieces: string[] = [];
    const used = new Set<string>();
    chosen.forEach((s, i) => {
      // Several people can answer "who" (one per article), except "who is the …?"; a date or number comes from the best sentence only.
      if (!s.typeFit || ((wants !== 'people' || oneHolder) && pieces.length > 0)) return;
      const items = (wants === 'people' ? closestPeople(s, terms) : wants === 'dates' ? eventDate(s) : s.answers.slice(0, 1)).filter((e) => !used.has(e.toLowerCase()));
      if (items.length === 0) return;
      items.forEach((e) => used.add(e.toLowerCase()));
      pieces.push(`${joinList(items)} [${i + 1}]`);
    });
    if (pieces.length === 0) return null;
    return `${pieces.join('; ')}.`;
  }
}

/**
 * How many of the role's words the title right before `person` holds: the run of capitalised words
 * (joined by "of", "for", "and", "the", "to", "on") that ends where the name begins. "Armenian
 * Foreign Minister Ararat Mirzoyan" holds "foreign" and "minister"; "Assistant to the President of
 * Azerbaijan Hikmat Hajiyev" has the run "Azerbaijan" only, so none of "president".
 */
function titleScore(text: string, person: string, role: QuestionTerm[]): number {
  const at = text.indexOf(person);
  if (at < 0 || role.length === 0) return 0;
  const title = /((?:[\p{Lu}][\p{L}.’'-]*\s+(?:(?:of|for|and|the|to|on)\s+)*){1,12})$/u.exec(text.slice(Math.max(0, at - 160), at))?.[1];
  if (!title) return 0;
  const forms = wordForms(title);
  return role.filter((t) => forms.some((f) => termsMatch(f, t))).length;
}

/** The people of a sentence best titled by the role (see `titleScore`); empty when none is titled by it. */
function bestTitled(text: string, people: string[], role: QuestionTerm[]): string[] {
  const scores = people.map((p) => titleScore(text, p, role));
  const top = Math.max(0, ...scores);
  return top === 0 ? [] : people.filter((_, i) => scores[i] === top);
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * The people of a sentence that the question describes. "Who is Armenia's foreign minister?"
 * against "Armenian Foreign Minister Ararat Mirzoyan met ... Richard Verma" should name Mirzoyan
 * only: the question's words sit right before (or after) his name. When no name has such a frame,
 * all are kept ("Which US officials has Hajiyev met?" wants every one).
 */
function closestPeople(s: ScoredSentence, terms: QuestionTerm[]): string[] {
  const people = s.answers;
  // Descriptive words only ("foreign", "minister"): the question's own names are its subject, and
  // verbs like "met" sit next to every participant.
  const describing = terms.filter((t) => !t.proper && (t.pos === 'NOUN' || t.pos === 'ADJ'));
  if (people.length < 2 || describing.length === 0) return people;
  const frames = people.map((p) => {
    const at = s.text.indexOf(p);
    if (at < 0) return 0;
    const before = s.text.slice(Math.max(0, at - 60), at);
    const after = s.text.slice(at + p.length, at + p.length + 40);
    const forms = wordForms(`${before} ${after}`);
    return describing.filter((t) => forms.some((f) => termsMatch(f, t))).length;
  });
  const best = Math.max(...frames);
  return best === 0 ? people : people.filter((_, i) => frames[i] === best);
}

/**
 * The date a sentence gives for its event: the first one introduced by a preposition ("on August
 * 7-8, 2025", "in 1992") rather than a dateline or aside ("(APP - 9th Aug, 2025)"); else the first.
 */
function eventDate(s: ScoredSentence): string[] {
  const dates = s.answers;
  const introduced = dates.find((d) => {
    const at = s.text.indexOf(d);
    return at >= 0 && /\b(?:on|in|since|by|until|from|during|at|between)\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, at - 15), at));
  });
  const first = introduced ?? dates[0];
  return first ? [first] : [];
}

/**
 * A dated sentence that answers a when-question on behalf of a nearby undated on-topic sentence of
 * the same passage. Articles often give the date once ("The visit began on November 15") and tell
 * the event later ("During her visit to Armenia, a working group was announced").
 *
 * The link must be real, or "When was Bayramov born?" would get the date of a meeting he attended:
 * - a question with descriptive words of its own ("visit", "begin", "born") needs a dated sentence
 *   containing all of them;
 * - an elliptical follow-up ("When was that?") has none, so the dated sentence must share a
 *   descriptive word (noun or verb, not a name) with the on-topic sentence.
 * The nearest such pair wins.
 */
function linkedDate(
  ranked: ScoredSentence[],
  terms: QuestionTerm[],
  elliptical: boolean,
  minCoverage: number,
  /** Whether a dated sentence is about the question's names (see `consistent` in `decide`). */
  consistent: (s: ScoredSentence) => boolean,
): ExtractiveDecision['linked'] {
  const own = terms.filter((t) => !t.proper && t.weight >= 1);
  if (own.length === 0 && !elliptical) return undefined;
  const onTopic = ranked.filter((s) => s.coverage >= minCoverage && !s.typeFit);
  const dated = ranked.filter((s) => s.typeFit && !looksLikeBoilerplate(s.text) && consistent(s));
  const descriptive = (text: string) => sentenceForms(text).filter((f) => !f.stop && (f.pos === 'NOUN' || f.pos === 'VERB'));
  let best: { dated: ScoredSentence; via: ScoredSentence; distance: number } | undefined;
  for (const d of dated) {
    const dForms = sentenceForms(d.text);
    if (own.length > 0 && !own.every((t) => hasTerm(dForms, t))) continue;
    const dWords = descriptive(d.text);
    for (const v of onTopic) {
      if (v.passage.id !== d.passage.id) continue;
      const distance = Math.abs(v.sentenceIndex - d.sentenceIndex);
      if (distance === 0 || distance > LINK_DISTANCE) continue;
      if (own.length === 0 && !descriptive(v.text).some((w) => hasTerm(dWords, w))) continue;
      if (!best || distance < best.distance) best = { dated: d, via: v, distance };
    }
  }
  return best ? { dated: best.dated, via: best.via } : undefined;
}
