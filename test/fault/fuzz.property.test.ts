/**
 * Fuzzing (issue 17) with fast-check (the run's seed is set in test/setup; FC_SEED pins it): hostile article files
 * (control characters, byte-order marks, NULs, lone surrogates, a huge unbroken line, deeply nested JSON and
 * YAML, odd line endings) through the real corpus reader on real files, and hostile questions through the
 * engine. Nothing may throw outside the error catalog, and everything quoted must slice back exactly.
 * A hang fails the test by its timeout.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { ERROR_HINTS, isVerbatimError } from '../../src/errors.js';
import type { Engine } from '../../src/engine-types.js';
import { copySeeds, hashEngine, tempDir } from '../../bench/lib/faults/fault-kit.js';

const hostileChar = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u001b[31m', '\u001b]0;title\u0007', '\u00a0', '\u200b', '\ufeff', '\ud800', '\udfff', '\r', '\r\n', '\u2028', '\t', '\f', '\u0085', '😀', 'é', '---', '#', '{', '}', '[', ']', ':', '"');
const word = fc.oneof(fc.constantFrom('Putin', 'said', 'the', 'harbour', 'Mr.', 'U.S.', '3.5', 'date:', 'title:'), fc.stringMatching(/^[a-z]{1,8}$/));
const hostileText = fc
  .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 2, arbitrary: hostileChar }, { weight: 1, arbitrary: fc.constantFrom(' ', '. ', '\n', '\n\n') }), { maxLength: 120 })
  .map((parts) => parts.join(' '));
const nested = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);
const hostileFile = fc.oneof(
  fc.tuple(fc.constant('txt'), hostileText),
  fc.tuple(fc.constant('md'), hostileText.map((t) => `---\n${t}\n---\n${t}`)),
  fc.tuple(fc.constant('md'), fc.integer({ min: 1, max: 3000 }).map((d) => `---\ntitle: ${nested(d, '[', ']', 'x')}\n---\nBody text here.`)),
  fc.tuple(fc.constant('json'), hostileText.map((t) => JSON.stringify({ title: t, text: t, date: t.length % 2 ? 2025 : t }))),
  fc.tuple(fc.constant('json'), fc.integer({ min: 1, max: 20_000 }).map((d) => nested(d, '{"a":', '}', '1'))),
  fc.tuple(fc.constant('jsonl'), fc.array(hostileText, { maxLength: 4 }).map((lines) => lines.map((t) => JSON.stringify({ text: t })).join('\n'))),
  fc.tuple(fc.constant('txt'), fc.integer({ min: 10_000, max: 200_000 }).map((n) => `A title\n\n${'x'.repeat(n)}`)),
);

describe('the corpus reader on hostile files (fast-check)', () => {
  it('reports problems from the catalog or reads articles whose sentences slice back exactly', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'verbatim-fuzz-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(hostileFile, { minLength: 1, maxLength: 4 }), async (files) => {
          await rm(dir, { recursive: true, force: true });
          await mkdir(dir, { recursive: true });
          await Promise.all(files.map(([ext, text], i) => writeFile(path.join(dir, `f${i}.${ext}`), text)));
          const { articles, problems } = await loadCorpus(dir);
          expect(articles.length + problems.length).toBeGreaterThan(0);
          for (const problem of problems) expect(Object.keys(ERROR_HINTS)).toContain(problem.code);
          for (const article of articles) {
            for (const s of article.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
          }
        }),
        { numRuns: 60 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the question path on hostile questions (fast-check)', () => {
  let engine: Engine;
  let corpus: string;
  let index: string;
  beforeAll(async () => {
    corpus = await copySeeds();
    index = await tempDir('verbatim-fuzz-index-');
    engine = hashEngine(corpus, index);
    await engine.ingest();
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('answers from the catalog or quotes exactly what the articles say', async () => {
    const question = fc.oneof(hostileText, fc.string({ maxLength: 600 }), fc.constantFrom('', ' ', '???', '😀😀', '\u0000', 'a'.repeat(501), 'What did Putin call Xi?\u001b[2J'));
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        let result;
        try {
          result = await engine.ask(q);
        } catch (error) {
          expect(isVerbatimError(error), String(error)).toBe(true);
          return;
        }
        for (const quote of [...result.answers, ...result.nearest]) {
          const text = readFileSync(path.join(corpus, quote.citation.article), 'utf8');
          expect(text.slice(quote.citation.start, quote.citation.end)).toBe(quote.sentence);
          if (quote.span) expect(text.slice(quote.span.start, quote.span.end)).toBe(quote.span.text);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
