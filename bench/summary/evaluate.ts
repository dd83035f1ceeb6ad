/** Scores each method's picks against the reference summaries and aggregates per category and overall. */
import type { Span } from '../../src/corpus/types.js';
import { rouge } from './rouge.js';
import { sentencePrecisionRecall } from './sentence-match.js';

export interface EvalCase {
  id: string;
  category: string;
  text: string;
  reference: Span[];
}

export interface Method {
  name: string;
  /** What the method chooses for a case, as spans of `text` in article order, given the sentence budget k. */
  pick(item: EvalCase, k: number): Span[];
}

export interface Scores {
  articles: number;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  sentencePrecision: number;
  sentenceRecall: number;
  msPerArticle: number;
}

type Sums = Omit<Scores, 'msPerArticle'> & { ms: number };

/**
 * Mean scores per method, per category and under "all". The reference is the reference spans joined by spaces.
 * `onRouge2` receives each article's ROUGE-2 F1 per method, in case order (for paired comparisons).
 */
export function evaluate(
  cases: readonly EvalCase[],
  methods: readonly Method[],
  onRouge2: (method: string, f1: number) => void = () => {},
): Record<string, Record<string, Scores>> {
  const sums: Record<string, Record<string, Sums>> = {};
  for (const item of cases) {
    const k = item.reference.length;
    const referenceText = joined(item.text, item.reference);
    for (const method of methods) {
      const started = performance.now();
      const picked = method.pick(item, k);
      const ms = performance.now() - started;
      const scores = rouge(joined(item.text, picked), referenceText);
      const sentences = sentencePrecisionRecall(picked, item.reference);
      onRouge2(method.name, scores.rouge2.f1);
      for (const group of [item.category, 'all']) {
        const bucket = ((sums[method.name] ??= {})[group] ??= { articles: 0, rouge1: 0, rouge2: 0, rougeL: 0, sentencePrecision: 0, sentenceRecall: 0, ms: 0 });
        bucket.articles += 1;
        bucket.rouge1 += scores.rouge1.f1;
        bucket.rouge2 += scores.rouge2.f1;
        bucket.rougeL += scores.rougeL.f1;
        bucket.sentencePrecision += sentences.precision;
        bucket.sentenceRecall += sentences.recall;
        bucket.ms += ms;
      }
    }
  }
  const means: Record<string, Record<string, Scores>> = {};
  for (const [method, groups] of Object.entries(sums)) {
    for (const [group, s] of Object.entries(groups)) {
      const n = s.articles;
      (means[method] ??= {})[group] = {
        articles: n,
        rouge1: s.rouge1 / n,
        rouge2: s.rouge2 / n,
        rougeL: s.rougeL / n,
        sentencePrecision: s.sentencePrecision / n,
        sentenceRecall: s.sentenceRecall / n,
        msPerArticle: s.ms / n,
      };
    }
  }
  return means;
}

function joined(text: string, spans: readonly Span[]): string {
  return spans.map((span) => text.slice(span.start, span.end)).join(' ');
}
