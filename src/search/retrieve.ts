/**
 * The retriever: the question goes to the dense and the lexical index, the two candidate lists
 * are fused, and per-article diversity keeps one long article from filling every slot.
 */
import type { Article, Passage } from '../corpus/types.js';
import type { ServingIndex } from '../index/serving-index.js';
import { FUSION_METHODS, type FusionContext, type FusionInput, type FusionMethod } from './fusion.js';
import { dot, meanUnit } from './vectors.js';

/** Which indexes a question is searched in: both (fused), or one alone (benchmarks' ablations, `--mode`). */
export type RetrievalMode = 'hybrid' | 'bm25' | 'dense';

export interface Candidate extends FusionInput {
  label: number;
  passage: Passage;
  article: Article;
  fused: number;
}

export interface RetrieveOptions {
  mode: RetrievalMode;
  fusion?: FusionMethod;
  /** Candidates asked of each index; default 50. */
  depth?: number;
  /** Candidates returned after fusion; default 24. */
  limit?: number;
  /** At most this many passages of one article among those returned; default 6. */
  maxPerArticle?: number;
}

export async function retrieve(index: ServingIndex, query: string, queryVector: Float32Array | null, options: RetrieveOptions): Promise<Candidate[]> {
  const depth = options.depth ?? 50;
  const [denseHits, lexicalHits] = await Promise.all([
    options.mode !== 'bm25' && queryVector ? index.search.dense(queryVector, depth) : [],
    options.mode !== 'dense' ? index.search.lexical(query, depth) : [],
  ]);

  const byLabel = new Map<number, { denseRank: number | null; lexicalRank: number | null; dense: number | null; lexical: number }>();
  denseHits.forEach((hit, rank) => byLabel.set(hit.label, { denseRank: rank, lexicalRank: null, dense: hit.score, lexical: 0 }));
  lexicalHits.forEach((hit, rank) => {
    const seen = byLabel.get(hit.label);
    if (seen) Object.assign(seen, { lexicalRank: rank, lexical: hit.score });
    else byLabel.set(hit.label, { denseRank: null, lexicalRank: rank, dense: null, lexical: hit.score });
  });

  const candidates: Candidate[] = [];
  for (const [label, evidence] of byLabel) {
    const passage = index.passages.get(label);
    const article = passage ? index.articles.get(passage.article) : undefined;
    if (!passage || !article) continue;
    // Every candidate gets an exact cosine, so score fusion compares like with like.
    const dense = evidence.dense ?? (queryVector ? passageSimilarity(index, passage, queryVector) : 0);
    candidates.push({ label, passage, article, denseRank: evidence.denseRank, lexicalRank: evidence.lexicalRank, dense, lexical: evidence.lexical, fused: 0 });
  }
  if (candidates.length === 0) return [];

  const context: FusionContext = {
    maxDense: Math.max(...candidates.map((c) => c.dense)),
    minDense: Math.min(...candidates.map((c) => c.dense)),
    maxLexical: Math.max(0, ...candidates.map((c) => c.lexical)),
  };
  const fuse = FUSION_METHODS[options.fusion ?? 'score'];
  for (const c of candidates) {
    c.fused = options.mode === 'bm25' ? c.lexical / (context.maxLexical || 1) : options.mode === 'dense' ? c.dense : fuse(c, context);
  }
  candidates.sort((a, b) => b.fused - a.fused || a.label - b.label);
  return diversify(candidates, options.limit ?? 24, options.maxPerArticle ?? 6);
}

/** Keeps fused order but admits at most `maxPerArticle` passages of any one article. */
export function diversify<T extends { passage: { article: string } }>(ranked: readonly T[], limit: number, maxPerArticle: number): T[] {
  const perArticle = new Map<string, number>();
  const out: T[] = [];
  for (const item of ranked) {
    const count = perArticle.get(item.passage.article) ?? 0;
    if (count >= maxPerArticle) continue;
    perArticle.set(item.passage.article, count + 1);
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

function passageSimilarity(index: ServingIndex, passage: Passage, queryVector: Float32Array): number {
  const vectors: Float32Array[] = [];
  for (let i = passage.sentenceStart; i < passage.sentenceEnd; i++) {
    const v = index.sentenceVector(passage.article, i);
    if (v) vectors.push(v);
  }
  const mean = meanUnit(vectors);
  return mean ? dot(mean, queryVector) : 0;
}
