/**
 * The engine's answers compared between two stores over the same corpus and vectors: the share of questions with
 * an identical result (status and every quote with its article and offsets), the share with the same first quote,
 * and each store's hit rate (answerable: the first quote is a gold evidence sentence; unanswerable: it abstains).
 */
import type { AskResult } from '../../src/answer/types.js';
import type { Engine } from '../../src/engine-types.js';
import type { RetrievalMode } from '../../src/search/retrieve.js';
import { sentenceMatches } from '../qa/metrics.js';
import type { QaItem } from '../qa/sets.js';
import { latency } from './percentiles.js';

export interface StoreAnswers {
  hit: number;
  p50Ms: number;
  p99Ms: number;
}

export interface AnswerComparison {
  questions: number;
  identical: number;
  sameFirstQuote: number;
  files: StoreAnswers;
  postgres: StoreAnswers;
}

function fingerprint(result: AskResult): string {
  return JSON.stringify([result.status, result.answers.map((a) => [a.citation.article, a.citation.start, a.citation.end])]);
}

function firstQuote(result: AskResult): string | null {
  const top = result.answers[0];
  return result.status === 'answered' && top ? `${top.citation.article}:${top.citation.start}` : null;
}

function hits(result: AskResult, item: QaItem): boolean {
  if (!item.answerable) return result.status !== 'answered';
  const top = result.answers[0];
  return result.status === 'answered' && top !== undefined && item.evidence.some((gold) => gold.article === top.citation.article && sentenceMatches(top.sentence, gold.sentence));
}

async function askAll(engine: Engine, items: readonly QaItem[], mode: RetrievalMode): Promise<{ results: AskResult[]; times: number[] }> {
  const results: AskResult[] = [];
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    results.push(await engine.ask(item.question, { mode }));
    times.push(performance.now() - started);
  }
  return { results, times };
}

export async function compareAnswers(files: Engine, postgres: Engine, items: readonly QaItem[], mode: RetrievalMode): Promise<AnswerComparison> {
  // A first pass warms both (query cache aside, which both engines have alike): figures come from the second.
  await askAll(files, items.slice(0, 5), mode);
  await askAll(postgres, items.slice(0, 5), mode);
  const a = await askAll(files, items, mode);
  const b = await askAll(postgres, items, mode);
  const n = items.length || 1;
  const count = (check: (i: number) => boolean) => items.filter((_, i) => check(i)).length / n;
  const summary = (run: typeof a): StoreAnswers => ({ hit: count((i) => hits(run.results[i]!, items[i]!)), ...renameLatency(latency(run.times)) });
  return {
    questions: items.length,
    identical: count((i) => fingerprint(a.results[i]!) === fingerprint(b.results[i]!)),
    sameFirstQuote: count((i) => firstQuote(a.results[i]!) === firstQuote(b.results[i]!)),
    files: summary(a),
    postgres: summary(b),
  };
}

function renameLatency({ p50, p99 }: { p50: number; p99: number }): { p50Ms: number; p99Ms: number } {
  return { p50Ms: p50, p99Ms: p99 };
}
