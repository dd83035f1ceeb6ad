/**
 * The LexicalIndex port: BM25+ over passage texts analysed with the shared `terms()`, so answer scoring agrees.
 * Postings live in typed arrays so a 100k-passage index loads in tens of milliseconds; MiniSearch's own JSON form
 * (Maps of Maps) took over 3 s to load at that size. Scores equal MiniSearch's: the sum of `bm25TermScore` over the
 * distinct query terms a passage contains, times how many of them it contains.
 */
import { decodeBm25, encodeBm25, type Bm25Snapshot, type PostingBlock } from './bm25-codec.js';
import { bm25TermScore, DEFAULT_BM25_PARAMETERS, type Bm25Parameters } from './bm25-score.js';
import type { LexicalHit, LexicalIndex } from './lexical-index.js';
import { terms } from './tokenize.js';
import { TopK } from './top-k.js';

const MAX_FREQUENCY = 0xffff;
const REMOVED = -1;

export class Bm25Index implements LexicalIndex {
  readonly parameters: Bm25Parameters;
  private readonly termIds = new Map<string, number>();
  private readonly termTexts: string[] = [];
  /** Live passages containing each term. */
  private readonly documentFrequency: number[] = [];
  /** Postings as loaded, all live at load time; term ids beyond its offsets have none there. */
  private block: PostingBlock = { offsets: new Uint32Array(1), slots: new Uint32Array(0), frequencies: new Uint16Array(0) };
  /** Postings added since load, per term id. */
  private readonly appended = new Map<number, { slots: number[]; frequencies: number[] }>();
  /** Passages by slot (internal, dense, not reused before the next save); REMOVED once gone. */
  private readonly labelOfSlot: number[] = [];
  /** Distinct terms per slot (MiniSearch's field length). */
  private readonly lengthOfSlot: number[] = [];
  private readonly slotOf = new Map<number, number>();
  /** Each passage's text, to find its terms on removal (strings are shared with the caller's passages). */
  private readonly texts = new Map<number, string>();
  private totalLength = 0;

  constructor(parameters: Partial<Bm25Parameters> = {}) {
    this.parameters = { ...DEFAULT_BM25_PARAMETERS, ...parameters };
  }

  /**
   * Restores an index from `serialize()`. The persisted form holds no texts, so `texts` must give the text of every
   * indexed label (the store passes its passages). Throws INDEX_CORRUPT when the bytes are unusable or disagree.
   */
  static deserialize(bytes: Uint8Array, texts: ReadonlyMap<number, string>): Bm25Index {
    const snapshot = decodeBm25(bytes, texts);
    const index = new Bm25Index(snapshot.parameters);
    index.restore(snapshot, texts);
    return index;
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(label: number): boolean {
    return this.slotOf.has(label);
  }

  documentsWith(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.documentFrequency[id]!;
  }

  *vocabulary(): Iterable<string> {
    for (const [term, id] of this.termIds) if (this.documentFrequency[id]! > 0) yield term;
  }

  add(label: number, text: string): void {
    this.remove(label);
    const frequencies = new Map<string, number>();
    for (const term of terms(text)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    const slot = this.labelOfSlot.length;
    this.labelOfSlot.push(label);
    this.lengthOfSlot.push(frequencies.size);
    this.slotOf.set(label, slot);
    this.texts.set(label, text);
    this.totalLength += frequencies.size;
    for (const [term, frequency] of frequencies) {
      const id = this.termId(term);
      this.documentFrequency[id]!++;
      let postings = this.appended.get(id);
      if (!postings) this.appended.set(id, (postings = { slots: [], frequencies: [] }));
      postings.slots.push(slot);
      postings.frequencies.push(Math.min(frequency, MAX_FREQUENCY));
    }
  }

  remove(label: number): void {
    const slot = this.slotOf.get(label);
    if (slot === undefined) return;
    for (const term of new Set(terms(this.texts.get(label)!))) this.documentFrequency[this.termIds.get(term)!]!--;
    this.totalLength -= this.lengthOfSlot[slot]!;
    this.labelOfSlot[slot] = REMOVED;
    this.slotOf.delete(label);
    this.texts.delete(label);
  }

  search(query: string, k: number): LexicalHit[] {
    const documentCount = this.slotOf.size;
    if (!(k > 0) || documentCount === 0) return [];
    const averageLength = this.totalLength / documentCount;
    const sums = new Float64Array(this.labelOfSlot.length);
    const matched = new Uint16Array(this.labelOfSlot.length);
    const touched: number[] = [];
    // A repeated question word must not count twice.
    for (const term of new Set(terms(query))) {
      const id = this.termIds.get(term);
      if (id === undefined || this.documentFrequency[id] === 0) continue;
      const documentFrequency = this.documentFrequency[id]!;
      this.forEachPosting(id, (slot, frequency) => {
        if (this.labelOfSlot[slot] === REMOVED) return;
        if (matched[slot] === 0) touched.push(slot);
        matched[slot]!++;
        sums[slot]! += bm25TermScore(frequency, documentFrequency, documentCount, this.lengthOfSlot[slot]!, averageLength, this.parameters);
      });
    }
    const best = new TopK(Math.floor(k));
    for (const slot of touched) best.push(this.labelOfSlot[slot]!, sums[slot]! * matched[slot]!);
    return best.sorted();
  }

  /** The persisted form: live passages only, postings as packed typed arrays (see bm25-codec.ts). */
  serialize(): Uint8Array {
    const newSlot = new Int32Array(this.labelOfSlot.length).fill(REMOVED);
    const labels: number[] = [];
    this.labelOfSlot.forEach((label, slot) => {
      if (label !== REMOVED) newSlot[slot] = labels.push(label) - 1;
    });
    const liveTerms: string[] = [];
    const offsets: number[] = [0];
    const slots: number[] = [];
    const frequencies: number[] = [];
    this.termTexts.forEach((term, id) => {
      if (this.documentFrequency[id] === 0) return;
      this.forEachPosting(id, (slot, frequency) => {
        if (newSlot[slot] === REMOVED) return;
        slots.push(newSlot[slot]!);
        frequencies.push(frequency);
      });
      liveTerms.push(term);
      offsets.push(slots.length);
    });
    return encodeBm25({
      parameters: this.parameters,
      terms: liveTerms,
      labels,
      postings: { offsets: Uint32Array.from(offsets), slots: Uint32Array.from(slots), frequencies: Uint16Array.from(frequencies) },
    });
  }

  private restore(snapshot: Bm25Snapshot, texts: ReadonlyMap<number, string>): void {
    this.block = snapshot.postings;
    snapshot.terms.forEach((term, id) => {
      this.termIds.set(term, id);
      this.termTexts.push(term);
      this.documentFrequency.push(this.block.offsets[id + 1]! - this.block.offsets[id]!);
    });
    snapshot.labels.forEach((label, slot) => {
      this.labelOfSlot.push(label);
      this.lengthOfSlot.push(0);
      this.slotOf.set(label, slot);
      this.texts.set(label, texts.get(label)!);
    });
    const { slots } = this.block;
    for (let i = 0; i < slots.length; i++) this.lengthOfSlot[slots[i]!]!++;
    this.totalLength = this.block.slots.length;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termTexts.push(term) - 1;
      this.termIds.set(term, id);
      this.documentFrequency.push(0);
    }
    return id;
  }

  private forEachPosting(id: number, visit: (slot: number, frequency: number) => void): void {
    const { offsets, slots, frequencies } = this.block;
    if (id + 1 < offsets.length) {
      for (let i = offsets[id]!; i < offsets[id + 1]!; i++) visit(slots[i]!, frequencies[i]!);
    }
    const postings = this.appended.get(id);
    if (postings) for (let i = 0; i < postings.slots.length; i++) visit(postings.slots[i]!, postings.frequencies[i]!);
  }
}
