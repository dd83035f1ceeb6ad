/**
 * LOG_QUESTIONS: what a log line may say about what users wrote and who they are. With `full`, the question
 * text and the user id are logged as they are; with `hash` (the default), each becomes a short SHA-256 hash
 * (the same question or user gives the same hash, so counts and repeats still show); with `none`, both go.
 * Applied to every line the logger writes, so no handler can forget it.
 */
import { createHash } from 'node:crypto';

export type QuestionLogging = 'full' | 'hash' | 'none';

/** Fields holding user-written text or user identity. */
const TEXT_FIELDS = ['question', 'claim', 'feedbackReason'] as const;
const IDENTITY_FIELDS = ['user'] as const;

export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

export function applyQuestionLogging(fields: Record<string, unknown>, mode: QuestionLogging): Record<string, unknown> {
  if (mode === 'full') return fields;
  let out: Record<string, unknown> | null = null;
  for (const name of [...TEXT_FIELDS, ...IDENTITY_FIELDS]) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    out ??= { ...fields };
    delete out[name];
    if (mode === 'hash') out[`${name}Hash`] = shortHash(String(value));
  }
  return out ?? fields;
}
