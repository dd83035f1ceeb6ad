/** Reads the BBC News Summary records (never copied into the repo) and splits them into a fixed dev and test part. */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { z } from 'zod';

const recordSchema = z.object({
  id: z.string(),
  category: z.string(),
  title: z.string(),
  text: z.string(),
  summary_sentences: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })),
  duplicate_of: z.string().nullable(),
});

export type BbcRecord = z.infer<typeof recordSchema>;

/** All records that are not exact duplicates of an earlier one. */
export async function readBbc(file: string): Promise<BbcRecord[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => recordSchema.parse(JSON.parse(line))).filter((record) => record.duplicate_of === null);
}

/** Share of articles in the dev split, used for every parameter choice; results are reported on the rest. */
export const DEV_SHARE = 0.2;

/** Fixed by a hash of the id, so the split never depends on file order or a seed. */
export function isDev(id: string): boolean {
  return createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32 < DEV_SHARE;
}
