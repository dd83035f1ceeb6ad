/**
 * The persisted form of the BM25 index: a small JSON header (parameters, terms, labels) followed by the postings as
 * raw little-endian typed arrays, so loading 5M postings is a copy rather than a parse.
 *
 * Layout: "BM25", u32 format version, u32 header length, header JSON, zero padding to 4 bytes, then u32 offsets
 * (terms + 1), u32 slots (postings), u16 frequencies (postings).
 */
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

const MAGIC = 'BM25';
const FORMAT_VERSION = 3;
const PREAMBLE_BYTES = 12;

interface Header {
  parameters: Bm25Parameters;
  terms: string[];
  labels: number[];
  postings: number;
}

export function encodeBm25(snapshot: Bm25Snapshot): Uint8Array {
  const { offsets, slots, frequencies } = snapshot.postings;
  const header: Header = { parameters: snapshot.parameters, terms: snapshot.terms, labels: snapshot.labels, postings: slots.length };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const arraysStart = align4(PREAMBLE_BYTES + json.length);
  const bytes = Buffer.alloc(arraysStart + offsets.byteLength + slots.byteLength + frequencies.byteLength);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(FORMAT_VERSION, 4);
  bytes.writeUInt32LE(json.length, 8);
  json.copy(bytes, PREAMBLE_BYTES);
  let position = arraysStart;
  for (const array of [offsets, slots, frequencies]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), position);
    position += array.byteLength;
  }
  return bytes;
}

/** Throws INDEX_CORRUPT unless the bytes are a well-formed snapshot whose labels are exactly those of `texts`. */
export function decodeBm25(bytes: Uint8Array, texts: ReadonlyMap<number, string>): Bm25Snapshot {
  const corrupt = (reason: string, cause?: unknown): VerbatimError => new VerbatimError('INDEX_CORRUPT', `The keyword index is unusable: ${reason}.`, { cause });
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < PREAMBLE_BYTES || view.toString('latin1', 0, 4) !== MAGIC) throw corrupt('it is not a keyword index file');
  const version = view.readUInt32LE(4);
  if (version !== FORMAT_VERSION) throw corrupt(`it has format version ${version}, expected ${FORMAT_VERSION}`);
  const headerEnd = PREAMBLE_BYTES + view.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(view.toString('utf8', PREAMBLE_BYTES, headerEnd)) as Header;
  } catch (error) {
    throw corrupt('its header is not valid JSON', error);
  }
  const { parameters, terms, labels, postings } = header;
  if (!isStringArray(terms) || !isIntegerArray(labels) || !Number.isInteger(postings)) throw corrupt('header fields are missing or of the wrong type');
  if (!['k', 'b', 'd'].every((key) => Number.isFinite((parameters as unknown as Record<string, unknown>)?.[key]))) throw corrupt('BM25 parameters are missing');

  const offsetsStart = align4(headerEnd);
  const slotsStart = offsetsStart + 4 * (terms.length + 1);
  const frequenciesStart = slotsStart + 4 * postings;
  if (view.length !== frequenciesStart + 2 * postings) throw corrupt('its size does not match its header');
  const aligned = view.byteOffset % 4 === 0 ? view : Buffer.from(view);
  const offsets = new Uint32Array(aligned.buffer, aligned.byteOffset + offsetsStart, terms.length + 1);
  const slots = new Uint32Array(aligned.buffer, aligned.byteOffset + slotsStart, postings);
  const frequencies = new Uint16Array(aligned.buffer, aligned.byteOffset + frequenciesStart, postings);

  if (offsets[0] !== 0 || offsets[terms.length] !== postings) throw corrupt('posting offsets do not match the postings');
  for (let t = 0; t < terms.length; t++) if (offsets[t]! > offsets[t + 1]!) throw corrupt('posting offsets decrease');
  for (let i = 0; i < slots.length; i++) if (slots[i]! >= labels.length) throw corrupt('a posting names an unknown passage');
  if (labels.length !== texts.size || new Set(labels).size !== labels.length || labels.some((label) => !texts.has(label))) {
    throw corrupt(`it holds ${labels.length} passages that differ from the store's ${texts.size}`);
  }
  return { parameters, terms, labels, postings: { offsets, slots, frequencies } };
}

function align4(position: number): number {
  return (position + 3) & ~3;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isIntegerArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item));
}
