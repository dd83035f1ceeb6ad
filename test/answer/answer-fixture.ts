/**
 * Small named corpora for answer-step tests: hand-built articles, term statistics from a real keyword index
 * over their sentences, and every sentence a candidate with neutral retrieval evidence (same passage score
 * and rank), so the order comes from the sentences and the question alone. No embeddings.
 */
import type { Article } from '../../src/corpus/types.js';
import { Bm25Index } from '../../src/index/bm25-index.js';
import { terms } from '../../src/index/tokenize.js';
import { termStatsFrom, type TermStats } from '../../src/answer/term-stats.js';
import { analyzeQuestion, type QuestionAnalysis } from '../../src/answer/question.js';
import { addEntityFeatures, cheapFeatures, type SentenceEvidence } from '../../src/answer/sentence-features.js';
import { findEntities } from '../../src/answer/entities.js';
import { makeArticle } from '../index/make-article.js';

export interface Fixture {
  question: QuestionAnalysis;
  articles: Article[];
  stats: TermStats;
  rows: SentenceEvidence[];
  /** Fills a row's entity features as the answer step does. */
  addEntities(row: SentenceEvidence): void;
}

export function fixture(question: string, articles: Record<string, readonly string[]>): Fixture {
  const built = Object.entries(articles).map(([id, sentences]) => makeArticle(id, sentences));
  const index = new Bm25Index();
  let label = 0;
  for (const article of built) for (const sentence of article.sentences) index.add(label++, sentence.text);
  const stats = termStatsFrom(index);
  const analysis = analyzeQuestion(question);
  const pool = built.flatMap((article) => article.sentences.map((sentence) => ({ article, sentence, passageScore: 1, passageRank: 0, articleRank: 0 })));
  const rows = cheapFeatures(analysis, pool, { stats, queryVector: null, sentenceVector: () => undefined, terms: (_a, s) => terms(s.text) });
  const resolved = new Set(analysis.terms.map((t) => stats.resolve(t)).filter((t): t is string => t !== null));
  return { question: analysis, articles: built, stats, rows, addEntities: (row) => addEntityFeatures(analysis, row, findEntities(row.sentence.text), resolved, stats) };
}
