import { z } from 'zod';
import { VerbatimError } from '../errors.js';
import { metaFromRecord } from './front-matter.js';
import type { ParseArticleInput } from './parse-article.js';

/** One article record of a .json or .jsonl file; other fields are ignored. */
const recordSchema = z.object({
  text: z.string({ error: 'it needs a "text" field holding the article text' }),
  title: z.string().nullish(),
  source: z.string().nullish(),
  publisher: z.string().nullish(),
  date: z.union([z.string(), z.number()]).nullish(),
  url: z.string().nullish(),
  id: z.union([z.string().trim().min(1), z.number()]).nullish(),
});

export interface RecordInput {
  /** The record's own id, when it has one. */
  ownId: string | null;
  input: Omit<ParseArticleInput, 'id'>;
}

/** Validates one parsed JSON value as an article record; throws ARTICLE_MALFORMED or ARTICLE_EMPTY. */
export function readRecord(value: unknown, where: string, contentHash: string): RecordInput {
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'record';
    throw new VerbatimError('ARTICLE_MALFORMED', `${where}: ${field} is malformed (${issue?.message ?? 'not an object'}).`);
  }
  const record = parsed.data;
  if (record.text.trim() === '') throw new VerbatimError('ARTICLE_EMPTY', `${where}: the "text" field is empty.`);
  const ownId = record.id === null || record.id === undefined ? null : String(record.id);
  return { ownId, input: { text: record.text, contentHash, meta: metaFromRecord(record) } };
}
