/**
 * The answer step as it was before the learned models, for comparison in the same run: its hand-set sentence
 * weights and its 7-feature confidence (fitted on the 60 seed questions, threshold 0.5), computed from the same
 * candidate rows the learned models read. Its question analysis is today's (answer types included), so the
 * comparison isolates the ranking and the confidence.
 */
import { composeAnswer } from '../../src/answer/compose.js';
import type { RankedSentence } from '../../src/answer/rank.js';
import { FEATURE_INDEX, type SentenceEvidence } from '../../src/answer/sentence-features.js';
import type { HeldOutAnswer } from '../train/cross-validate.js';
import type { ExaminedQuestion } from './examine.js';

const WEIGHTS = { lexical: 0.25, context: 0.15, proximity: 0.1, quoted: 0.6, dense: 0.35, passage: 0.1, position: 0.05, type: 0.15, predicate: 0.1, headingPenalty: 0.1 };
const CONFIDENCE = { proximity: 2.128, dense: 2.529, typeMissing: -1.499, typeCloseness: 1.221, unsupportedUnknown: -2.595, predicateMissing: -1.468, futureMissing: -2.802, bias: -1.663 };
const THRESHOLD = 0.5;
/** The old code checked entities for its best 12 sentences by the other features. */
const ENTITY_POOL = 12;
/** Old scores run about 0..1.5; scaled so composing's logit gaps (near ties, groups) mean about the same. */
const SCALE = 10;

export function handSetAnswer(q: ExaminedQuestion): HeldOutAnswer {
  const rows = q.examined?.rows ?? [];
  const typed = q.examined ? !['other', 'reason'].includes(q.examined.question.type) : false;
  const cheap = rows.map((row) => ({ row, score: score(row, typed, false) })).sort((a, b) => b.score - a.score);
  const rescored = cheap.map((c, i) => ({ row: c.row, score: i < ENTITY_POOL ? score(c.row, typed, true) : c.score, shortlisted: i < ENTITY_POOL }));
  const ranked: RankedSentence[] = [...rescored.slice(0, ENTITY_POOL).sort((a, b) => b.score - a.score), ...rescored.slice(ENTITY_POOL)].map((r) => ({
    ...r.row,
    score: r.score * SCALE,
    shortlisted: r.shortlisted,
  }));
  const p = ranked[0] && q.examined ? confidence(ranked[0], q.examined.unknown, q.examined.question.type === 'other') : 0;
  const composed = q.examined
    ? composeAnswer({
        question: q.examined.question,
        ranked,
        unknown: q.examined.unknown,
        confidence: { score: () => Math.log(p / (1 - p)), threshold: THRESHOLD, high: 0.75 },
        maxAnswers: 3,
      })
    : { status: 'not_found' as const, confidence: 0, confidenceWord: 'low' as const, answers: [], nearest: [], more: [], reason: 'unsupported-language' as const, evidence: null };
  return { question: q, ranked, composed };
}

function value(row: SentenceEvidence, name: keyof typeof FEATURE_INDEX): number {
  return row.x[FEATURE_INDEX[name]]!;
}

function score(row: SentenceEvidence, typed: boolean, entities: boolean): number {
  const typeValue = !typed ? 0.5 : entities ? value(row, 'typeCloseness') : 0;
  return (
    WEIGHTS.lexical * value(row, 'lexical') +
    WEIGHTS.context * value(row, 'context') +
    WEIGHTS.proximity * value(row, 'proximity') +
    WEIGHTS.quoted * value(row, 'quoted') +
    WEIGHTS.dense * Math.max(0, row.cosine) +
    WEIGHTS.passage * value(row, 'passage') +
    WEIGHTS.position * value(row, 'lead') +
    WEIGHTS.type * typeValue +
    WEIGHTS.predicate * value(row, 'predicate') -
    WEIGHTS.headingPenalty * value(row, 'heading')
  );
}

function confidence(top: SentenceEvidence, unknown: number, asksOther: boolean): number {
  const denseSupport = Math.max(0, Math.min(1, (top.cosine - 0.3) / 0.4));
  const z =
    CONFIDENCE.bias +
    CONFIDENCE.proximity * value(top, 'proximity') +
    CONFIDENCE.dense * top.cosine +
    CONFIDENCE.typeMissing * value(top, 'typeMissing') +
    CONFIDENCE.typeCloseness * value(top, 'typeCloseness') +
    CONFIDENCE.unsupportedUnknown * unknown * (1 - denseSupport) +
    CONFIDENCE.predicateMissing * (asksOther && value(top, 'predicate') === 0 && value(top, 'predicateMissing') === 1 ? 1 : 0) +
    CONFIDENCE.futureMissing * value(top, 'futureMissing');
  return 1 / (1 + Math.exp(-z));
}
