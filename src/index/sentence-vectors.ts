/**
 * Sentence vectors on disk: Float32 rows (one per sentence, `dimension` floats each) in append-only files. Each
 * ingest writes one file holding only the articles it embedded; manifest entries point to an article's first row.
 * When more rows are dead than live, everything is rewritten into one file.
 */
import type { FileEntry, ManifestArticle } from './manifest.js';

export type VectorLocation = NonNullable<ManifestArticle['vectors']>;

export interface SentenceVectorPlan {
  /** Existing files that still hold live rows and stay. */
  keep: FileEntry[];
  /** Articles whose rows go, in this order, into the new file. */
  write: string[];
}

/**
 * Picks what the next generation stores. `located` maps every article to its current location (null: not on disk yet).
 */
export function planSentenceVectors(
  located: ReadonlyMap<string, { sentences: number; location: VectorLocation | null }>,
  existing: readonly FileEntry[],
  dimension: number,
): SentenceVectorPlan {
  const liveRows = new Map<string, number>();
  const unwritten: string[] = [];
  for (const [id, { sentences, location }] of located) {
    if (sentences === 0) continue;
    if (location === null) unwritten.push(id);
    else liveRows.set(location.file, (liveRows.get(location.file) ?? 0) + sentences);
  }
  const keep = existing.filter((entry) => (liveRows.get(entry.name) ?? 0) > 0);
  const totalRows = keep.reduce((sum, entry) => sum + entry.bytes / (4 * dimension), 0);
  const live = [...liveRows.values()].reduce((sum, rows) => sum + rows, 0);
  if (totalRows - live > live) {
    return { keep: [], write: [...located.keys()].filter((id) => located.get(id)!.sentences > 0) };
  }
  return { keep, write: unwritten };
}

/** Packs the rows of `ids` into one Float32Array and returns where each article starts. */
export function packSentenceVectors(ids: readonly string[], vectors: { get(id: string): Float32Array | undefined }, dimension: number): { data: Float32Array; rows: Map<string, number> } {
  let total = 0;
  for (const id of ids) total += vectors.get(id)!.length;
  const data = new Float32Array(total);
  const rows = new Map<string, number>();
  let offset = 0;
  for (const id of ids) {
    const rowsOfArticle = vectors.get(id)!;
    data.set(rowsOfArticle, offset);
    rows.set(id, offset / dimension);
    offset += rowsOfArticle.length;
  }
  return { data, rows };
}
