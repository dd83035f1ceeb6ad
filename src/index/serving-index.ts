/**
 * What the engine serves questions from, whichever store holds the index: the articles and passages (quotes are
 * sliced from exactly the indexed text), sentence vectors for the answer step, term statistics, and the two
 * candidate searches. The files store answers searches from memory; the PostgreSQL store asks the database.
 */
import type { Article, Passage } from '../corpus/types.js';
import type { TermSource } from '../answer/term-stats.js';
import type { LexicalHit } from './lexical-index.js';
import type { VectorHit } from './vector-index.js';

export interface CandidateSearch {
  /** Nearest passages by cosine to a query vector, best first. */
  dense(vector: Float32Array, k: number): Promise<VectorHit[]>;
  /** Keyword matches for a question, best first; scores only compare within one query. */
  lexical(query: string, k: number): Promise<LexicalHit[]>;
}

export interface ServingIndex {
  /** Where the index lives: a folder, or a database URL without its password. */
  dir: string;
  counts: { articles: number; passages: number; sentences: number };
  /** When this generation was written (ISO time), or null where the store does not record it (PostgreSQL). */
  writtenAt: string | null;
  /** The committed generation this was read from. */
  generation: number;
  articles: Map<string, Article>;
  /** Passages by label. */
  passages: Map<number, Passage>;
  /** Document frequencies of analysed terms, for the answer step's IDF features. */
  lexical: TermSource;
  search: CandidateSearch;
  /** A sentence's unit vector (a view: do not modify it), or undefined for an unknown article or sentence. */
  sentenceVector(articleId: string, sentenceIndex: number): Float32Array | undefined;
  /** Checks what the open left unchecked (files store, see store.ts VerifyMode); throws INDEX_CORRUPT on a mismatch. */
  verify?(): Promise<void>;
  /** Frees what the index holds open (file descriptors); called when the engine closes. */
  release?(): void;
}
