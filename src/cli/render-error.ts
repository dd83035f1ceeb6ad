/** Renders any error as "code: message" plus a hint line; never a stack trace for errors a user can fix. */
import { toVerbatimError } from '../errors.js';

export function renderError(error: unknown): string {
  const e = toVerbatimError(error);
  const base = `error ${e.code}: ${e.message}\nhint: ${e.hint}`;
  return e.code === 'INTERNAL' && process.env.VERBATIM_DEBUG ? `${base}\n${(e.cause as Error | undefined)?.stack ?? ''}` : base;
}
