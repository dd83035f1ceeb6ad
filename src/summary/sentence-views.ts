/** Builds the similarity views (TF-IDF terms + embedding) of sentences and whole articles. */
import type { Article, Sentence } from '../corpus/types.js';
import { terms } from '../index/tokenize.js';
import type { TextView } from './similarity.js';
import { meanUnit } from '../search/vectors.js';
import type { SummarySource } from './source.js';
import { termWeights, tfidfVector } from './term-weights.js';

export function sentenceViews(source: SummarySource, article: Article, sentences: readonly Sentence[]): TextView[] {
  const weights = termWeights(source.articles);
  return sentences.map((sentence) => ({
    terms: tfidfVector(terms(sentence.text), weights),
    vector: source.sentenceVector(article.id, sentence.index),
  }));
}

/** An article as one view: sublinear TF-IDF (article-level IDF) of the given sentences' terms, and the mean of their vectors. */
export function articleView(source: SummarySource, article: Article, sentences: readonly Sentence[]): TextView {
  const weights = termWeights(source.articles, 'article');
  const vectors = sentences.map((s) => source.sentenceVector(article.id, s.index)).filter((v): v is Float32Array => v !== undefined);
  return {
    terms: tfidfVector(sentences.flatMap((s) => terms(s.text)), weights, true),
    vector: vectors.length === sentences.length ? (meanUnit(vectors) ?? undefined) : undefined,
  };
}
