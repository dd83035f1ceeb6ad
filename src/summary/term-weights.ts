/** Inverse document frequencies of `terms()` over the corpus's sentences (or articles), and TF-IDF vectors built from them. */
import type { Article } from '../corpus/types.js';
import { terms } from '../index/tokenize.js';

export type TermVector = ReadonlyMap<string, number>;

export interface TermWeights {
  /** Smoothed IDF, `ln((N + 1) / (df + 1)) + 1`: never zero, so a term shared by every sentence still counts a little. */
  idf(term: string): number;
}

type Unit = 'sentence' | 'article';
const caches: Record<Unit, WeakMap<ReadonlyMap<string, Article>, { size: number; weights: TermWeights }>> = {
  sentence: new WeakMap(),
  article: new WeakMap(),
};

/**
 * IDF with each sentence (or each article) of `articles` as one document; memoised per map (and recomputed if
 * the map grew or shrank). Sentences suit sentence similarity; articles suit article similarity.
 */
export function termWeights(articles: ReadonlyMap<string, Article>, unit: Unit = 'sentence'): TermWeights {
  const hit = caches[unit].get(articles);
  if (hit && hit.size === articles.size) return hit.weights;
  const df = new Map<string, number>();
  let documents = 0;
  const count = (text: string): void => {
    documents += 1;
    for (const term of new Set(terms(text))) df.set(term, (df.get(term) ?? 0) + 1);
  };
  for (const article of articles.values()) {
    if (unit === 'article') count(article.sentences.map((s) => s.text).join(' '));
    else for (const sentence of article.sentences) count(sentence.text);
  }
  const weights: TermWeights = { idf: (term) => Math.log((documents + 1) / ((df.get(term) ?? 0) + 1)) + 1 };
  caches[unit].set(articles, { size: articles.size, weights });
  return weights;
}

/**
 * Unit-length TF-IDF vector of a list of terms (empty map for no terms). `sublinear` uses `1 + ln(tf)` so a
 * long article's repeated names do not drown everything else.
 */
export function tfidfVector(termList: readonly string[], weights: TermWeights, sublinear = false): TermVector {
  const counts = new Map<string, number>();
  for (const term of termList) counts.set(term, (counts.get(term) ?? 0) + 1);
  let norm = 0;
  const vector = new Map<string, number>();
  for (const [term, count] of counts) {
    const weight = (sublinear ? 1 + Math.log(count) : count) * weights.idf(term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}
