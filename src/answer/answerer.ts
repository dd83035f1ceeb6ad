/**
 * The answer step's one entry point: question analysis, the sentence caches, the name-type rule, the
 * learned ranker and the calibrated confidence live here, so the engine only wires an index to it.
 */
import type { Article, Sentence } from '../corpus/types.js';
import { terms } from '../index/tokenize.js';
import { LruCache } from '../lru.js';
import type { Candidate } from '../search/retrieve.js';
import { composeAnswer, nearestQuotes, type ComposedAnswer } from './compose.js';
import { loadConfidence, type ConfidenceFile, type ConfidenceModel } from './confidence.js';
import { classifyNames, findEntities, loadNameClassifier, type Entity, type NameClassifier } from './entities.js';
import { unknownShare } from './features.js';
import { sentencePool } from './pool.js';
import { analyzeQuestion, type QuestionAnalysis } from './question.js';
import { loadRanker, rankSentences, type RankedSentence, type Ranker, type RankerFile } from './rank.js';
import type { NotFoundReason } from './types.js';
import { addEntityFeatures, cheapFeatures, type SentenceEvidence } from './sentence-features.js';
import type { TermStats } from './term-stats.js';
import rankerFile from './models/ranker.json' with { type: 'json' };
import confidenceFile from './models/confidence.json' with { type: 'json' };

/** What the answer step reads from the loaded index for one question. */
export interface AnswerSources {
  stats: TermStats;
  /** The question's vector; null when retrieval ran without the dense index. */
  queryVector: Float32Array | null;
  sentenceVector(articleId: string, sentenceIndex: number): Float32Array | undefined;
}

export interface AnswererOptions {
  /** Overrides the trained abstain threshold (ANSWER_THRESHOLD). */
  threshold?: number;
  /** Models other than the shipped ones (training folds, benchmarks). */
  models?: { ranker: RankerFile; confidence: ConfidenceFile };
}

/** Every candidate sentence with all its features (entity features included), for training and benchmarks. */
export interface Examined {
  question: QuestionAnalysis;
  rows: SentenceEvidence[];
  unknown: number;
}

/**
 * A step around the learned ranking that the models know nothing of (the time constraint): `keep` drops
 * candidates after their features are computed (so the features of the others do not change) and before
 * the ranker orders them; `order` then reorders the second stage's shortlist (confirmed candidates first,
 * newest first). With `emptyReason`, a not_found is reported with that reason (nothing in the period
 * answers) instead of the generic one.
 */
export interface AroundRanking {
  keep?(row: SentenceEvidence): boolean;
  order?(shortlist: RankedSentence[]): RankedSentence[];
  emptyReason?: NotFoundReason;
  /** When nothing answers: the order the nearest passages are shown in (those confirmed in the period first). */
  nearest?(ranked: readonly RankedSentence[]): RankedSentence[];
}

export interface Answerer {
  analyze(question: string): QuestionAnalysis;
  answer(question: QuestionAnalysis, candidates: readonly Candidate[], sources: AnswerSources, maxAnswers?: number, around?: AroundRanking): Promise<ComposedAnswer>;
  examine(question: QuestionAnalysis, candidates: readonly Candidate[], sources: AnswerSources): Promise<Examined>;
  /** Forgets cached sentence analyses (after the index changed). */
  reset(): void;
}

/** Question types whose answers are names of a kind, so names must be told apart. */
const NAMED_TYPES: ReadonlySet<string> = new Set(['person', 'place', 'org']);

export function createAnswerer(options: AnswererOptions = {}): Answerer {
  // Loaded on first use: training examines questions with an engine before any model matching the code exists.
  let models: { ranker: Ranker; confidence: ConfidenceModel } | null = null;
  const loaded = () => (models ??= loadModels(options));
  const entityCache = new LruCache<string, Entity[]>(20_000);
  const termCache = new LruCache<string, string[]>(50_000);

  function termsOf(article: Article, sentence: Sentence): string[] {
    const key = `${article.contentHash}:${sentence.index}`;
    let found = termCache.get(key);
    if (!found) {
      found = terms(sentence.text);
      termCache.set(key, found);
    }
    return found;
  }

  function entitiesOf(article: Article, sentence: Sentence, classify: NameClassifier | null): Entity[] {
    const key = `${article.contentHash}:${sentence.index}`;
    let found = entityCache.get(key);
    if (!found) {
      found = findEntities(sentence.text);
      entityCache.set(key, found);
    }
    return classify ? classifyNames(found, classify) : found;
  }

  async function prepare(question: QuestionAnalysis, candidates: readonly Candidate[], sources: AnswerSources) {
    const rows = cheapFeatures(question, sentencePool(candidates), { ...sources, terms: termsOf });
    const classify = NAMED_TYPES.has(question.type) ? await loadNameClassifier() : null;
    const resolved = new Set(question.terms.map((t) => sources.stats.resolve(t)).filter((t): t is string => t !== null));
    const addEntities = (row: SentenceEvidence) => addEntityFeatures(question, row, entitiesOf(row.article, row.sentence, classify), resolved, sources.stats);
    return { rows, addEntities, unknown: unknownShare(question.terms, sources.stats) };
  }

  async function rank(question: QuestionAnalysis, candidates: readonly Candidate[], sources: AnswerSources, around: AroundRanking = {}) {
    const { rows, addEntities, unknown } = await prepare(question, candidates, sources);
    const kept = around.keep ? rows.filter((row) => around.keep!(row)) : rows;
    const ranked = rankSentences(kept, loaded().ranker, addEntities);
    if (!around.order) return { ranked, unknown };
    const shortlist = ranked.filter((r) => r.shortlisted);
    return { ranked: [...around.order(shortlist), ...ranked.slice(shortlist.length)], unknown };
  }

  return {
    analyze: analyzeQuestion,
    async answer(question, candidates, sources, maxAnswers = 3, around) {
      const { ranked, unknown } = await rank(question, candidates, sources, around);
      const composed = composeAnswer({ question, ranked, unknown, confidence: loaded().confidence, maxAnswers });
      if (composed.status !== 'not_found' || !around) return composed;
      return {
        ...composed,
        ...(around.emptyReason ? { reason: around.emptyReason } : {}),
        ...(around.nearest ? { nearest: nearestQuotes(around.nearest(ranked)) } : {}),
      };
    },
    async examine(question, candidates, sources) {
      const { rows, addEntities, unknown } = await prepare(question, candidates, sources);
      for (const row of rows) addEntities(row);
      return { question, rows, unknown };
    },
    reset() {
      entityCache.clear();
      termCache.clear();
    },
  };
}

function loadModels(options: AnswererOptions): { ranker: Ranker; confidence: ConfidenceModel } {
  const ranker = loadRanker(options.models?.ranker ?? (rankerFile as RankerFile));
  const trained = loadConfidence(options.models?.confidence ?? (confidenceFile as ConfidenceFile));
  const confidence = options.threshold === undefined ? trained : { ...trained, threshold: options.threshold, high: Math.max(trained.high, options.threshold) };
  return { ranker, confidence };
}
