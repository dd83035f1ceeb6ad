/** The persisted form of the BM25 index: JSON whose postings are base64-packed typed arrays (fast to parse). */
import { VerbatimError } from '../errors.js';
import type { Bm25Parameters } from './bm25-score.js';

/** Every term's postings in one block: term t's passages are `slots[offsets[t] .. offsets[t+1])`, ascending. */
export interface PostingBlock {
  offsets: Uint32Array;
  slots: Uint32Array;
  frequencies: Uint16Array;
}

export interface Bm25Snapshot {
  parameters: Bm25Parameters;
  /** Term t's text. */
  terms: string[];
  /** Slot s's passage label. */
  labels: number[];
  postings: PostingBlock;
}

const FORMAT_VERSION = 2;

export function encodeBm25(snapshot: Bm25Snapshot): string {
  const base64 = (array: ArrayBufferView): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  const { offsets, slots, frequencies } = snapshot.postings;
  return JSON.stringify({
    version: FORMAT_VERSION,
    parameters: snapshot.parameters,
    terms: snapshot.terms,
    labels: snapshot.labels,
    offsets: base64(offsets),
    slots: base64(slots),
    frequencies: base64(frequencies),
  });
}

/** Throws INDEX_CORRUPT unless the JSON is a well-formed snapshot whose labels are exactly those of `texts`. */
export function decodeBm25(json: string, texts: ReadonlyMap<number, string>): Bm25Snapshot {
  const corrupt = (reason: string, cause?: unknown): VerbatimError => new VerbatimError('INDEX_CORRUPT', `The keyword index is unusable: ${reason}.`, { cause });
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch (error) {
    throw corrupt('it is not valid JSON', error);
  }
  if (raw.version !== FORMAT_VERSION) throw corrupt(`it has format version ${String(raw.version)}, expected ${FORMAT_VERSION}`);
  const { parameters, terms, labels } = raw as { parameters: Bm25Parameters; terms: unknown; labels: unknown };
  if (!isStringArray(terms) || !isIntegerArray(labels) || typeof raw.offsets !== 'string' || typeof raw.slots !== 'string' || typeof raw.frequencies !== 'string') {
    throw corrupt('fields are missing or of the wrong type');
  }
  if (!['k', 'b', 'd'].every((key) => Number.isFinite((parameters as unknown as Record<string, unknown>)?.[key]))) throw corrupt('BM25 parameters are missing');
  const offsets = new Uint32Array(fromBase64(raw.offsets, 4));
  const slots = new Uint32Array(fromBase64(raw.slots, 4));
  const frequencies = new Uint16Array(fromBase64(raw.frequencies, 2));

  if (offsets.length !== terms.length + 1 || offsets[0] !== 0 || offsets[terms.length] !== slots.length || frequencies.length !== slots.length) {
    throw corrupt('posting offsets do not match the postings');
  }
  for (let t = 0; t < terms.length; t++) if (offsets[t]! > offsets[t + 1]!) throw corrupt('posting offsets decrease');
  for (let i = 0; i < slots.length; i++) if (slots[i]! >= labels.length) throw corrupt('a posting names an unknown passage');
  if (labels.length !== texts.size || new Set(labels).size !== labels.length || labels.some((label) => !texts.has(label))) {
    throw corrupt(`it holds ${labels.length} passages that differ from the store's ${texts.size}`);
  }
  return { parameters, terms, labels, postings: { offsets, slots, frequencies } };
}

/** Decoded bytes in a fresh, aligned buffer (a Buffer from base64 may sit at any offset of a shared pool). */
function fromBase64(text: string, elementBytes: number): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % elementBytes !== 0) throw new VerbatimError('INDEX_CORRUPT', 'The keyword index is unusable: a packed array has a partial element.');
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return copy;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isIntegerArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item));
}
