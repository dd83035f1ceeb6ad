/**
 * Reads an hnswlib index file's header and per-element labels (layout of `saveIndex` in hnswalg.h). The Node binding
 * neither checks the dimension of a file it loads nor reports which labels are marked deleted, so these do.
 */

export interface HnswHeader {
  dimension: number;
  count: number;
  bytesPerElement: number;
  labelOffset: number;
}

export const HNSW_HEADER_BYTES = 96;
const LABEL_BYTES = 8;
const DELETE_MARK = 0x01;

/** Reads the 96-byte header of a file of `fileBytes` bytes, or says why it cannot belong to a complete index. */
export function readHnswHeader(header: Buffer, fileBytes: number): HnswHeader | { reason: string } {
  if (header.length < HNSW_HEADER_BYTES) return { reason: `file is ${fileBytes} bytes, shorter than the ${HNSW_HEADER_BYTES}-byte header` };
  const u64 = (offset: number): number => Number(header.readBigUInt64LE(offset));
  const [offsetLevel0, capacity, count, bytesPerElement, labelOffset, dataOffset] = [0, 8, 16, 24, 32, 40].map(u64) as [number, number, number, number, number, number];
  const dataBytes = labelOffset - dataOffset;
  if (offsetLevel0 !== 0 || count > capacity || dataBytes <= 0 || dataBytes % 4 !== 0 || labelOffset + LABEL_BYTES !== bytesPerElement) {
    return { reason: 'header fields are inconsistent' };
  }
  const level0End = HNSW_HEADER_BYTES + count * bytesPerElement;
  if (level0End > fileBytes) return { reason: `file is truncated (${fileBytes} bytes, level 0 alone needs ${level0End})` };
  return { dimension: dataBytes / 4, count, bytesPerElement, labelOffset };
}

/** Live and deleted labels of a whole index file, or why its link lists do not add up to its size. */
export function readHnswLabels(bytes: Buffer, header: HnswHeader): { live: number[]; deleted: number[] } | { reason: string } {
  const live: number[] = [];
  const deleted: number[] = [];
  for (let i = 0; i < header.count; i++) {
    const element = HNSW_HEADER_BYTES + i * header.bytesPerElement;
    // The delete mark lives in the third byte of the element's level-0 link-list header.
    const isDeleted = (bytes[element + 2]! & DELETE_MARK) !== 0;
    (isDeleted ? deleted : live).push(Number(bytes.readBigUInt64LE(element + header.labelOffset)));
  }
  let position = HNSW_HEADER_BYTES + header.count * header.bytesPerElement;
  for (let i = 0; i < header.count; i++) {
    if (position + 4 > bytes.length) return { reason: 'upper-level link lists are truncated' };
    position += 4 + bytes.readUInt32LE(position);
  }
  return position === bytes.length ? { live, deleted } : { reason: 'upper-level link lists do not match the file size' };
}
