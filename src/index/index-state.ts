/** The in-memory index one generation on disk describes: what `openIndex` returns and `ingest` edits. */
import type { Article, Passage } from '../corpus/types.js';
import { Bm25Index } from './bm25-index.js';
import { HnswVectorIndex } from './hnsw-index.js';
import type { FileEntry } from './manifest.js';
import type { VectorLocation } from './sentence-vectors.js';
import type { SentenceVectorRows } from './vector-rows.js';

export interface IndexState {
  articles: Map<string, Article>;
  /** Passages by label. */
  passages: Map<number, Passage>;
  /** Each article's passage labels, in passage order. */
  labelsOf: Map<string, number[]>;
  dense: HnswVectorIndex;
  lexical: Bm25Index;
  /** Each article's sentence vectors: one row of `dimension` floats per sentence (read from disk on demand once opened). */
  sentenceVectors: SentenceVectorRows;
  /** Where each article's rows sit on disk; null until they are written. */
  vectorLocations: Map<string, VectorLocation | null>;
  /** The sentence-vector files those locations point into, as the manifest lists them. */
  vectorFiles: FileEntry[];
  /** The next unused label; labels are never reused. */
  nextLabel: number;
}

export function emptyIndexState(dimension: number): IndexState {
  return {
    articles: new Map(),
    passages: new Map(),
    labelsOf: new Map(),
    dense: new HnswVectorIndex(dimension),
    lexical: new Bm25Index(),
    sentenceVectors: new Map(),
    vectorLocations: new Map(),
    vectorFiles: [],
    nextLabel: 0,
  };
}

/** Sentence `sentenceIndex` of an article as a view into its rows, or undefined when there is none. */
export function sentenceVectorOf(state: IndexState, dimension: number, articleId: string, sentenceIndex: number): Float32Array | undefined {
  const rows = state.sentenceVectors.get(articleId);
  if (!rows || !Number.isInteger(sentenceIndex) || sentenceIndex < 0 || (sentenceIndex + 1) * dimension > rows.length) return undefined;
  return rows.subarray(sentenceIndex * dimension, (sentenceIndex + 1) * dimension);
}
