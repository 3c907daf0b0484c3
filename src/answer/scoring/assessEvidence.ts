import { rejectingRule, type QuestionGiven } from '../evidence/candidateRules.js';
import type { ArticleContext, EvidenceSentence, Token } from '../evidence/EvidenceSentence.js';
import { extractCandidates } from '../evidence/extractCandidates.js';
import { clauseStarts } from '../evidence/clauses.js';
import { matchTerm, type TermMatch } from '../evidence/matchTerms.js';
import type { WordSimilarity } from '../lexicon/WordSimilarity.js';
import { mentionsAlias } from '../placeAliases.js';
import { articleMentionsName, mentionsName } from '../evidence/mentionsName.js';
import { rejectingSentenceRule } from './sentenceRules.js';
import type { AskedPart, QuestionTerm } from '../question/QuestionAnalysis.js';
import type { TermRarity } from '../termRarity.js';
import { logit, sigmoid, type AnswerModel } from './AnswerModel.js';
import { localCandidateFeatures } from './candidateFeatures.js';
import { checkConstraints } from './checkConstraints.js';
import type { CandidateAssessment, SentenceAssessment } from './SentenceAssessment.js';
import { sentenceFeatureValues } from './sentenceFeatures.js';
import { articleWordList, hasPrefix } from '../evidence/articleWords.js';
import { WeakKeyedMemo } from '../../util/WeakKeyedMemo.js';
import { escapeRegExp } from '../../util/escapeRegExp.js';

/** What assessing needs besides the evidence: word knowledge and the fitted model. */
export interface AssessTools {
  model: AnswerModel;
  rarity: TermRarity;
  similarity: WordSimilarity | undefined;
  /** Whether a noun names people ("tourists", "civilians"), pre-resolved from WordNet. */
  unitIsPerson: (lemma: string) => boolean;
  /** Whether a noun names something WordNet knows that is not people ("countries", "homes"), pre-resolved. */
  unitIsOther?: (lemma: string) => boolean;
  /** Sentence embeddings (unit length), to compare each sentence with the part as a whole. */
  embed: ((text: string) => Float32Array) | undefined;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** A carried-over word counts this much of a word of the part itself. */
const CONTEXT_WEIGHT = 0.35;
/** Rarity multipliers are kept in this range, so one odd word cannot decide alone. */
const RARITY_RANGE: readonly [number, number] = [0.3, 3];

function termWeight(t: QuestionTerm, rarity: TermRarity): number {
  const r = Math.min(RARITY_RANGE[1], Math.max(RARITY_RANGE[0], rarity(t.norm)));
  return r * (t.role === 'context' ? CONTEXT_WEIGHT : 1);
}

/** Weighted share of the relation words (or their related words) found anywhere in the article. */
function articleCoverage(part: AskedPart, weights: number[], article: ArticleContext, rarity: TermRarity): ArticleCoverage {
  const words = articleWordList(article);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const found = part.relation.map((t) => {
    const forms = [t.stem, t.lemma, t.norm, ...[...t.related].filter((r) => !r.includes(' '))].filter((f) => f.length >= 3);
    return forms.some((f) => hasPrefix(words, f));
  });
  const coverage = weights.reduce((s, w, i) => s + (found[i] ? w : 0), 0) / total;
  const at = part.predicate ? part.relation.findIndex((t) => t.stem === part.predicate?.stem) : -1;
  // A compound ("non-binding", "pre-emptively") is rare as written but made of common parts.
  const compound = (t: QuestionTerm) => /-/.test(t.text) || /^(?:non|pre|post|anti|counter|co|ex|self|multi|cross|over|under|re|semi|sub|inter|trans)[a-z]{3,}/.test(t.norm);
  const rareMissing = part.relation.filter((t, i) => !found[i] && t.role === 'relation' && !compound(t) && rarity(t.norm) >= RARE_WORD).map((t) => t.text);
  const missing = part.relation.filter((t, i) => !found[i] && t.role === 'relation').map((t) => t.stem);
  return { coverage: part.relation.length === 0 ? 1 : coverage, predicate: at < 0 || found[at] === true, rareMissing, missing };
}

/** What the sentence's whole article says of the part's relation words. */
export interface ArticleCoverage {
  /** Weighted share of them it uses (or a related word). */
  coverage: number;
  /** Whether it uses the predicate. */
  predicate: boolean;
  /** Words of the question as specific as names ("lavash", "hypersonic") that it never uses. */
  rareMissing: string[];
  /** Stems of the part's own relation words it never uses, in any form or related word. */
  missing: string[];
}

/**
 * A word at least this rare (`TermRarity`: about outside the 65,000 commonest words, like
 * "lavash" or "hypersonic") is as specific as a name: an article without it is about something else.
 */
const RARE_WORD = 3;

/**
 * Verdicts of {@link inArticle} per article and subject word: every retrieved sentence of an article
 * lacking the word asks again, and each asking scanned the whole article.
 */
const subjectVerdicts = new WeakKeyedMemo<ArticleContext, boolean>(1024);

/** Whether the article (its text or title) names the subject word, under any of its names. */
function inArticle(t: QuestionTerm, article: ArticleContext): boolean {
  return subjectVerdicts.get(article, `${t.norm}\u0000${t.text}`, () => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t.norm)}`, 'iu');
    return re.test(article.text) || (article.title !== null && re.test(article.title)) || mentionsAlias(article.text, t.text);
  });
}

function strictScore(m: TermMatch | undefined): number {
  return m && (m.level === 'exact' || m.level === 'related') ? m.score : 0;
}

/** Weighted share of the relation words found in the sentences around `s` (their matches already computed). */
function neighbourCoverage(s: EvidenceSentence, weights: number[], matchesOf: (s: EvidenceSentence) => TermMatch[] | undefined): number {
  const around = [s.previous, s.next].flatMap((x) => (x ? [matchesOf(x) ?? []] : []));
  if (around.length === 0 || weights.length === 0) return 0;
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.reduce((got, w, i) => got + w * Math.max(...around.map((m) => strictScore(m[i]))), 0) / total;
}


/** Assesses every sentence for one part of the question: matches, constraints, candidates, and the model's verdict. */
export function assessPart(
  part: AskedPart,
  sentences: readonly EvidenceSentence[],
  articleOf: (s: EvidenceSentence) => ArticleContext,
  given: QuestionGiven,
  tools: AssessTools,
): SentenceAssessment[] {
  const weights = part.relation.map((t) => termWeight(t, tools.rarity));
  const inArticles = new Map<string, ArticleCoverage>();
  const missing = new Map<string, string[]>();
  const missingNames = (source: string, article: ArticleContext): string[] => {
    let names = missing.get(source);
    if (!names) {
      names = part.names.filter((n) => !articleMentionsName(n, article));
      missing.set(source, names);
    }
    return names;
  };
  // Whole-sentence similarity to the part, relative to the most similar sentence: averaged word
  // vectors put a topic's sentences close together, so the ranking matters more than the value.
  const query = tools.embed?.([part.text, ...part.subject.map((t) => t.text)].join(' '));
  const cosines = sentences.map((s) => (query && tools.embed ? dot(query, tools.embed(s.text)) : 0));
  const top = Math.max(...cosines, 1e-6);
  const low = Math.min(...cosines);
  const similarity = tools.similarity;
  const matches = sentences.map((s) => part.relation.map((t) => matchTerm(t, s.tokens, s.text, similarity)));
  const matchIndex = new Map(sentences.map((s, i) => [s, matches[i]]));
  // Local specificity: a word most retrieved sentences share ("outage" in a corpus about an outage)
  // says less about which one answers than a word few of them have.
  const df = part.relation.map((_, i) => matches.filter((m) => strictScore(m[i]) > 0).length);
  const localWeights = df.map((d, i) => (weights[i] ?? 0) * Math.log(1 + (sentences.length + 1) / (d + 1)));
  const out = sentences.map((sentence, index) => {
    const article = articleOf(sentence);
    const { tokens, text } = sentence;
    const relation = matches[index] ?? [];
    const subject = part.subject.map((t) => matchTerm(t, tokens, text));
    const head = part.head.map((t) => matchTerm(t, tokens, text, similarity));
    const predicateIndex = part.predicate ? part.relation.findIndex((t) => t.stem === part.predicate?.stem) : -1;
    const predicate = predicateIndex >= 0 ? relation[predicateIndex] : undefined;
    const anchors = relation
      .filter((m) => m.level === 'exact' || m.level === 'related')
      .map((m) => m.token)
      .filter((t): t is Token => t !== undefined);
    const constraints = checkConstraints(part.constraints, sentence, article, part.type === 'reason');
    const clauses = clauseStarts(text);
    const candidates: CandidateAssessment[] = extractCandidates(text, tokens, part.type)
      .filter((candidate) => !rejectingRule({ candidate, text, tokens, part, given, ...(tools.unitIsOther ? { unitIsOther: tools.unitIsOther } : {}) }))
      .map((candidate) => ({
        candidate,
        features: localCandidateFeatures({ candidate, part, text, tokens, anchors, predicate: predicate && (predicate.level === 'exact' || predicate.level === 'related') ? predicate.token : undefined, clauses, head, unitIsPerson: tools.unitIsPerson, similarity: tools.similarity }),
        p: 0,
      }));
    const assessment: SentenceAssessment = {
      sentence,
      part,
      article,
      relation,
      relationWeights: weights,
      localWeights,
      subject,
      subjectInArticle: part.subject.map((t, i) => (subject[i]?.level ?? 'none') !== 'none' || inArticle(t, article)),
      head,
      predicate,
      neighbourCoverage: neighbourCoverage(sentence, weights, (x) => matchIndex.get(x)),
      constraints,
      namesMissing: missingNames(sentence.passage.source, article),
      namesNearby: namesNearby(part, sentence, article),
      similarity: top > low ? ((cosines[index] ?? 0) - low) / (top - low) : 0,
      inArticle: inArticles.get(sentence.passage.source) ?? (inArticles.set(sentence.passage.source, articleCoverage(part, weights, article, tools.rarity)).get(sentence.passage.source) as ArticleCoverage),
      rejectedBy: undefined,
      candidates,
      features: {},
      p: 0,
    };
    assessment.features = sentenceFeatureValues(assessment);
    assessment.rejectedBy = rejectingSentenceRule(assessment)?.name;
    assessment.p = probability(assessment, tools.model);
    return assessment;
  });
  scoreCandidates(out, tools.model);
  return out.sort((a, b) => b.p - a.p || b.sentence.retrieval - a.sentence.retrieval || a.sentence.start - b.sentence.start);
}

/** The model's probability that the sentence answers its part; 0 when a sentence rule rules it out. */
function probability(a: SentenceAssessment, model: AnswerModel): number {
  return a.rejectedBy ? 0 : sigmoid(logit(model.sentence, a.features));
}

/** How many sentences either side still count as near a sentence (a fact and the name it is about). */
const NEAR_SENTENCES = 2;
/** A name mentioned this often in an article is what the article is about: near every sentence of it. */
const MAIN_SUBJECT_MENTIONS = 3;

/** Share of the part's names within two sentences of `s`, in the article's title, or the article's main subject. */
function namesNearby(part: AskedPart, s: EvidenceSentence, article: ArticleContext): number {
  if (part.names.length === 0) return 1;
  const around: string[] = [s.text, article.title ?? ''];
  let previous = s.previous;
  let next = s.next;
  for (let i = 0; i < NEAR_SENTENCES; i++) {
    if (previous) around.push(previous.text);
    if (next) around.push(next.text);
    previous = previous?.previous;
    next = next?.next;
  }
  const text = around.join('\n');
  const mentions = (name: string) => mentionCount(article, name.split(/\s+/).at(-1) ?? name);
  // The article-wide count first: it is remembered per article, and often settles it.
  return part.names.filter((n) => mentions(n) >= MAIN_SUBJECT_MENTIONS || mentionsName(n, text)).length / part.names.length;
}

/** How often each article mentions a word (a surname), counted once per article and word. */
const mentionCounts = new WeakKeyedMemo<ArticleContext, number>(1024);

function mentionCount(article: ArticleContext, word: string): number {
  return mentionCounts.get(article, word, () => (article.text.match(new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}`, 'giu')) ?? []).length);
}

/** A candidate's text, compared across articles. */
function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Re-scores assessments under another model (the fitting script tries weights without re-reading
 * the evidence): sentence probabilities, then the candidates' evidence-wide features and theirs.
 */
export function rescore(assessments: SentenceAssessment[], model: AnswerModel): SentenceAssessment[] {
  for (const a of assessments) a.p = probability(a, model);
  scoreCandidates(assessments, model);
  return assessments.sort((a, b) => b.p - a.p || b.sentence.retrieval - a.sentence.retrieval || a.sentence.start - b.sentence.start);
}

/** Adds the features that need all the evidence, then each candidate's probability. */
function scoreCandidates(assessments: SentenceAssessment[], model: AnswerModel): void {
  const supporting = assessments.filter((a) => a.p >= 0.2);
  // Each supporting sentence's candidate keys, computed once: every candidate of every sentence
  // looks for its own among them.
  const keysOf = new Map(supporting.map((o) => [o, new Set(o.candidates.map((x) => key(x.candidate.text)))]));
  for (const a of assessments) {
    const z = Math.max(-6, Math.min(6, Math.log(Math.max(a.p, 1e-6) / Math.max(1 - a.p, 1e-6))));
    for (const c of a.candidates) {
      const k = key(c.candidate.text);
      const others = new Set(
        supporting.filter((o) => o.sentence.passage.source !== a.sentence.passage.source && keysOf.get(o)?.has(k) === true).map((o) => o.sentence.passage.source),
      );
      c.features = { ...c.features, sentence: z / 6, agreement: Math.min(1, others.size / 2), crowded: 1 - 1 / a.candidates.length };
      c.p = sigmoid(logit(model.candidate, c.features));
    }
    a.candidates.sort((x, y) => y.p - x.p || x.candidate.start - y.candidate.start);
  }
}
