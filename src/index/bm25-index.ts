/** The LexicalIndex port backed by MiniSearch's BM25, analysed with the shared `terms()` so answer scoring agrees. */
import MiniSearch, { type BM25Params, type Options } from 'minisearch';
import { VerbatimError } from '../errors.js';
import type { LexicalHit, LexicalIndex } from './lexical-index.js';
import { terms } from './tokenize.js';

interface PassageDocument {
  id: number;
  text: string;
}

const FORMAT_VERSION = 1;

/**
 * MiniSearch's BM25+ defaults: k (term-frequency saturation, 1.2; 1–2 usual), b (length normalisation, 0.7; 0–1),
 * d (BM25+ floor for any match, 0.5; 0–1).
 */
export const DEFAULT_BM25_PARAMETERS: BM25Params = { k: 1.2, b: 0.7, d: 0.5 };

function miniSearchOptions(bm25: BM25Params): Options<PassageDocument> {
  return {
    fields: ['text'],
    tokenize: (text) => terms(text),
    processTerm: (term) => term,
    // Discarded documents would skew document frequencies until a vacuum; documents are removed exactly instead.
    autoVacuum: false,
    searchOptions: {
      // A repeated question word must not count twice.
      tokenize: (text) => [...new Set(terms(text))],
      prefix: false,
      fuzzy: false,
      combineWith: 'OR',
      bm25,
    },
  };
}

/**
 * Scores are MiniSearch's: the BM25+ sum over matched query terms, times the number of distinct query terms matched
 * (so passages covering more of the question rank higher).
 */
export class Bm25Index implements LexicalIndex {
  private engine: MiniSearch<PassageDocument>;
  /** Each document's text, needed to remove it exactly (strings are shared with the caller's passages, not copied). */
  private readonly texts: Map<number, string>;
  private readonly bm25: BM25Params;

  constructor(bm25: Partial<BM25Params> = {}) {
    this.bm25 = { ...DEFAULT_BM25_PARAMETERS, ...bm25 };
    this.engine = new MiniSearch(miniSearchOptions(this.bm25));
    this.texts = new Map();
  }

  /**
   * Restores an index from `toJSON()`. MiniSearch's form holds no texts, so `texts` must give the text of every
   * indexed label (the store passes its passages). Throws INDEX_CORRUPT when the two disagree or the JSON is unusable.
   */
  static fromJSON(json: string, texts: ReadonlyMap<number, string>): Bm25Index {
    let index: Bm25Index;
    try {
      const parsed = JSON.parse(json) as { version: unknown; bm25: BM25Params; miniSearch: unknown };
      if (parsed.version !== FORMAT_VERSION) throw new Error(`format version ${String(parsed.version)}, expected ${FORMAT_VERSION}`);
      index = new Bm25Index(parsed.bm25);
      // The cast names the shape MiniSearch wrote; its loader throws on anything it cannot read.
      index.engine = MiniSearch.loadJS(parsed.miniSearch as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions(index.bm25));
    } catch (error) {
      throw new VerbatimError('INDEX_CORRUPT', `The keyword index is unreadable: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
    }
    for (const [label, text] of texts) {
      if (!index.engine.has(label)) throw new VerbatimError('INDEX_CORRUPT', `The keyword index lacks passage ${label}.`);
      index.texts.set(label, text);
    }
    if (index.engine.documentCount !== texts.size) {
      throw new VerbatimError('INDEX_CORRUPT', `The keyword index holds ${index.engine.documentCount} passages, the store ${texts.size}.`);
    }
    return index;
  }

  get size(): number {
    return this.texts.size;
  }

  has(label: number): boolean {
    return this.texts.has(label);
  }

  add(label: number, text: string): void {
    if (this.texts.has(label)) this.remove(label);
    this.engine.add({ id: label, text });
    this.texts.set(label, text);
  }

  remove(label: number): void {
    const text = this.texts.get(label);
    if (text === undefined) return;
    this.engine.remove({ id: label, text });
    this.texts.delete(label);
  }

  search(query: string, k: number): LexicalHit[] {
    if (k <= 0 || this.texts.size === 0) return [];
    return this.engine
      .search(query)
      .slice(0, k)
      .map((result) => ({ label: result.id as number, score: result.score }));
  }

  toJSON(): string {
    return JSON.stringify({ version: FORMAT_VERSION, bm25: this.bm25, miniSearch: this.engine });
  }
}
