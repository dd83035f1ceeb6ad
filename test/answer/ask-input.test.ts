import { describe, expect, it } from 'vitest';
import { isUnsupportedScript, MAX_QUESTION_CHARS, validateQuestion } from '../../src/answer/ask-input.js';
import { ERROR_HINTS, VerbatimError } from '../../src/errors.js';

describe('validateQuestion', () => {
  it.each([
    ['', 'QUESTION_EMPTY'],
    ['   ', 'QUESTION_EMPTY'],
    ['**  **', 'QUESTION_EMPTY'],
    ['@everyone', 'QUESTION_EMPTY'],
    ['x'.repeat(10_000), 'QUESTION_TOO_LONG'],
  ])('%j is refused with %s and a hint', (question, code) => {
    let error: unknown;
    try {
      validateQuestion(question);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VerbatimError);
    expect((error as VerbatimError).code).toBe(code);
    expect((error as VerbatimError).hint.length).toBeGreaterThan(10);
  });

  it('accepts a question at the limit and strips markdown and mentions', () => {
    expect(validateQuestion('**What** did <@123456789012345678> say?')).toBe('What did say?');
    expect(() => validateQuestion('a'.repeat(MAX_QUESTION_CHARS))).not.toThrow();
  });

  it.each([
    ['Что Путин сказал о Си?', true],
    ['习近平说了什么？', true],
    ['What did Putin call Xi?', false],
  ])('isUnsupportedScript(%s) = %s', (question, expected) => {
    expect(isUnsupportedScript(question)).toBe(expected);
  });
});

describe('error catalog', () => {
  it('gives every code a hint that says what to do', () => {
    for (const [code, hint] of Object.entries(ERROR_HINTS)) {
      expect(hint, code).toMatch(/\w{3,}.*\w{3,}/);
    }
  });
});
