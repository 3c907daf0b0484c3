import type { Answer } from './Answer.js';
import type { Answerer, AnswerOptions } from './Answerer.js';
import type { RetrievedPassage } from '../retrieval/RetrievedPassage.js';
import { ANSWER_MODEL, ANSWER_PARAMS, type AnswerParams } from './AnswerParams.js';
import { assembleAnswer } from './assembleAnswer.js';
import type { ArticleContext, EvidenceSentence } from './evidence/EvidenceSentence.js';
import { gatherSentences } from './evidence/gatherSentences.js';
import { questionGiven } from './evidence/candidateRules.js';
import type { Lexicon } from './lexicon/Lexicon.js';
import type { WordSimilarity } from './lexicon/WordSimilarity.js';
import { analyzeQuestion } from './question/analyzeQuestion.js';
import { carryOver } from './question/carryOver.js';
import type { AskedPart, QuestionAnalysis, QuestionTerm } from './question/QuestionAnalysis.js';
import { wordForms } from './wordForms.js';
import type { AnswerModel } from './scoring/AnswerModel.js';
import { assessPart, type AssessTools } from './scoring/assessEvidence.js';
import type { SentenceAssessment } from './scoring/SentenceAssessment.js';
import type { TermRarity } from './termRarity.js';
import { behindNext, mentionKey, takenAnswer } from './distinctAnswers.js';
import { sharperDate, type ShortPick } from './sharperDate.js';

export interface ExtractiveAnswererOptions {
  /** Corpus-independent specificity of a word (see `rarityFromVocabulary`): rare words weigh more. */
  rarity?: TermRarity | undefined;
  /** Word-vector similarity (weak evidence that two words are about the same thing). */
  similarity?: WordSimilarity | undefined;
  /** WordNet: synonyms and derived forms, and what kind of thing a noun names. */
  lexicon?: Lexicon | undefined;
  /** A sentence embedding (unit length) for comparing sentences with the question as a whole; may return a shared vector, which is only read. */
  embed?: ((text: string) => Float32Array) | undefined;
  /** The fitted model; the shipped one by default. */
  model?: AnswerModel | undefined;
  /** Overrides of {@link ANSWER_PARAMS} (the fitting script and tests). */
  params?: Partial<AnswerParams> | undefined;
}

/** The verdict on one part of the question. */
export interface PartDecision {
  part: AskedPart;
  /** Every sentence's assessment for this part, best first. */
  ranked: SentenceAssessment[];
  /** Whether the best sentence is likely enough to state the answer. */
  answered: boolean;
  /** The short answer(s) when sure enough, with the sentence each comes from. */
  short: ShortPick[];
  /** The sentence whose best candidate an earlier part already took (see {@link takenAnswer}): it answers that part, not this one. */
  taken?: SentenceAssessment | undefined;
}

/** Everything the answerer decided, for assembling the answer, for fitting and for debugging. */
export interface AnswerDecision {
  analysis: QuestionAnalysis;
  parts: PartDecision[];
  params: Readonly<AnswerParams>;
}

/** Articles as far as the retrieved passages show them, when the engine gives no better view. */
function retrievedArticles(retrieved: readonly RetrievedPassage[]): (source: string) => ArticleContext {
  const bySource = new Map<string, ArticleContext>();
  for (const r of retrieved) {
    const prev = bySource.get(r.passage.source);
    bySource.set(r.passage.source, {
      text: `${prev?.text ?? ''}\n${r.passage.text}`,
      title: r.passage.meta.title,
      date: r.passage.meta.date,
      datelineDay: r.passage.meta.datelineDay,
      datelinePlace: r.passage.meta.datelinePlace,
    });
  }
  return (source) => bySource.get(source) ?? { text: '', title: null, date: null };
}

/**
 * The offline answerer. It analyses the question (type, names, relation, constraints, parts),
 * scores every retrieved sentence and every typed candidate in it with named features weighted by
 * a model fitted on development corpora, and decides per part: a short answer when sure, the best
 * supporting sentence when less sure, "not in the articles" when no sentence states the answer.
 * No model server; deterministic.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly #params: Readonly<AnswerParams>;
  readonly #model: AnswerModel;
  readonly #rarity: TermRarity;
  readonly #similarity: WordSimilarity | undefined;
  readonly #lexicon: Lexicon | undefined;
  readonly #embed: ((text: string) => Float32Array) | undefined;

  constructor(options: ExtractiveAnswererOptions = {}) {
    this.#model = options.model ?? ANSWER_MODEL;
    this.#params = Object.freeze({
      ...ANSWER_PARAMS,
      ...(options.model ? { answerThreshold: options.model.thresholds.answer, shortThreshold: options.model.thresholds.short } : {}),
      ...options.params,
    });
    this.#rarity = options.rarity ?? (() => 1);
    this.#similarity = options.similarity;
    this.#lexicon = options.lexicon;
    this.#embed = options.embed;
  }

  get params(): Readonly<AnswerParams> {
    return this.#params;
  }

  /** Analyses a question as this answerer does (with its lexicon), e.g. for the engine to retrieve with. */
  analyze(question: string): Promise<QuestionAnalysis> {
    return analyzeQuestion(question, this.#lexicon);
  }

  async answer(question: string, retrieved: RetrievedPassage[], options: AnswerOptions = {}): Promise<Answer> {
    return assembleAnswer(question, await this.decide(question, retrieved, options));
  }

  /**
   * Searches a part about an earlier part's answer needs ("how many votes had she received" once
   * the first part names Julia Roe): the part's words with the answer's name.
   */
  async followUpQueries(question: string, retrieved: RetrievedPassage[], options: AnswerOptions = {}): Promise<string[]> {
    const analysis = options.analysis ?? (await this.analyze(question));
    if (!analysis.parts.some((p) => p.answerOf !== undefined)) return [];
    const decision = await this.decide(question, retrieved, { ...options, analysis });
    return decision.parts.flatMap((d, i) => {
      const asked = analysis.parts[i];
      if (asked?.answerOf === undefined || d.part.subject === asked.subject) return [];
      return [`${d.part.text} ${d.part.subject.map((t) => t.text).join(' ')}`];
    });
  }

  /** Scores the evidence for every part of the question and decides each. */
  async decide(question: string, retrieved: readonly RetrievedPassage[], options: AnswerOptions = {}): Promise<AnswerDecision> {
    let analysis = options.analysis ?? (await this.analyze(question));
    const last = options.history?.at(-1);
    if (last) analysis = carryOver(analysis, await this.analyze(last.question), last);
    const sentences = gatherSentences(retrieved);
    const fallback = retrievedArticles(retrieved);
    const articleOf = (s: EvidenceSentence): ArticleContext => options.article?.(s.passage.source) ?? fallback(s.passage.source);
    const tools: AssessTools = {
      model: this.#model,
      rarity: this.#rarity,
      similarity: this.#similarity,
      ...(await this.#unitKinds(sentences)),
      embed: this.#embed,
    };
    const given = questionGiven(analysis);
    const parts: PartDecision[] = [];
    for (const asked of analysis.parts) {
      const part = asked.answerOf === undefined ? asked : aboutAnswer(asked, parts[asked.answerOf]);
      const ranked = assessPart(part, sentences, articleOf, given, tools);
      const taken = takenAnswer(ranked[0], parts, this.#params);
      parts.push(decidePart(part, taken ? behindNext(ranked, taken) : ranked, this.#params, taken));
    }
    return { analysis, parts, params: this.#params };
  }

  /**
   * Which nouns after numbers name people ("26 tourists") and which name something else WordNet
   * knows ("two countries"), looked up once per answer.
   */
  async #unitKinds(sentences: readonly EvidenceSentence[]): Promise<Pick<AssessTools, 'unitIsPerson' | 'unitIsOther'>> {
    const lexicon = this.#lexicon;
    if (!lexicon) return { unitIsPerson: () => false };
    const nouns = new Set<string>();
    for (const s of sentences) {
      s.tokens.forEach((t, i) => {
        if (t.pos === 'NOUN' && s.tokens[i - 1]?.pos === 'NUM') nouns.add(t.lemma);
      });
    }
    const people = new Set<string>();
    const others = new Set<string>();
    await Promise.all(
      [...nouns].map(async (n) => {
        const category = await lexicon.nounCategory(n);
        if (category === 'person') people.add(n);
        else if (category !== undefined) others.add(n);
      }),
    );
    return { unitIsPerson: (lemma) => people.has(lemma), unitIsOther: (lemma) => others.has(lemma) };
  }
}

/**
 * A part whose pronoun stands for an earlier part's answer, about that answer: the person the
 * earlier part's best sentence names becomes its subject and the name an answering article must
 * mention (the names it carried over stay when the earlier part found no one).
 */
function aboutAnswer(part: AskedPart, earlier: PartDecision | undefined): AskedPart {
  const best = earlier?.answered ? (earlier.short[0]?.candidate ?? earlier.ranked[0]?.candidates[0]) : undefined;
  if (!best) return part;
  const subject = wordForms(best.candidate.text)
    .filter((f) => /^\p{Lu}/u.test(f.text))
    .map((f): QuestionTerm => ({ ...f, role: 'subject', related: new Set(), broader: new Set() }));
  // The names carried from the first part are not this part's: Julia Roe's own election may be told without them.
  return subject.length > 0 ? { ...part, subject, names: [best.candidate.text] } : part;
}

/**
 * Decides one part from its ranked sentences: answered when the best sentence is likely enough; a
 * short answer when a candidate from one of the best few sentences is likely enough ("which two
 * officers": both, or none). A mention an earlier part took (`taken`, see {@link takenAnswer}) is
 * no short answer for this one.
 */
export function decidePart(part: AskedPart, ranked: SentenceAssessment[], params: Readonly<AnswerParams>, taken?: string): PartDecision {
  const best = ranked[0];
  const answered = best !== undefined && best.p >= params.answerThreshold;
  const short: PartDecision['short'] = [];
  if (answered) {
    // The short answer comes from a sentence that is itself likely to answer: the best few.
    const pool = ranked.filter((s) => s.p >= params.answerThreshold).slice(0, 3);
    const scored = pool.flatMap((sentence) => sentence.candidates.filter((c) => mentionKey(sentence, c) !== taken).map((candidate) => ({ candidate, sentence })));
    scored.sort((a, b) => b.candidate.p - a.candidate.p);
    const want = Math.max(1, part.expected ?? 1);
    for (const c of scored) {
      if (short.length >= want || c.candidate.p < params.shortThreshold) break;
      if (short.some((s) => s.candidate.candidate.text.toLowerCase() === c.candidate.candidate.text.toLowerCase())) continue;
      short.push(c);
    }
    if (short.length < want && want > 1) short.length = 0; // "which two officers": both or none
    // "April 2024" gives way to the day in April another answering sentence tells.
    const only = short.length === 1 ? short[0] : undefined;
    if (part.type === 'date' && only) short[0] = sharperDate(only, ranked, params.answerThreshold) ?? only;
  }
  const takenSentence = taken === undefined ? undefined : ranked.find((s) => s.candidates[0] !== undefined && mentionKey(s, s.candidates[0]) === taken);
  return { part, ranked, answered, short, taken: takenSentence };
}
