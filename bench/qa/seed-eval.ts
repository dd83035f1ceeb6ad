/** Scores batch-form results against the seed-qa gold: hit@k, answered/abstain rates, span F1, and a threshold sweep. */
import type { Quote } from '../../src/answer/types.js';
import { mean, sentenceMatches, tokenF1 } from './metrics.js';

export interface SeedQuestion {
  id: string;
  question: string;
  kind: 'factoid' | 'list' | 'unanswerable';
  answerable: boolean;
  answers: string[];
  evidence: Array<{ file: string; sentence: string }>;
}

export interface BatchResult {
  id: string;
  status?: 'answered' | 'not_found';
  confidence?: number;
  answers?: Quote[];
  nearest?: Quote[];
  more?: Quote[];
  error?: { code: string };
}

export interface SeedScores {
  hit1: number;
  hit3: number;
  answered: number;
  abstained: number;
  correctAnswered: number;
  spanF1: number;
  answerable: number;
  unanswerable: number;
}

/** The ranked quotes of a result: answers (with their grouped sources) if answered, else the nearest. */
function ranked(result: BatchResult): Array<{ sentence: string; article: string; span: string | null }> {
  const quotes = result.status === 'answered' ? [...(result.answers ?? []), ...(result.more ?? [])] : (result.nearest ?? []);
  return quotes.map((q) => ({ sentence: q.sentence, article: q.citation.article.split('/').pop() ?? q.citation.article, span: q.span?.text ?? null }));
}

export function isHit(question: SeedQuestion, quote: { sentence: string; article: string }): boolean {
  return question.evidence.some((e) => e.file === quote.article && sentenceMatches(quote.sentence, e.sentence));
}

export function scoreSeed(questions: readonly SeedQuestion[], results: ReadonlyMap<string, BatchResult>, threshold?: number): SeedScores {
  const answerable = questions.filter((q) => q.answerable);
  const unanswerable = questions.filter((q) => !q.answerable);
  const answeredOf = (r: BatchResult | undefined) =>
    threshold === undefined ? r?.status === 'answered' : (r?.confidence ?? 0) >= threshold && r?.status !== undefined;
  const hits = (q: SeedQuestion, k: number) => ranked(results.get(q.id) ?? { id: q.id }).slice(0, k).some((quote) => isHit(q, quote));
  return {
    hit1: mean(answerable.map((q) => (hits(q, 1) ? 1 : 0))),
    hit3: mean(answerable.map((q) => (hits(q, 3) ? 1 : 0))),
    answered: mean(answerable.map((q) => (answeredOf(results.get(q.id)) ? 1 : 0))),
    abstained: mean(unanswerable.map((q) => (answeredOf(results.get(q.id)) ? 0 : 1))),
    correctAnswered: mean(answerable.map((q) => (answeredOf(results.get(q.id)) && hits(q, 1) ? 1 : 0))),
    spanF1: mean(
      answerable
        .filter((q) => q.kind === 'factoid')
        .map((q) => {
          const top = ranked(results.get(q.id) ?? { id: q.id })[0];
          if (!top || !answeredOf(results.get(q.id))) return 0;
          return Math.max(...q.answers.map((a) => tokenF1(top.span ?? top.sentence, a)));
        }),
    ),
    answerable: answerable.length,
    unanswerable: unanswerable.length,
  };
}
