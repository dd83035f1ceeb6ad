import { ERROR_HINTS, isVerbatimError, type ErrorCode } from '../errors.js';
import type { CorpusProblem } from './types.js';

const NESTED_HINT = 'An article is one record with a "text" field (and title, source, date, url); flatten the file and run `verbatim ingest` again.';

export function corpusProblem(path: string, code: ErrorCode, message: string): CorpusProblem {
  return { path, code, message, hint: ERROR_HINTS[code] };
}

/** A per-file failure as a problem; anything that is not a VerbatimError is a read failure. */
export function problemFromError(path: string, error: unknown): CorpusProblem {
  if (isVerbatimError(error)) return { path, code: error.code, message: error.message, hint: error.hint };
  // Deeply nested JSON or YAML overflows the parser's (or hasher's) stack: the file was read, its content is the problem.
  if (error instanceof RangeError) {
    return { path, code: 'ARTICLE_MALFORMED', message: `${path} is nested too deeply to read (${error.message}).`, hint: NESTED_HINT };
  }
  const message = error instanceof Error ? error.message : String(error);
  return corpusProblem(path, 'ARTICLE_UNREADABLE', `Could not read ${path}: ${message}`);
}
