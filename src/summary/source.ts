/** What the summary step reads: the loaded index's articles and sentence vectors (a `LoadedIndex` fits as is). */
import type { Article } from '../corpus/types.js';

export interface SummarySource {
  articles: ReadonlyMap<string, Article>;
  /** The sentence's embedding (unit length), or undefined when the index has none; lexical overlap is used alone then. */
  sentenceVector(articleId: string, sentenceIndex: number): Float32Array | undefined;
}

/** One retrieved sentence about a topic, as the engine's retriever found it. */
export interface TopicCandidate {
  articleId: string;
  sentenceIndex: number;
  /** Higher is more relevant; any scale (it is rescaled to 0..1 across the candidates). */
  relevance: number;
}
