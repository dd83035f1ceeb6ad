/**
 * Runs SQuAD questions through the engine (one retrieval mode at a time, against the whole index) and through the
 * baselines, and scores each with the SQuAD 2.0 conventions. Question vectors are embedded once, in batches,
 * through the shared cache; the engine then finds them there, so its embed phase is a cache hit and the timings
 * below cover retrieval and the answer step only.
 */
import type { RetrievalMode } from '../../src/answer/types.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { validateQuestion } from '../../src/answer/ask-input.js';
import type { Engine } from '../../src/engine-types.js';
import type { LoadedIndex } from '../../src/index/store.js';
import { retrieve } from '../../src/search/retrieve.js';
import type { CachedEmbedder } from '../../src/embedding/cached-embedder.js';
import { distribution, type Distribution } from '../lib/stats.js';
import type { BaselineSystem } from './baselines.js';
import { contextIdOf, type SquadQuestion } from './data.js';
import { aggregate, scoreQuestion, type QuestionScore, type SquadPrediction, type SquadScores } from './metrics.js';

export interface SystemResult {
  name: string;
  unit: string;
  scores: SquadScores;
  /** True for the engine: its answer models were trained with these questions, so its answer figures are in-sample. */
  inSample?: boolean;
  /** Per question: retrieval + answer (engine), or search (baselines); the question's embedding excluded. */
  latencyMs: Distribution;
  errors: number;
}

export interface PreparedQuestion {
  question: SquadQuestion;
  /** The text the engine embeds and searches with (the question cleaned by the engine's own analyser). */
  text: string;
  vector: Float32Array;
}

const EMBED_CHUNK = 1000;

export async function prepareQuestions(questions: readonly SquadQuestion[], embedder: CachedEmbedder, log: (line: string) => void): Promise<PreparedQuestion[]> {
  const texts = questions.map((q) => analyzeQuestion(validateQuestion(q.question)).text);
  const vectors: Float32Array[] = [];
  for (let from = 0; from < texts.length; from += EMBED_CHUNK) {
    vectors.push(...(await embedder.embed(texts.slice(from, from + EMBED_CHUNK))));
    await embedder.flush();
    log(`squad: question vectors ${Math.min(from + EMBED_CHUNK, texts.length)}/${texts.length}`);
  }
  return questions.map((question, i) => ({ question, text: texts[i]!, vector: vectors[i]! }));
}

const MODE_NAMES: Record<RetrievalMode, string> = {
  bm25: 'verbatim, BM25 only',
  dense: 'verbatim, dense only',
  hybrid: 'verbatim, hybrid',
};

export async function evaluateEngine(
  engine: Engine,
  index: LoadedIndex,
  prepared: readonly PreparedQuestion[],
  mode: RetrievalMode,
  log: (line: string) => void,
): Promise<SystemResult> {
  const scores: QuestionScore[] = [];
  const latency: number[] = [];
  let errors = 0;
  for (const [i, { question, text, vector }] of prepared.entries()) {
    const ranked = (await retrieve(index, text, mode === 'bm25' ? null : vector, { mode, fusion: 'score', limit: 5, maxPerArticle: 1 })).map((c) =>
      contextIdOf(c.article.id),
    );
    let prediction: SquadPrediction;
    try {
      const result = await engine.ask(question.question, { mode });
      latency.push(result.trace.retrieveMs + result.trace.answerMs);
      const answered = result.status === 'answered';
      const first = answered ? result.answers[0] : result.nearest[0];
      const top = result.answers[0];
      prediction = { ranked, firstSentence: first?.sentence ?? '', answered, answer: top ? (top.span?.text ?? top.sentence) : '' };
    } catch {
      errors++;
      prediction = { ranked, firstSentence: '', answered: false, answer: '' };
    }
    scores.push(scoreQuestion(question, prediction));
    if ((i + 1) % 1000 === 0) log(`squad: ${MODE_NAMES[mode]} ${i + 1}/${prepared.length}`);
  }
  return {
    name: MODE_NAMES[mode],
    unit: 'sentence + span',
    scores: aggregate(scores),
    inSample: true,
    latencyMs: distribution(latency),
    errors,
  };
}

export function evaluateBaseline(system: BaselineSystem, prepared: readonly PreparedQuestion[]): SystemResult {
  const scores: QuestionScore[] = [];
  const latency: number[] = [];
  for (const { question, vector } of prepared) {
    const started = performance.now();
    const prediction = system.predict(question.question, vector);
    latency.push(performance.now() - started);
    scores.push(scoreQuestion(question, prediction));
  }
  return { name: system.name, unit: system.unit, scores: aggregate(scores), latencyMs: distribution(latency), errors: 0 };
}

/** The SQuAD 2.0 floor: a system that always abstains is right on every unanswerable question. */
export function alwaysAbstain(prepared: readonly PreparedQuestion[]): SystemResult {
  const scores = prepared.map(({ question }) => scoreQuestion(question, { ranked: [], firstSentence: null, answered: false, answer: '' }));
  return { name: 'always abstain (SQuAD 2.0 floor)', unit: '—', scores: aggregate(scores), latencyMs: distribution([]), errors: 0 };
}
