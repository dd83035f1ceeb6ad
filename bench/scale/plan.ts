/** Which article copies make a corpus of a given size. Pure. */
import type { CorpusRecord } from '../lib/jsonl-corpus.js';
import { copyText, MAX_COPY } from './copies.js';

export interface CopyRef {
  /** 0 is the original article; 1, 2, … are copies whose vectors are perturbed. */
  copy: number;
  /** Index into the base articles. */
  index: number;
}

/**
 * Base articles in order, then again as copy 1, copy 2, …, until the passages reach `target` (null: each base
 * article once). Throws when the base has no passages.
 */
export function planCopies(passageCounts: readonly number[], target: number | null): CopyRef[] {
  if (target === null) return passageCounts.map((_, index) => ({ copy: 0, index }));
  if (!passageCounts.some((n) => n > 0)) throw new Error('the base articles have no passages to copy');
  const refs: CopyRef[] = [];
  let total = 0;
  for (let copy = 0; total < target; copy++) {
    if (copy > MAX_COPY) throw new RangeError(`${target} passages need more than ${MAX_COPY} copies of the base`);
    for (let index = 0; index < passageCounts.length && total < target; index++) {
      refs.push({ copy, index });
      total += passageCounts[index]!;
    }
  }
  return refs;
}

/** The records of a plan; `sentences[i]` are the parsed sentences of `base[i]` (copies vary their spaces, see copies.ts). */
export function copyRecords(base: readonly CorpusRecord[], sentences: ReadonlyArray<ReadonlyArray<{ start: number; text: string }>>, refs: readonly CopyRef[]): CorpusRecord[] {
  return refs.map(({ copy, index }) => {
    const record = base[index]!;
    return copy === 0 ? record : { ...record, id: `copy${copy}/${record.id}`, text: copyText(record.text, sentences[index]!, copy) };
  });
}

/** The base article id behind an engine article id (`bbc.jsonl#copy3/tech/012` → `tech/012`). */
export function baseArticleId(articleId: string): string {
  return articleId.replace(/^[^#]*#/, '').replace(/^copy\d+\//, '');
}
