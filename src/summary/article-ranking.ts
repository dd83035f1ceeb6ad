/** Ranks an article's sentences: graph centrality blended with the lead prior. */
import type { Article, Sentence } from '../corpus/types.js';
import { normalizeByMax, pageRank } from './centrality.js';
import { summaryMaterial } from './candidates.js';
import { leadPrior } from './position-prior.js';
import { similarityMatrix } from './similarity.js';
import type { SummarySource } from './source.js';
import { sentenceViews } from './sentence-views.js';

/** Parameters of article ranking; defaults chosen on the BBC dev split (bench/results/summary-bbc.md). */
export interface ArticleRankingOptions {
  /** Weight of embedding cosine against TF-IDF cosine in sentence similarity, 0..1 (default 0.5). */
  denseWeight?: number;
  /** Weight of the lead prior against centrality, 0..1 (default 0.5). */
  leadWeight?: number;
  /** Sentences after which the lead prior halves, > 0 (default 4). */
  halfLife?: number;
  /** MMR redundancy penalty, >= 0 (default 0.3; 0 disables it). */
  redundancy?: number;
  /** PageRank damping, 0..1 (default 0.85). */
  damping?: number;
}

export const DEFAULT_ARTICLE_RANKING: Required<ArticleRankingOptions> = {
  denseWeight: 0.5,
  leadWeight: 0.5,
  halfLife: 4,
  redundancy: 0.3,
  damping: 0.85,
};

export interface RankedArticle {
  /** Summary material in reading order (see `summaryMaterial`). */
  sentences: Sentence[];
  /** Score per entry of `sentences`, 0..1. */
  scores: number[];
  /** Pairwise similarity of `sentences`, for redundancy checks. */
  similarity: Float64Array[];
}

export function rankArticle(source: SummarySource, article: Article, options: ArticleRankingOptions = {}): RankedArticle {
  const { denseWeight, leadWeight, halfLife, damping } = { ...DEFAULT_ARTICLE_RANKING, ...options };
  const sentences = summaryMaterial(article);
  const similarity = similarityMatrix(sentenceViews(source, article, sentences), denseWeight);
  const centrality = normalizeByMax(pageRank(similarity, { damping }));
  const scores = centrality.map((c, position) => (1 - leadWeight) * c + leadWeight * leadPrior(position, halfLife));
  return { sentences, scores, similarity };
}
