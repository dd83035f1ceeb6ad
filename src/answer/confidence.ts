/**
 * The probability that the first quote answers the question: a logistic model (fitted by `npm run
 * train`, on held-out ranker scores, unanswerable questions included) over what the ranking shows.
 * The same probability decides whether to answer (the threshold) and which word the doors show.
 */
import { linearScorer, sigmoid, type LinearModelFile, type LinearScorer } from './linear-model.js';
import type { QuestionAnalysis } from './question.js';
import type { RankedSentence } from './rank.js';
import { FEATURE_INDEX, type SentenceFeature } from './sentence-features.js';
import type { ConfidenceWord } from './types.js';

/** Features of the best sentence the confidence reads as they are. */
const TOP_FEATURES = ['lexical', 'context', 'proximity', 'typeMissing', 'typeCloseness', 'typeContext', 'futureMissing', 'predicateMissing'] as const satisfies readonly SentenceFeature[];

export const CONFIDENCE_FEATURES = [
  /** The first sentence's logit, squashed (the ranker's own scale). */
  'topScore',
  /** Share of the question's weight on terms the corpus never mentions. */
  'unknown',
  /** How far the first sentence's cosine stands above the candidates' mean, in their standard deviations (over 4). */
  'denseLead',
  /** Other articles among the first three quotes' articles: a fact several stories carry. */
  'agreement',
  'asksReason',
  'asksList',
  'asksOther',
  ...TOP_FEATURES.map((f) => `top.${f}` as const),
] as const;
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];


export interface ConfidenceFile extends LinearModelFile {
  /** Answer when the probability reaches it; below, say "not found" and show the nearest passages. */
  threshold: number;
  /** Lowest probability called "high" (at or above the threshold it is "medium", below "low"). */
  high: number;
}

export interface ConfidenceModel {
  score: LinearScorer;
  threshold: number;
  high: number;
}

export function loadConfidence(file: ConfidenceFile): ConfidenceModel {
  return { score: linearScorer(file, CONFIDENCE_FEATURES, 'confidence'), threshold: file.threshold, high: file.high };
}

export interface ConfidenceInput {
  question: Pick<QuestionAnalysis, 'type' | 'list'>;
  /** Best first, as `rankSentences` returns them. */
  ranked: readonly RankedSentence[];
  unknown: number;
}

export function confidenceFeatures({ question, ranked, unknown }: ConfidenceInput): Float64Array {
  const x = new Float64Array(CONFIDENCE_FEATURES.length);
  const top = ranked[0];
  if (!top) return x;
  const set = (name: ConfidenceFeature, value: number) => (x[CONFIDENCE_FEATURES.indexOf(name)] = value);
  set('topScore', Math.tanh(top.score / 4));
  set('unknown', unknown);
  set('denseLead', denseLead(ranked));
  set('agreement', new Set(ranked.slice(0, 3).map((r) => r.article.id)).size > 1 && agreeingTop(ranked) ? 1 : 0);
  set('asksReason', question.type === 'reason' ? 1 : 0);
  set('asksList', question.list ? 1 : 0);
  set('asksOther', question.type === 'other' ? 1 : 0);
  for (const name of TOP_FEATURES) set(`top.${name}`, top.x[FEATURE_INDEX[name]]!);
  return x;
}

export function confidenceOf(model: ConfidenceModel, input: ConfidenceInput): number {
  return sigmoid(model.score(confidenceFeatures(input)));
}

export function confidenceWord(model: Pick<ConfidenceModel, 'threshold' | 'high'>, probability: number): ConfidenceWord {
  return probability >= model.high ? 'high' : probability >= model.threshold ? 'medium' : 'low';
}

function denseLead(ranked: readonly RankedSentence[]): number {
  const cosines = ranked.map((r) => r.cosine);
  const mean = cosines.reduce((a, b) => a + b, 0) / cosines.length;
  const sd = Math.sqrt(cosines.reduce((a, b) => a + (b - mean) ** 2, 0) / cosines.length);
  if (sd < 1e-9) return 0;
  return Math.max(-1, Math.min(1, (ranked[0]!.cosine - mean) / sd / 4));
}

/** The first quote's answering span recurs in another article among the first three. */
function agreeingTop(ranked: readonly RankedSentence[]): boolean {
  const top = ranked[0]!;
  if (!top.span) return false;
  const answer = top.sentence.text.slice(top.span.start, top.span.end).toLowerCase();
  return ranked.slice(1, 3).some((r) => r.article.id !== top.article.id && r.sentence.text.toLowerCase().includes(answer));
}
