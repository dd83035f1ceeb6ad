/**
 * Fits the answer step's models on examined questions: the two ranker stages, then the confidence on
 * ranker outputs the ranker did not see (an inner cross-validation), with its threshold and bands.
 */
import type { RankerFile, RankedSentence } from '../../src/answer/rank.js';
import { loadRanker, rankSentences } from '../../src/answer/rank.js';
import { CONFIDENCE_FEATURES, confidenceFeatures, type ConfidenceFile } from '../../src/answer/confidence.js';
import { CHEAP_FEATURES, FEATURE_INDEX, SENTENCE_FEATURES } from '../../src/answer/sentence-features.js';
import type { ExaminedQuestion } from '../qa/examine.js';
import { fitLogistic, fitRanker, type Example, type RankGroup } from './fit.js';
import { assignFolds, FOLDS, foldKey } from './folds.js';
import { round } from '../lib/stats.js';

export interface TrainSettings {
  /** Candidates the second stage re-ranks. */
  shortlist: number;
  /** Total weight of the Wikipedia sets (SQuAD, XQuAD) relative to the news sets' (1 per news question). */
  wikiWeight: number;
  rankerL2: number;
  confidenceL2: number;
  /** Lowest share of right first quotes among questions answered at "high" confidence. */
  highPrecision: number;
}

export const DEFAULT_SETTINGS: TrainSettings = { shortlist: 12, wikiWeight: 1, rankerL2: 1e-3, confidenceL2: 0.001, highPrecision: 0.9 };

export interface AnswerModels {
  ranker: RankerFile;
  confidence: ConfidenceFile;
}

/** A question as the confidence sees it: its probability is what the threshold and bands are chosen on. */
export interface ConfidencePoint {
  question: ExaminedQuestion;
  x: Float64Array;
  /** The first quote answers (the label). */
  right: boolean;
}

export function trainModels(questions: readonly ExaminedQuestion[], settings: TrainSettings = DEFAULT_SETTINGS): AnswerModels {
  const ranker = trainRanker(questions, settings);
  const points = heldOutPoints(questions, settings);
  return { ranker, confidence: trainConfidence(points, questions, settings) };
}

export function trainRanker(questions: readonly ExaminedQuestion[], settings: TrainSettings): RankerFile {
  const weights = questionWeights(questions, settings);
  const cheapSlots = CHEAP_FEATURES.map((f) => FEATURE_INDEX[f]);
  const answerable = questions.filter((q) => q.examined && q.labels.some((l) => l === 1));
  const stage1Groups: RankGroup[] = answerable.map((q) => ({
    rows: q.examined!.rows.map((r) => cheapSlots.map((s) => r.x[s]!)),
    labels: q.labels,
    weight: weights.get(q)!,
  }));
  const stage1 = fitRanker(stage1Groups, CHEAP_FEATURES.length, { l2: settings.rankerL2 });
  const stage1File = { features: [...CHEAP_FEATURES], weights: stage1.weights.map(round4), bias: 0 };
  const score1 = loadRanker({ shortlist: settings.shortlist, stage1: stage1File, stage2: stage1File }).stage1;

  const stage2Groups: RankGroup[] = [];
  for (const q of answerable) {
    const order = q.examined!.rows.map((r, i) => ({ i, s: score1(r.x) })).sort((a, b) => b.s - a.s || a.i - b.i);
    const kept = order.slice(0, settings.shortlist).map((o) => o.i);
    if (!kept.some((i) => q.labels[i] === 1)) continue;
    stage2Groups.push({ rows: kept.map((i) => q.examined!.rows[i]!.x), labels: kept.map((i) => q.labels[i]!), weight: weights.get(q)! });
  }
  const stage2 = fitRanker(stage2Groups, SENTENCE_FEATURES.length, { l2: settings.rankerL2 });
  return {
    shortlist: settings.shortlist,
    stage1: stage1File,
    stage2: { features: [...SENTENCE_FEATURES], weights: stage2.weights.map(round4), bias: 0 },
  };
}

/** Ranks one examined question with given ranker weights (its rows already carry every feature). */
export function rankWith(ranker: RankerFile, q: ExaminedQuestion): RankedSentence[] {
  if (!q.examined) return [];
  return rankSentences(q.examined.rows, loadRanker(ranker), noEntities);
}

/** Confidence inputs for every question from rankers fitted without its inner fold. */
function heldOutPoints(questions: readonly ExaminedQuestion[], settings: TrainSettings): ConfidencePoint[] {
  const folds = assignFolds(questions.map((q) => q.item));
  // Seed questions (a fold of their own outside) are spread over the inner folds by position.
  const assigned = questions.map((q, i) => (q.item.set === 'seed' ? i % FOLDS : folds.get(foldKey(q.item))!));
  const points: ConfidencePoint[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const ranker = trainRanker(questions.filter((_, i) => assigned[i] !== fold), settings);
    questions.forEach((q, i) => {
      if (assigned[i] === fold) points.push(pointOf(q, rankWith(ranker, q)));
    });
  }
  return points;
}

export function pointOf(q: ExaminedQuestion, ranked: readonly RankedSentence[]): ConfidencePoint {
  const top = ranked[0];
  const x = confidenceFeatures({ question: q.examined?.question ?? { type: 'other', list: false }, ranked, unknown: q.examined?.unknown ?? 1 });
  const right = top !== undefined && q.item.answerable && q.labels[q.examined!.rows.findIndex((r) => r.article === top.article && r.sentence === top.sentence)] === 1;
  return { question: q, x, right };
}

function trainConfidence(points: readonly ConfidencePoint[], questions: readonly ExaminedQuestion[], settings: TrainSettings): ConfidenceFile {
  const weights = questionWeights(questions, settings);
  const examples: Example[] = points.map((p) => ({ x: p.x, y: p.right ? 1 : 0, weight: weights.get(p.question)! }));
  const fit = fitLogistic(examples, CONFIDENCE_FEATURES.length, { l2: settings.confidenceL2 });
  const probability = (x: Float64Array) => 1 / (1 + Math.exp(-(fit.bias + fit.weights.reduce((s, w, j) => s + w * x[j]!, 0))));
  const news = points.filter((p) => p.question.item.set === 'bbc' || p.question.item.set === 'seed').map((p) => ({ p: probability(p.x), point: p }));
  const threshold = balancedThreshold(news);
  return {
    features: [...CONFIDENCE_FEATURES],
    weights: fit.weights.map(round4),
    bias: round4(fit.bias),
    threshold,
    high: highBand(news, threshold, settings.highPrecision),
  };
}

/**
 * The threshold that best balances the two promises on news questions: answer the answerable ones, abstain on
 * the rest (the mean of the two rates; the lowest such threshold on ties, preferring to answer).
 */
export function balancedThreshold(scored: ReadonlyArray<{ p: number; point: ConfidencePoint }>): number {
  const answerable = scored.filter((s) => s.point.question.item.answerable);
  const unanswerable = scored.filter((s) => !s.point.question.item.answerable);
  let best = { t: 0.5, value: -1 };
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const answered = answerable.filter((s) => s.p >= t).length / Math.max(1, answerable.length);
    const abstained = unanswerable.filter((s) => s.p < t).length / Math.max(1, unanswerable.length);
    const value = (answered + abstained) / 2;
    if (value > best.value + 1e-12) best = { t: round(t, 2), value };
  }
  return best.t;
}

/** The lowest probability at or above the threshold from which the first quote is right for `precision` of questions. */
function highBand(scored: ReadonlyArray<{ p: number; point: ConfidencePoint }>, threshold: number, precision: number): number {
  for (let t = threshold; t <= 0.991; t += 0.01) {
    const answered = scored.filter((s) => s.p >= t);
    if (answered.length >= 10 && answered.filter((s) => s.point.right).length / answered.length >= precision) return round(t, 2);
  }
  return 0.99;
}

/** 1 per news question; the Wikipedia sets share `wikiWeight` times the news total. */
export function questionWeights(questions: readonly ExaminedQuestion[], settings: Pick<TrainSettings, 'wikiWeight'>): Map<ExaminedQuestion, number> {
  const wiki = questions.filter((q) => q.item.set === 'squad' || q.item.set === 'xquad').length;
  const news = questions.length - wiki;
  const each = wiki > 0 ? (settings.wikiWeight * Math.max(news, 1)) / wiki : 0;
  return new Map(questions.map((q) => [q, q.item.set === 'squad' || q.item.set === 'xquad' ? each : 1]));
}

function noEntities(): never {
  throw new Error('examined rows carry their entity features already');
}

/** Model files keep four decimals: enough for the scores, short enough to read in a diff. */
const round4 = (v: number): number => round(v, 4);
