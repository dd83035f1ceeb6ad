/**
 * The evidence a learned model ranks sentences by: one row of named numbers per candidate sentence.
 * Every value is a share, a flag, or a rank or value normalised within the candidate set, never a raw
 * cosine or BM25 score, so a model fitted with one embedder holds when another (MiniLM, USE lite) runs.
 * Pure: everything is passed in, so the rows test with hand-made sentences and no model.
 */
import type { Article, Sentence } from '../corpus/types.js';
import { words } from '../index/tokenize.js';
import { dot, meanUnit } from '../search/vectors.js';
import type { Entity } from './entities.js';
import { answeringEntities, coverage, positionPrior, proximity, quotedMatch, speaksOfFuture } from './features.js';
import type { QuestionAnalysis } from './question.js';
import { chooseSpan } from './span.js';
import type { TermStats } from './term-stats.js';

/** Computed for every candidate sentence (cheap: term sets, ranks, positions). */
export const CHEAP_FEATURES = [
  /** IDF-weighted share of the question's asking terms in the sentence. */
  'lexical',
  /** The same over the sentence and its two neighbours. */
  'window',
  /** The same over the window and the article's title. */
  'context',
  /** Share of the question's two rarest terms in the window: the words that pick the story. */
  'keyTerms',
  /** The better `lexical` of the two neighbours: an answer often follows the sentence that restates the question. */
  'neighbour',
  /** Share of the sentence's own terms the question does not use: an answer brings something new. */
  'novelty',
  /** Share of the question's neighbouring term pairs that stand close, in order, in the sentence. */
  'proximity',
  /** Share of the words the user quoted found together in the sentence. */
  'quoted',
  /** Share of the numbers the question names (years, figures) found in the window; 0 when it names none. */
  'numbers',
  /** Cosine to the question, min-max normalised over the candidates (0 without vectors). */
  'dense',
  /** 1 / (1 + rank) by cosine among the candidates. */
  'denseRank',
  /** Cosine of the sentence and its neighbours (their mean vector) to the question, min-max normalised. */
  'denseWindow',
  /** 1 / (1 + rank) by `lexical` among the candidates. */
  'lexicalRank',
  /** Fused retrieval score of the best passage holding the sentence, over the best candidate's. */
  'passage',
  /** 1 / (1 + retrieval rank of the best passage holding the sentence). */
  'passageRank',
  /** 1 / (1 + rank of the sentence's article among the retrieved articles). */
  'articleRank',
  /** Lead prior: 1 for the first sentence, ½ by the tenth. */
  'lead',
  /** Headings, captions and credit lines. */
  'heading',
  /** Share of a full sentence's length (40 words and more count as 1). */
  'length',
  /** The question's main verb in the sentence (0 when the question has none worth checking). */
  'predicate',
  /** A "what did X do" question whose verb is nowhere in the window. */
  'predicateMissing',
  /** A question about the future answered by a sentence that does not speak of it. */
  'futureMissing',
] as const;

/** Computed for the best few sentences only: they need the entity recogniser. */
export const ENTITY_FEATURES = [
  /** An entity of the asked-for type that the question does not already name. */
  'type',
  /** How close that entity stands to the question's words: 1 adjacent, ½ four words away. */
  'typeCloseness',
  /** The entity is of the exact type asked for (a person for "who"), not just a name the lexicon could not type. */
  'typeExact',
  /** Weighted share of the question's terms within a few words of that entity. */
  'typeContext',
  /** More than one candidate entity of the type: the sentence names several (figures, people), the answer is one of them. */
  'typeMany',
  /** The question asks for a type (a person, a date, a figure) and the sentence has none. */
  'typeMissing',
  /** A "why" question and a sentence giving a reason ("because", "due to", "after"…). */
  'reason',
] as const;

export const SENTENCE_FEATURES = [...CHEAP_FEATURES, ...ENTITY_FEATURES] as const;
export type SentenceFeature = (typeof SENTENCE_FEATURES)[number];
export const FEATURE_INDEX = Object.fromEntries(SENTENCE_FEATURES.map((name, i) => [name, i])) as Record<SentenceFeature, number>;

/** A candidate sentence as retrieval hands it over. */
export interface PoolSentence {
  article: Article;
  sentence: Sentence;
  /** Best fused score of a retrieved passage holding the sentence. */
  passageScore: number;
  /** Best (lowest) 0-based retrieval rank of such a passage. */
  passageRank: number;
  /** 0-based rank of the article among the retrieved articles. */
  articleRank: number;
}

export interface SentenceEvidence extends PoolSentence {
  /** Values in `SENTENCE_FEATURES` order; entity features stay 0 until `addEntityFeatures`. */
  x: Float64Array;
  /** Raw cosine to the question (kept for grouping agreeing sentences; models see only `x`). */
  cosine: number;
  /** Raw cosine of the sentence's window (it and its neighbours) to the question. */
  windowCosine: number;
  vector: Float32Array | undefined;
  /** The answering part, relative to the sentence; set with the entity features. */
  span: { start: number; end: number } | null;
  entitiesChecked: boolean;
}

/** What the features need beyond the question and the pool. */
export interface FeatureSources {
  stats: TermStats;
  queryVector: Float32Array | null;
  sentenceVector(articleId: string, sentenceIndex: number): Float32Array | undefined;
  /** The sentence's analysed terms in order (cached by the caller). */
  terms(article: Article, sentence: Sentence): string[];
}

const FULL_SENTENCE_WORDS = 40;

export function cheapFeatures(question: QuestionAnalysis, pool: readonly PoolSentence[], sources: FeatureSources): SentenceEvidence[] {
  const { stats } = sources;
  const resolved = question.terms.map((t) => stats.resolve(t)).filter((t): t is string => t !== null);
  const predicate = question.predicate ? stats.resolve(question.predicate) : null;
  const setting = new Set(question.setting);
  const asking = setting.size > 0 ? question.terms.filter((t) => !setting.has(t)) : question.terms;
  const key = keyTerms(question.terms, stats);
  const questionTerms = new Set([...question.terms, ...resolved]);
  const numbers = [...question.words].filter((w) => /^\p{N}/u.test(w));
  const maxPassage = Math.max(...pool.map((p) => p.passageScore)) || 1;
  const titleTerms = new Map<string, readonly string[]>();

  const rows = pool.map((item): SentenceEvidence => {
    const { article, sentence } = item;
    const ownTerms = sources.terms(article, sentence);
    const own = new Set(ownTerms);
    const window = new Set(own);
    for (const neighbour of [article.sentences[sentence.index - 1], article.sentences[sentence.index + 1]]) {
      if (neighbour) for (const t of sources.terms(article, neighbour)) window.add(t);
    }
    let title = titleTerms.get(article.id);
    if (!title) {
      title = article.title ? sources.terms(article, { ...sentence, text: article.title, index: -1 }) : [];
      titleTerms.set(article.id, title);
    }
    const context = new Set([...window, ...title]);
    let neighbour = 0;
    for (const other of [article.sentences[sentence.index - 1], article.sentences[sentence.index + 1]]) {
      if (other) neighbour = Math.max(neighbour, coverage(asking, new Set(sources.terms(article, other)), stats));
    }
    const sentenceWords = words(sentence.text);
    const vector = sources.sentenceVector(article.id, sentence.index);
    const x = new Float64Array(SENTENCE_FEATURES.length);
    const set = (name: SentenceFeature, value: number) => (x[FEATURE_INDEX[name]] = value);
    set('lexical', coverage(asking, own, stats));
    set('window', coverage(question.terms, window, stats));
    set('context', coverage(question.terms, context, stats));
    set('keyTerms', key.length ? key.filter((t) => window.has(t)).length / key.length : 0);
    set('neighbour', neighbour);
    set('novelty', ownTerms.length ? ownTerms.filter((t) => !questionTerms.has(t)).length / ownTerms.length : 0);
    set('proximity', proximity(resolved, ownTerms));
    set('quoted', question.quoted.length > 0 ? quotedMatch(question.quoted, sentenceWords) : 0);
    set('numbers', numbers.length ? numbers.filter((n) => window.has(n)).length / numbers.length : 0);
    set('passage', item.passageScore / maxPassage);
    set('passageRank', 1 / (1 + item.passageRank));
    set('articleRank', 1 / (1 + item.articleRank));
    set('lead', positionPrior(sentence.index));
    set('heading', sentence.kind !== 'body' ? 1 : 0);
    set('length', Math.min(1, sentenceWords.length / FULL_SENTENCE_WORDS));
    set('predicate', predicate && own.has(predicate) ? 1 : 0);
    set('predicateMissing', question.type === 'other' && predicate && !window.has(predicate) ? 1 : 0);
    set('futureMissing', question.future && !speaksOfFuture(sentence.text) ? 1 : 0);
    const cosine = vector && sources.queryVector ? dot(vector, sources.queryVector) : 0;
    const windowCosine = sources.queryVector ? windowSimilarity(article, sentence, sources, sources.queryVector) : 0;
    return { ...item, x, cosine, windowCosine, vector, span: null, entitiesChecked: false };
  });

  if (sources.queryVector) {
    normaliseWithin(rows, (r) => r.cosine, 'dense', 'denseRank');
    normaliseWithin(rows, (r) => r.windowCosine, 'denseWindow', null);
  }
  normaliseWithin(rows, (r) => r.x[FEATURE_INDEX.lexical]!, null, 'lexicalRank');
  return rows;
}

/** Fills the entity features and the answering span of one row. */
export function addEntityFeatures(question: QuestionAnalysis, row: SentenceEvidence, entities: readonly Entity[], resolvedTerms: ReadonlySet<string>, stats: TermStats): void {
  const set = (name: SentenceFeature, value: number) => (row.x[FEATURE_INDEX[name]] = value);
  const span = chooseSpan(question, row.sentence.text, entities, resolvedTerms, (t) => stats.idf(t));
  row.span = span;
  row.entitiesChecked = true;
  if (question.type === 'reason') {
    set('reason', span ? 1 : 0);
    return;
  }
  if (question.type === 'other') return;
  const answering = answeringEntities(question, entities);
  const present = answering.length > 0;
  set('type', present ? 1 : 0);
  set('typeExact', answering.some((e) => e.type === question.type || (question.type === 'duration' && e.type === 'duration')) ? 1 : 0);
  set('typeMany', answering.length > 1 ? 1 : 0);
  set('typeMissing', present ? 0 : 1);
  set('typeCloseness', present && span ? 1 / (1 + span.gap / 4) : 0);
  set('typeContext', span ? span.context : 0);
}

/** The question's terms the corpus knows, rarest first, at most two: what names the story ("rightmove", "glazer"). */
function keyTerms(questionTerms: readonly string[], stats: TermStats): string[] {
  const known = [...new Set(questionTerms.map((t) => stats.resolve(t)).filter((t): t is string => t !== null))];
  return known.sort((a, b) => stats.idf(b) - stats.idf(a) || a.localeCompare(b)).slice(0, 2);
}

/** Writes a min-max normalised value and a reciprocal rank (ties share the better rank) of `value` over the rows. */
function normaliseWithin(rows: SentenceEvidence[], value: (r: SentenceEvidence) => number, scaled: SentenceFeature | null, ranked: SentenceFeature | null): void {
  if (rows.length === 0) return;
  const values = rows.map(value);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const sorted = [...values].sort((a, b) => b - a);
  rows.forEach((row, i) => {
    const v = values[i]!;
    if (scaled) row.x[FEATURE_INDEX[scaled]] = max - min > 1e-9 ? (v - min) / (max - min) : 1;
    if (ranked) row.x[FEATURE_INDEX[ranked]] = 1 / (1 + sorted.indexOf(v));
  });
}

/** Cosine of the mean of a sentence's and its neighbours' vectors to the question (0 without vectors). */
function windowSimilarity(article: Article, sentence: Sentence, sources: FeatureSources, query: Float32Array): number {
  const vectors: Float32Array[] = [];
  for (let i = sentence.index - 1; i <= sentence.index + 1; i++) {
    const v = i >= 0 && i < article.sentences.length ? sources.sentenceVector(article.id, i) : undefined;
    if (v) vectors.push(v);
  }
  const mean = meanUnit(vectors);
  return mean ? dot(mean, query) : 0;
}
