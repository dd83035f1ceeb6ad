/**
 * The embedding cache file, a compact binary log (little-endian, as every platform Node runs on):
 *
 *   header  "VBEC" · u16 format version · u16 id byte length · u32 dimension · embedder id (UTF-8) · zero padding to 4 bytes
 *   record  32-byte sha256 of the text · dimension × float32 (a unit vector)
 *
 * Records are only ever appended, so a write cut short leaves at most one partial record at the end. Reading stops at
 * the first partial or implausible record (not unit length, not finite) and keeps everything before it.
 */
export const CACHE_FORMAT_VERSION = 1;
const MAGIC = 'VBEC';
const KEY_BYTES = 32;
const FIXED_HEADER_BYTES = 12;
const UNIT_NORM_TOLERANCE = 1e-3;

export interface CacheHeader {
  embedderId: string;
  dimension: number;
}

export interface CacheEntry {
  /** sha256 of the text, 32 bytes. */
  key: Uint8Array;
  vector: Float32Array;
}

export type DecodedCache =
  | { status: 'ok'; header: CacheHeader; entries: CacheEntry[] }
  /** Usable records were kept, but `validBytes` is shorter than the file: the tail must be rewritten. */
  | { status: 'truncated'; header: CacheHeader; entries: CacheEntry[]; validBytes: number; problem: string }
  | { status: 'unreadable'; problem: string };

export function encodeHeader(header: CacheHeader): Uint8Array {
  const id = new TextEncoder().encode(header.embedderId);
  const length = align4(FIXED_HEADER_BYTES + id.length);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint16(4, CACHE_FORMAT_VERSION, true);
  view.setUint16(6, id.length, true);
  view.setUint32(8, header.dimension, true);
  bytes.set(id, FIXED_HEADER_BYTES);
  return bytes;
}

export function encodeRecords(entries: readonly CacheEntry[], dimension: number): Uint8Array {
  const recordBytes = KEY_BYTES + dimension * 4;
  const bytes = new Uint8Array(entries.length * recordBytes);
  entries.forEach((entry, i) => {
    bytes.set(entry.key, i * recordBytes);
    bytes.set(new Uint8Array(entry.vector.buffer, entry.vector.byteOffset, dimension * 4), i * recordBytes + KEY_BYTES);
  });
  return bytes;
}

export function decodeCache(bytes: Uint8Array): DecodedCache {
  const header = decodeHeader(bytes);
  if (typeof header === 'string') return { status: 'unreadable', problem: header };
  const { dimension } = header.value;
  const recordBytes = KEY_BYTES + dimension * 4;
  const entries: CacheEntry[] = [];
  let offset = header.length;
  for (; offset + recordBytes <= bytes.length; offset += recordBytes) {
    const vector = new Float32Array(dimension);
    new Uint8Array(vector.buffer).set(bytes.subarray(offset + KEY_BYTES, offset + recordBytes));
    if (!isUnitVector(vector)) {
      return { status: 'truncated', header: header.value, entries, validBytes: offset, problem: `record ${entries.length + 1} is damaged` };
    }
    entries.push({ key: bytes.slice(offset, offset + KEY_BYTES), vector });
  }
  if (offset < bytes.length) {
    return { status: 'truncated', header: header.value, entries, validBytes: offset, problem: 'the last record was cut short (an interrupted write?)' };
  }
  return { status: 'ok', header: header.value, entries };
}

function decodeHeader(bytes: Uint8Array): { value: CacheHeader; length: number } | string {
  if (bytes.length < FIXED_HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) return 'not an embedding cache file';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== CACHE_FORMAT_VERSION) return `unknown cache format version ${version}`;
  const idLength = view.getUint16(6, true);
  const dimension = view.getUint32(8, true);
  const length = align4(FIXED_HEADER_BYTES + idLength);
  if (dimension === 0 || bytes.length < length) return 'the header is damaged';
  try {
    const embedderId = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(FIXED_HEADER_BYTES, FIXED_HEADER_BYTES + idLength));
    return { value: { embedderId, dimension }, length };
  } catch {
    return 'the header is damaged';
  }
}

function isUnitVector(vector: Float32Array): boolean {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Number.isFinite(sum) && Math.abs(Math.sqrt(sum) - 1) < UNIT_NORM_TOLERANCE;
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}
