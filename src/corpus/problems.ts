import { ERROR_HINTS, isVerbatimError, type ErrorCode } from '../errors.js';
import type { CorpusProblem } from './types.js';

export function corpusProblem(path: string, code: ErrorCode, message: string): CorpusProblem {
  return { path, code, message, hint: ERROR_HINTS[code] };
}

/** A per-file failure as a problem; anything that is not a VerbatimError is a read failure. */
export function problemFromError(path: string, error: unknown): CorpusProblem {
  if (isVerbatimError(error)) return { path, code: error.code, message: error.message, hint: error.hint };
  const message = error instanceof Error ? error.message : String(error);
  return corpusProblem(path, 'ARTICLE_UNREADABLE', `Could not read ${path}: ${message}`);
}
