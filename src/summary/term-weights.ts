/** Inverse document frequencies of `terms()` over every sentence of the corpus, and TF-IDF vectors built from them. */
import type { Article } from '../corpus/types.js';
import { terms } from '../index/tokenize.js';

export type TermVector = ReadonlyMap<string, number>;

export interface TermWeights {
  /** Smoothed IDF, `ln((N + 1) / (df + 1)) + 1`: never zero, so a term shared by every sentence still counts a little. */
  idf(term: string): number;
}

const cache = new WeakMap<ReadonlyMap<string, Article>, { size: number; weights: TermWeights }>();

/** IDF over all sentences of `articles`; memoised per map (and recomputed if the map grew or shrank). */
export function termWeights(articles: ReadonlyMap<string, Article>): TermWeights {
  const hit = cache.get(articles);
  if (hit && hit.size === articles.size) return hit.weights;
  const df = new Map<string, number>();
  let documents = 0;
  for (const article of articles.values()) {
    for (const sentence of article.sentences) {
      documents += 1;
      for (const term of new Set(terms(sentence.text))) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const weights: TermWeights = { idf: (term) => Math.log((documents + 1) / ((df.get(term) ?? 0) + 1)) + 1 };
  cache.set(articles, { size: articles.size, weights });
  return weights;
}

/** Unit-length TF-IDF vector of a list of terms (empty map for no terms). */
export function tfidfVector(termList: readonly string[], weights: TermWeights): TermVector {
  const counts = new Map<string, number>();
  for (const term of termList) counts.set(term, (counts.get(term) ?? 0) + 1);
  let norm = 0;
  const vector = new Map<string, number>();
  for (const [term, count] of counts) {
    const weight = count * weights.idf(term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}
