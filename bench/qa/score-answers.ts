/**
 * Scores of composed answers against the gold: for the news sets hit@k over the quotes shown (the answers
 * and further sources, or the nearest passages when abstaining), answered and abstain rates and span F1;
 * for SQuAD and XQuAD the SQuAD 2.0 conventions.
 */
import type { ComposedAnswer } from '../../src/answer/compose.js';
import type { Quote } from '../../src/answer/types.js';
import { aggregate, scoreQuestion, type SquadScores } from '../squad/metrics.js';
import { mean, tokenF1 } from './metrics.js';
import { isHit, type QaItem } from './sets.js';

export interface Scored {
  item: QaItem;
  composed: ComposedAnswer;
  /** Paragraph (article) ids in retrieval order, for the SQuAD retrieval columns. */
  articles?: string[];
}

export interface NewsScores {
  questions: number;
  answerable: number;
  unanswerable: number;
  hit1: number;
  hit3: number;
  answered: number;
  abstained: number;
  /** Answerable questions answered with a right first quote. */
  answeredRight: number;
  /** Of the questions answered, the share whose first quote is right (unanswerable ones count as wrong). */
  precision: number;
  /** Factoid and why questions answered: best token F1 of the first quote's span (or sentence) against the gold answers. */
  spanF1: number;
  /** List questions answered: share of their gold items inside the answer quotes. */
  listRecall: number;
}

export function shownQuotes(composed: ComposedAnswer): Quote[] {
  return composed.status === 'answered' ? [...composed.answers, ...composed.more] : composed.nearest;
}

export function newsScores(scored: readonly Scored[]): NewsScores {
  const answerable = scored.filter((s) => s.item.answerable);
  const unanswerable = scored.filter((s) => !s.item.answerable);
  const hitAt = (s: Scored, k: number) => shownQuotes(s.composed).slice(0, k).some((q) => isHit(s.item, q.citation.article, q.sentence));
  const answered = (s: Scored) => s.composed.status === 'answered';
  const spanRows = answerable.filter((s) => answered(s) && (s.item.kind === 'factoid' || s.item.kind === 'why'));
  const listRows = answerable.filter((s) => answered(s) && s.item.kind === 'list');
  const allAnswered = scored.filter(answered);
  return {
    questions: scored.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hit1: share(answerable, (s) => hitAt(s, 1)),
    hit3: share(answerable, (s) => hitAt(s, 3)),
    answered: share(answerable, answered),
    abstained: share(unanswerable, (s) => !answered(s)),
    answeredRight: share(answerable, (s) => answered(s) && hitAt(s, 1)),
    precision: share(allAnswered, (s) => s.item.answerable && hitAt(s, 1)),
    spanF1: mean(spanRows.map((s) => {
      const top = s.composed.answers[0]!;
      return Math.max(0, ...s.item.answers.map((a) => tokenF1(top.span?.text ?? top.sentence, a)));
    })),
    listRecall: mean(listRows.map((s) => {
      const text = s.composed.answers.map((q) => q.sentence).join('\n');
      return s.item.answers.filter((a) => text.includes(a)).length / Math.max(1, s.item.answers.length);
    })),
  };
}

export function squadScores(scored: readonly Scored[]): SquadScores {
  return aggregate(
    scored.map((s) => {
      const first = shownQuotes(s.composed)[0];
      const top = s.composed.answers[0];
      return scoreQuestion(
        { id: s.item.id, contextId: s.item.evidence[0]?.article.replace(/^[^#]*#/, '') ?? '', question: s.item.question, answers: s.item.answers, impossible: !s.item.answerable },
        {
          ranked: (s.articles ?? []).map((a) => a.replace(/^[^#]*#/, '')),
          firstSentence: first?.sentence ?? '',
          answered: s.composed.status === 'answered',
          answer: top ? (top.span?.text ?? top.sentence) : '',
        },
      );
    }),
  );
}

function share<T>(list: readonly T[], test: (x: T) => boolean): number {
  return list.length ? list.filter(test).length / list.length : 0;
}
