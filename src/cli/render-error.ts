/** Renders any error as "code: message" plus a hint line; never a stack trace for errors a user can fix. */
import { toVerbatimError } from '../errors.js';
import { stripControls } from '../control-text.js';

export function renderError(error: unknown): string {
  const e = toVerbatimError(error);
  // Messages name files and quote input: printed without control characters.
  const base = stripControls(`error ${e.code}: ${e.message}\nhint: ${e.hint}`);
  return e.code === 'INTERNAL' && process.env.VERBATIM_DEBUG ? `${base}\n${(e.cause as Error | undefined)?.stack ?? ''}` : base;
}
