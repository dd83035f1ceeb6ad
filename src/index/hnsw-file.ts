/**
 * Reads the header and per-element labels of an hnswlib index file (layout of `saveIndex` in hnswalg.h).
 * The Node binding cannot report which labels are marked deleted after a load, nor check the dimension,
 * so this reads both straight from the file before hnswlib loads it.
 */

export interface HnswFileSummary {
  dimension: number;
  capacity: number;
  liveLabels: number[];
  /** Labels of slots marked deleted. */
  deletedLabels: number[];
}

const HEADER_BYTES = 96;
const LABEL_BYTES = 8;
const DELETE_MARK = 0x01;

/** Summarises a complete hnswlib index file, or says why the bytes cannot be one. */
export function readHnswFile(bytes: Buffer): { summary: HnswFileSummary } | { reason: string } {
  if (bytes.length < HEADER_BYTES) return { reason: `file is ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header` };
  const u64 = (offset: number): number => Number(bytes.readBigUInt64LE(offset));
  const offsetLevel0 = u64(0);
  const capacity = u64(8);
  const count = u64(16);
  const bytesPerElement = u64(24);
  const labelOffset = u64(32);
  const dataOffset = u64(40);
  const dataBytes = labelOffset - dataOffset;
  if (offsetLevel0 !== 0 || count > capacity || dataBytes <= 0 || dataBytes % 4 !== 0 || labelOffset + LABEL_BYTES !== bytesPerElement) {
    return { reason: 'header fields are inconsistent' };
  }
  const level0End = HEADER_BYTES + count * bytesPerElement;
  if (level0End > bytes.length) return { reason: `file is truncated (${bytes.length} bytes, level 0 needs ${level0End})` };

  const liveLabels: number[] = [];
  const deletedLabels: number[] = [];
  for (let i = 0; i < count; i++) {
    const element = HEADER_BYTES + i * bytesPerElement;
    // The delete mark lives in the third byte of the element's level-0 link-list header.
    const deleted = (bytes[element + 2]! & DELETE_MARK) !== 0;
    (deleted ? deletedLabels : liveLabels).push(u64(element + labelOffset));
  }
  if (!upperLevelsFit(bytes, level0End, count)) return { reason: 'upper-level link lists are truncated or malformed' };
  return { summary: { dimension: dataBytes / 4, capacity, liveLabels, deletedLabels } };
}

function upperLevelsFit(bytes: Buffer, start: number, count: number): boolean {
  let position = start;
  for (let i = 0; i < count; i++) {
    if (position + 4 > bytes.length) return false;
    position += 4 + bytes.readUInt32LE(position);
  }
  return position === bytes.length;
}
