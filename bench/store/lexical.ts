/**
 * Keyword retrieval compared: the files store's BM25 index (MiniSearch) against PostgreSQL full-text search
 * (ts_rank over an OR of the question's terms), on questions whose gold evidence sentences are known. A question
 * is found at k when a passage among the first k holds one of its evidence sentences. Queries go through the
 * answer step's question analysis, as the engine sends them.
 */
import { createAnswerer } from '../../src/answer/answerer.js';
import { validateQuestion } from '../../src/answer/ask-input.js';
import type { ServingIndex } from '../../src/index/serving-index.js';
import { sentenceMatches } from '../qa/metrics.js';
import type { QaItem } from '../qa/sets.js';
import { latency } from './percentiles.js';

export interface LexicalScores {
  questions: number;
  recallAt10: number;
  recallAt50: number;
  mrrAt10: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LexicalRun {
  scores: LexicalScores;
  /** The first 10 passages per question, as (article, passage index) keys comparable across stores. */
  tops: string[][];
}

const DEPTH = 50;

function holdsEvidence(index: ServingIndex, label: number, item: QaItem): boolean {
  const passage = index.passages.get(label);
  const article = passage && index.articles.get(passage.article);
  if (!passage || !article) return false;
  const sentences = article.sentences.slice(passage.sentenceStart, passage.sentenceEnd);
  return item.evidence.some((gold) => gold.article === passage.article && sentences.some((s) => sentenceMatches(s.text, gold.sentence)));
}

export async function lexicalRun(index: ServingIndex, items: readonly QaItem[]): Promise<LexicalRun> {
  const answerer = createAnswerer();
  const asked = items.filter((item) => item.answerable && item.evidence.length > 0);
  const times: number[] = [];
  const tops: string[][] = [];
  let at10 = 0;
  let at50 = 0;
  let reciprocal = 0;
  for (const item of asked) {
    const query = answerer.analyze(validateQuestion(item.question)).text;
    const started = performance.now();
    const hits = await index.search.lexical(query, DEPTH);
    times.push(performance.now() - started);
    const first = hits.findIndex((hit) => holdsEvidence(index, hit.label, item));
    if (first >= 0 && first < 10) {
      at10 += 1;
      reciprocal += 1 / (first + 1);
    }
    if (first >= 0) at50 += 1;
    tops.push(hits.slice(0, 10).map((hit) => {
      const p = index.passages.get(hit.label)!;
      return `${p.article}#${p.index}`;
    }));
  }
  const n = asked.length || 1;
  const { p50, p99 } = latency(times);
  return { scores: { questions: asked.length, recallAt10: at10 / n, recallAt50: at50 / n, mrrAt10: reciprocal / n, p50Ms: p50, p99Ms: p99 }, tops };
}

/** How alike two stores' first-10 lists are: the mean share of passages in common, and how often the first is the same. */
export function overlap(a: readonly string[][], b: readonly string[][]): { sharedAt10: number; sameFirst: number } {
  let shared = 0;
  let sameFirst = 0;
  for (let i = 0; i < a.length; i++) {
    const left = new Set(a[i]);
    const right = b[i] ?? [];
    shared += right.filter((key) => left.has(key)).length / Math.max(1, Math.max(left.size, right.length));
    if (a[i]![0] !== undefined && a[i]![0] === right[0]) sameFirst += 1;
  }
  return { sharedAt10: shared / Math.max(1, a.length), sameFirst: sameFirst / Math.max(1, a.length) };
}
