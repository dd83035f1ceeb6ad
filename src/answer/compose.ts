/**
 * From retrieved passages to an answer: every sentence of the candidate passages is scored, the
 * best 1–3 become quotes with their answering span, agreeing sentences from other articles are
 * grouped, and a confidence below the threshold turns the result into not_found with the nearest
 * passages shown instead.
 */
import type { Article, Sentence } from '../corpus/types.js';
import type { Candidate } from '../search/retrieve.js';
import { dot } from '../search/vectors.js';
import type { AskResult, Quote } from './types.js';
import type { QuestionAnalysis } from './question.js';
import type { Entity } from './entities.js';
import type { TermStats } from './term-stats.js';
import { answeringEntities, coverage, positionPrior, proximity, quotedMatch, speaksOfFuture, unknownShare } from './features.js';
import { words } from '../index/tokenize.js';
import { chooseSpan } from './span.js';
import { agrees } from './group.js';
import { quoteOf } from './cite.js';
import { publisherSpan } from './publisher.js';
import { DEFAULT_WEIGHTS, scoreSentence, type ScoredFeatures, type ScoreWeights } from './score.js';
import { confidenceFeatures, confidenceOf } from './confidence.js';

export interface AnswerContext {
  stats: TermStats;
  queryVector: Float32Array | null;
  sentenceVector(articleId: string, sentenceIndex: number): Float32Array | undefined;
  entities(article: Article, sentence: Sentence): Entity[];
  /** The sentence's analysed terms in order (cached by the caller). */
  terms(article: Article, sentence: Sentence): string[];
  threshold: number;
  weights?: ScoreWeights;
}

export interface Scored {
  article: Article;
  sentence: Sentence;
  features: ScoredFeatures;
  score: number;
  span: { start: number; end: number } | null;
  vector: Float32Array | undefined;
}

/** Sentences re-scored with entities (the costly feature): the best by the cheap features only. */
const ENTITY_POOL = 12;
const NEAREST = 3;
const MORE = 5;
/** Share of the best score a further answer needs: list questions want several, factoids only near ties. */
const LIST_FLOOR = 0.75;
const TIE_FLOOR = 0.95;
/** Share of the best score a sentence needs to be grouped under an answer it agrees with. */
const GROUP_FLOOR = 0.5;

export type ComposedAnswer = Pick<AskResult, 'status' | 'confidence' | 'answers' | 'nearest' | 'more' | 'reason'> & {
  /** What the confidence was computed from (shown in the trace). */
  evidence: Record<string, number> | null;
};

export function composeAnswer(question: QuestionAnalysis, candidates: readonly Candidate[], context: AnswerContext, maxAnswers = 3): ComposedAnswer {
  const weights = context.weights ?? DEFAULT_WEIGHTS;
  const ranked = rankSentences(question, candidates, context);
  if (ranked.length === 0) return { status: 'not_found', confidence: 0, answers: [], nearest: [], more: [], reason: 'no-candidates', evidence: null };

  const best = ranked[0]!;
  const confidence = confidenceOf(best.features);
  const evidence = Object.fromEntries(Object.entries(confidenceFeatures(best.features)).map(([k, v]) => [k, round(v)]));
  const toQuote = (s: Scored): Quote => quoteOf(s.article, s.sentence, s.score, s.span);
  // Nearest passages are context, not answers: no span is marked in them.
  const toNearest = (s: Scored): Quote => quoteOf(s.article, s.sentence, s.score, null);

  if (confidence < context.threshold) {
    return { status: 'not_found', confidence: round(confidence), answers: [], nearest: ranked.slice(0, NEAREST).map(toNearest), more: [], reason: 'below-threshold', evidence };
  }

  const picked = pickAnswers(ranked, question.list ? 3 : maxAnswers, question.list);
  const answers = picked.map((group) => ({ ...toQuote(group.lead), alsoReportedBy: group.others.map((o) => toQuote(o).citation) }));
  const used = new Set(picked.flatMap((g) => [g.lead, ...g.others]));
  const rest = ranked.filter((s) => !used.has(s));
  return {
    status: 'answered',
    confidence: round(confidence),
    answers: answers.slice(0, Math.max(1, maxAnswers)),
    nearest: rest.slice(0, NEAREST).map(toNearest),
    more: rest.filter((s) => s.score >= best.score * 0.5).slice(0, MORE).map(toQuote),
    evidence,
  };
}

/** Every sentence of the candidate passages, scored and ranked best first (spans chosen for the best few). */
export function rankSentences(question: QuestionAnalysis, candidates: readonly Candidate[], context: AnswerContext): Scored[] {
  const weights = context.weights ?? DEFAULT_WEIGHTS;
  const pool = sentencePool(candidates);
  if (pool.length === 0) return [];

  const resolved = question.terms.map((t) => context.stats.resolve(t)).filter((t): t is string => t !== null);
  const resolvedSet = new Set(resolved);
  const unknown = unknownShare(question.terms, context.stats);
  const maxPassage = Math.max(...pool.map((p) => p.passageScore)) || 1;
  const predicate = question.predicate ? context.stats.resolve(question.predicate) : null;
  // The occasion ("when Putin visited in May 2024") is matched around the sentence; the sentence must answer the rest.
  const setting = new Set(question.setting);
  const asking = setting.size > 0 ? question.terms.filter((t) => !setting.has(t)) : question.terms;

  const scored: Scored[] = pool.map(({ article, sentence, passageScore }) => {
    const ownTerms = context.terms(article, sentence);
    const own = new Set(ownTerms);
    const window = new Set(own);
    for (const neighbour of [article.sentences[sentence.index - 1], article.sentences[sentence.index + 1]]) {
      if (neighbour) for (const t of context.terms(article, neighbour)) window.add(t);
    }
    const title = new Set(window);
    for (const t of article.title ? context.terms(article, { ...sentence, text: article.title, index: -1 }) : []) title.add(t);
    const vector = context.sentenceVector(article.id, sentence.index);
    const features: ScoredFeatures = {
      lexical: coverage(asking, own, context.stats),
      context: coverage(question.terms, title, context.stats),
      proximity: proximity(resolved, ownTerms),
      quoted: question.quoted.length > 0 ? quotedMatch(question.quoted, words(sentence.text)) : 0,
      dense: vector && context.queryVector ? dot(vector, context.queryVector) : 0,
      passage: passageScore / maxPassage,
      position: positionPrior(sentence.index),
      heading: sentence.kind !== 'body',
      type: question.type === 'other' || question.type === 'reason' ? null : 0,
      spanGap: null,
      future: null,
      predicate: predicate ? own.has(predicate) : null,
      predicateRequired: question.type === 'other',
      unknown,
    };
    return { article, sentence, features, score: scoreSentence(features, weights), span: null, vector };
  });
  scored.sort((a, b) => b.score - a.score);

  for (const item of scored.slice(0, ENTITY_POOL)) {
    const entities = context.entities(item.article, item.sentence);
    if (item.features.type !== null) item.features.type = answeringEntities(question, entities).length > 0 ? 1 : 0;
    if (question.future) item.features.future = speaksOfFuture(item.sentence.text);
    const span = chooseSpan(question, item.sentence.text, entities, resolvedSet);
    item.span = span;
    item.features.spanGap = span && question.type !== 'reason' ? span.gap : null;
    item.score = scoreSentence(item.features, weights);
  }
  const ranked = [...scored.slice(0, ENTITY_POOL)].sort((a, b) => b.score - a.score).concat(scored.slice(ENTITY_POOL));
  if (question.asksPublisher) promotePublisherLine(ranked);
  return ranked;
}

/**
 * "Which outlet published the story where…": the story is found like any answer, and the quote
 * is the line of that article that names its publisher (a credit line or "– CNN"), which takes
 * the best sentence's place and score.
 */
function promotePublisherLine(ranked: Scored[]): void {
  const best = ranked[0];
  if (!best?.article.publisher) return;
  const found = publisherSpan(best.article);
  if (!found) return;
  const existing = ranked.findIndex((s) => s.article === best.article && s.sentence.index === found.sentence.index);
  const item: Scored = existing >= 0 ? ranked.splice(existing, 1)[0]! : { ...best, sentence: found.sentence, vector: undefined };
  ranked.unshift({ ...item, features: { ...best.features, heading: false }, score: best.score, span: found.span });
}

/**
 * The best sentence, then (for list questions, or a near tie) up to two more, each with the
 * agreeing sentences of other articles grouped under it. Agreement is checked on its own, so
 * sentences may join a group from a lower score than a separate answer needs.
 */
function pickAnswers(ranked: readonly Scored[], limit: number, list: boolean): Array<{ lead: Scored; others: Scored[] }> {
  const groups: Array<{ lead: Scored; others: Scored[] }> = [];
  const taken = new Set<Scored>();
  const best = ranked[0]!.score;
  const floor = best * (list ? LIST_FLOOR : TIE_FLOOR);
  for (const candidate of ranked) {
    if (groups.length >= limit || candidate.score < floor) break;
    if (taken.has(candidate)) continue;
    const group = { lead: candidate, others: [] as Scored[] };
    taken.add(candidate);
    for (const other of ranked) {
      if (taken.has(other) || other.score < best * GROUP_FLOOR) continue;
      if (agrees(asGroupable(candidate), asGroupable(other)) && !group.others.some((o) => o.article.id === other.article.id)) {
        group.others.push(other);
        taken.add(other);
      }
    }
    groups.push(group);
  }
  return groups;
}

function asGroupable(s: Scored) {
  return { article: s.article.id, text: s.sentence.text, vector: s.vector, spanText: s.span ? s.sentence.text.slice(s.span.start, s.span.end) : null };
}

/** Every sentence of every candidate passage once, with the best fused score of a passage holding it. */
function sentencePool(candidates: readonly Candidate[]): Array<{ article: Article; sentence: Sentence; passageScore: number }> {
  const seen = new Map<string, { article: Article; sentence: Sentence; passageScore: number }>();
  for (const candidate of candidates) {
    for (let i = candidate.passage.sentenceStart; i < candidate.passage.sentenceEnd; i++) {
      const sentence = candidate.article.sentences[i];
      if (!sentence) continue;
      const key = `${candidate.article.id}\u0000${i}`;
      const entry = seen.get(key);
      if (!entry) seen.set(key, { article: candidate.article, sentence, passageScore: candidate.fused });
      else entry.passageScore = Math.max(entry.passageScore, candidate.fused);
    }
  }
  return [...seen.values()];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
