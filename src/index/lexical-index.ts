/** The LexicalIndex port: keyword (BM25) search over passage texts, analysed with `terms()` from tokenize.ts. */

export interface LexicalHit {
  label: number;
  /** BM25 relevance; higher is better, only comparable within one query. */
  score: number;
}

export interface LexicalIndex {
  readonly size: number;
  /** Indexes `text` under a label not currently present. */
  add(label: number, text: string): void;
  /** Removes a label; removing an unknown label is a no-op. */
  remove(label: number): void;
  has(label: number): boolean;
  /** Best first, at most k hits; only passages sharing at least one term with the query. */
  search(query: string, k: number): LexicalHit[];
  /** How many live passages contain the analysed term (0 for a term the index does not hold). */
  documentsWith(term: string): number;
  /** Every analysed term some live passage contains. */
  vocabulary(): Iterable<string>;
  /** The persisted form (the implementation's static `deserialize` restores it). */
  serialize(): Uint8Array;
}
