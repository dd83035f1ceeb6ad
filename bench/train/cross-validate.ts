/**
 * Honest figures for the learned answer step: every question is answered by models fitted without its
 * fold (folds by story or Wikipedia article; the seed set alone), through the product's own ranking and
 * composing code.
 */
import { composeAnswer, type ComposedAnswer } from '../../src/answer/compose.js';
import { loadConfidence } from '../../src/answer/confidence.js';
import type { RankedSentence } from '../../src/answer/rank.js';
import type { ExaminedQuestion } from '../qa/examine.js';
import { assignFolds, FOLDS, foldKey, SEED_FOLD } from './folds.js';
import { rankWith, trainModels, type AnswerModels, type TrainSettings } from './train-models.js';

export interface HeldOutAnswer {
  question: ExaminedQuestion;
  ranked: RankedSentence[];
  composed: ComposedAnswer;
}

export type AnswerStep = (q: ExaminedQuestion) => HeldOutAnswer;

/** One set of models per fold (the seed fold included), each fitted on every other fold. */
export function foldModels(questions: readonly ExaminedQuestion[], settings: TrainSettings, log: (line: string) => void = () => {}): Map<number, AnswerModels> {
  const folds = assignFolds(questions.map((q) => q.item));
  const out = new Map<number, AnswerModels>();
  for (let fold = 0; fold <= SEED_FOLD; fold++) {
    if (!questions.some((q) => folds.get(foldKey(q.item)) === fold)) continue;
    out.set(fold, trainModels(questions.filter((q) => folds.get(foldKey(q.item)) !== fold), settings));
    log(`fold ${fold + 1}/${FOLDS + 1} fitted`);
  }
  return out;
}

/** Answers each question with the models of its own fold (which never saw it). */
export function heldOutAnswers(questions: readonly ExaminedQuestion[], models: ReadonlyMap<number, AnswerModels>): HeldOutAnswer[] {
  const folds = assignFolds(questions.map((q) => q.item));
  return questions.map((q) => answerWith(models.get(folds.get(foldKey(q.item))!)!, q));
}

export function answerWith(models: AnswerModels, q: ExaminedQuestion): HeldOutAnswer {
  const ranked = rankWith(models.ranker, q);
  const confidence = loadConfidence(models.confidence);
  const composed: ComposedAnswer = q.examined
    ? composeAnswer({ question: q.examined.question, ranked, unknown: q.examined.unknown, confidence, maxAnswers: 3 })
    : { status: 'not_found', confidence: 0, confidenceWord: 'low', answers: [], nearest: [], more: [], reason: 'unsupported-language', evidence: null };
  return { question: q, ranked, composed };
}

/** Held-out probability and whether the first quote is right, per question (for calibration). */
export function confidencePoints(answers: readonly HeldOutAnswer[]): Array<{ p: number; right: boolean }> {
  return answers.map(({ question, ranked, composed }) => {
    const top = ranked[0];
    const at = top && question.examined ? question.examined.rows.findIndex((r) => r.article === top.article && r.sentence === top.sentence) : -1;
    return { p: composed.confidence, right: question.item.answerable && at >= 0 && question.labels[at] === 1 };
  });
}
