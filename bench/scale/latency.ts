/** Warm question latency through the engine, phase by phase (the engine's own trace), and whether the title's article came first. */
import type { Engine } from '../../src/engine-types.js';
import { distribution, type Distribution } from '../lib/stats.js';
import { baseArticleId } from './plan.js';

export interface TitleQuestion {
  /** A BBC headline, asked as written (what a user types into /ask). */
  text: string;
  /** The base article it heads. */
  articleId: string;
}

export interface AskSample {
  embedMs: number;
  retrieveMs: number;
  answerMs: number;
  totalMs: number;
  answered: boolean;
  /** The first quote (answer, or nearest when abstaining) is from the headline's article or one of its copies. */
  hit: boolean;
}

export interface LatencySummary {
  questions: number;
  embed: Distribution;
  retrieve: Distribution;
  answer: Distribution;
  /** The rest of `ask()`: cleaning and analysing the question (wink-nlp), building the result. */
  analysis: Distribution;
  /** Everything but the question's own embedding: what the targets are about. */
  excludingEmbed: Distribution;
  total: Distribution;
  answeredRate: number;
  hit1: number;
}

export async function askAll(engine: Engine, questions: readonly TitleQuestion[]): Promise<AskSample[]> {
  const samples: AskSample[] = [];
  for (const question of questions) {
    const result = await engine.ask(question.text);
    const first = result.answers[0] ?? result.nearest[0];
    const { embedMs, retrieveMs, answerMs, totalMs } = result.trace;
    samples.push({ embedMs, retrieveMs, answerMs, totalMs, answered: result.status === 'answered', hit: first !== undefined && baseArticleId(first.citation.article) === question.articleId });
  }
  return samples;
}

export function summarizeLatency(samples: readonly AskSample[]): LatencySummary {
  const share = (test: (s: AskSample) => boolean) => (samples.length ? samples.filter(test).length / samples.length : Number.NaN);
  return {
    questions: samples.length,
    embed: distribution(samples.map((s) => s.embedMs)),
    retrieve: distribution(samples.map((s) => s.retrieveMs)),
    answer: distribution(samples.map((s) => s.answerMs)),
    analysis: distribution(samples.map((s) => s.totalMs - s.embedMs - s.retrieveMs - s.answerMs)),
    excludingEmbed: distribution(samples.map((s) => s.totalMs - s.embedMs)),
    total: distribution(samples.map((s) => s.totalMs)),
    answeredRate: share((s) => s.answered),
    hit1: share((s) => s.hit),
  };
}
