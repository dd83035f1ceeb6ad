/** Checks a question before any work is done: empty, too long, or in a script the embedders cannot read. */
import { VerbatimError } from '../errors.js';
import { cleanQuestion } from './question.js';

export const MAX_QUESTION_CHARS = 500;

export function validateQuestion(raw: string): string {
  if (raw.length > MAX_QUESTION_CHARS) {
    throw new VerbatimError('QUESTION_TOO_LONG', `The question is ${raw.length} characters long; the limit is ${MAX_QUESTION_CHARS}.`);
  }
  const cleaned = cleanQuestion(raw);
  if (!/[\p{L}\p{N}]/u.test(cleaned)) {
    // Only emoji or symbols is not "empty": say what is missing.
    const said = /\S/u.test(raw) ? 'The question has no words (only symbols, emoji or mentions).' : 'The question is empty.';
    throw new VerbatimError('QUESTION_EMPTY', said);
  }
  return cleaned;
}

/**
 * True when most letters are outside the Latin script: the articles and both embedders are
 * English, so such a question is answered "not found" with a reason instead of a guess.
 */
export function isUnsupportedScript(question: string): boolean {
  const letters = question.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const latin = letters.filter((ch) => /\p{Script=Latin}/u.test(ch)).length;
  return latin / letters.length < 0.5;
}
