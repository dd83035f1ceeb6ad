/**
 * SQuAD 2.0 scoring of one system's predictions, with the official conventions: EM/F1 are the best over the gold
 * answers after SQuAD normalisation; on an unanswerable question abstaining scores 1 and any answer 0.
 */
import { exactMatch, mean, normalizeAnswer, tokenF1 } from '../qa/metrics.js';
import type { SquadQuestion } from './data.js';

export interface SquadPrediction {
  /** Paragraph ids in retrieval order, distinct, best first (at least 5 when the system ranks that many). */
  ranked: string[];
  /** The first quoted sentence (the answer, or the nearest when abstaining); null for systems that quote none. */
  firstSentence: string | null;
  /** False when the system abstains ("the articles don't say"). */
  answered: boolean;
  /** The predicted answer text when answered. */
  answer: string;
}

export interface QuestionScore {
  impossible: boolean;
  hit1: boolean;
  hit5: boolean;
  /** null when the system quotes no sentences. */
  sentenceHit: boolean | null;
  answered: boolean;
  em: number;
  f1: number;
}

export interface SquadScores {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Gold paragraph ranked first / in the top 5 (answerable questions). */
  hit1: number;
  hit5: number;
  /** A gold answer inside the first quoted sentence (answerable questions); NaN when no sentences are quoted. */
  sentenceHit1: number;
  em: number;
  f1: number;
  hasAnsEm: number;
  hasAnsF1: number;
  /** Share of unanswerable questions abstained on (equals their EM and F1). */
  abstainRate: number;
  /** Share of answerable questions answered. */
  answeredRate: number;
}

/** `needle` as whole words inside `haystack`, both SQuAD-normalised. */
export function containsAnswer(haystack: string, needle: string): boolean {
  const n = normalizeAnswer(needle);
  return n !== '' && ` ${normalizeAnswer(haystack)} `.includes(` ${n} `);
}

export function scoreQuestion(question: SquadQuestion, prediction: SquadPrediction): QuestionScore {
  const answerable = !question.impossible;
  const best = (metric: (gold: string) => number) => Math.max(0, ...question.answers.map(metric));
  const em = answerable ? (prediction.answered ? best((g) => (exactMatch(prediction.answer, g) ? 1 : 0)) : 0) : prediction.answered ? 0 : 1;
  const f1 = answerable ? (prediction.answered ? best((g) => tokenF1(prediction.answer, g)) : 0) : prediction.answered ? 0 : 1;
  const first = prediction.firstSentence;
  return {
    impossible: question.impossible,
    hit1: prediction.ranked[0] === question.contextId,
    hit5: prediction.ranked.slice(0, 5).includes(question.contextId),
    sentenceHit: first === null ? null : question.answers.some((g) => containsAnswer(first, g)),
    answered: prediction.answered,
    em,
    f1,
  };
}

export function aggregate(scores: readonly QuestionScore[]): SquadScores {
  const answerable = scores.filter((s) => !s.impossible);
  const unanswerable = scores.filter((s) => s.impossible);
  const share = (list: readonly QuestionScore[], test: (s: QuestionScore) => boolean) => mean(list.map((s) => (test(s) ? 1 : 0)));
  const quotes = answerable.every((s) => s.sentenceHit !== null);
  return {
    questions: scores.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hit1: share(answerable, (s) => s.hit1),
    hit5: share(answerable, (s) => s.hit5),
    sentenceHit1: quotes ? share(answerable, (s) => s.sentenceHit === true) : Number.NaN,
    em: mean(scores.map((s) => s.em)),
    f1: mean(scores.map((s) => s.f1)),
    hasAnsEm: mean(answerable.map((s) => s.em)),
    hasAnsF1: mean(answerable.map((s) => s.f1)),
    abstainRate: share(unanswerable, (s) => !s.answered),
    answeredRate: share(answerable, (s) => s.answered),
  };
}
