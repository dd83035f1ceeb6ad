/**
 * The verbatim guarantee for dates: every date mention equals the text sliced at its offsets, from the resolver
 * on generated sentences and from the engine's quotes on generated questions (fast-check; one seed per run, see
 * test/setup/fast-check-seed.ts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import type { Engine } from '../../src/engine-types.js';
import { dayOf } from '../../src/time/calendar.js';
import { findDates } from '../../src/time/resolve-dates.js';
import { copySeeds, tempDir } from '../../bench/lib/seed-corpus.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/lib/time-fixtures');

const datePhrase = fc.constantFrom(
  'on Wednesday', 'last Friday', 'next Monday', 'in March', 'in March 2024', '3 September', 'September 3, 2025', 'in 2019', 'last year',
  'two years ago', 'yesterday', 'this week', 'a day after the parade', 'between March and May 2024', '03/09/2025', '25/12/2024', 'from 3 to 5 May',
  'in the 1990s', '$2024 million', 'at 5pm', 'now', 'in mid-2023', 'late last month', 'Sept. 4',
);
const filler = fc.constantFrom('Xi', 'met', 'Putin', 'and', 'the', 'parade', 'will', 'said', '“', '”', ',', '—', 'talks', 'Mr', 'Kim', 'U.S.', '2,024', 'troops');
const sentence = fc.array(fc.oneof(datePhrase, filler), { minLength: 1, maxLength: 16 }).map((parts) => parts.join(' '));
const reference = fc.option(
  fc.record({ day: fc.integer({ min: dayOf(1995, 1, 1), max: dayOf(2030, 12, 31) }), kind: fc.constantFrom('stated' as const, 'borrowed' as const) }),
  { nil: null },
);

describe('date mentions slice back exactly', () => {
  it('from the resolver, at any offset, with a date of a valid precision or null', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), sentence, reference, (lead, text, ref) => {
        const article = lead + text;
        for (const m of findDates(text, ref, lead.length)) {
          expect(article.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(lead.length);
          expect(m.date === null || /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(m.date)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('from the engine', () => {
    let engine: Engine;
    let corpusDir: string;
    beforeAll(async () => {
      corpusDir = await copySeeds();
      for (const file of await fs.readdir(FIXTURES)) await fs.copyFile(path.join(FIXTURES, file), path.join(corpusDir, file));
      // The hashing test double: slicing back is a property of the text and offsets, not of what the vectors mean.
      const embedder = new HashEmbedderTestDouble(64);
      engine = createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir('verbatim-index-'), EMBEDDER: 'use' }), {
        createEmbedder: async () => ({ embedder, fallback: false, notice: null }),
      });
      await engine.warmUp();
    });
    afterAll(async () => {
      await engine?.close();
    });

    it('in every quote of answers, nearest and more, inside the quoted sentence', async () => {
      const texts = new Map<string, string>();
      for (const file of await fs.readdir(corpusDir)) texts.set(file, await fs.readFile(path.join(corpusDir, file), 'utf8'));
      const vocabulary = [...new Set([...texts.values()].join(' ').match(/\p{L}[\p{L}’'-]{2,}/gu) ?? [])];
      const question = fc
        .tuple(fc.constantFrom('When did', 'What did', 'Who', 'What is the latest on', 'Which day did'), fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 }), fc.constantFrom('', ' in 2024', ' in September 2025', ' last year', ' on Wednesday', ' in 2019'))
        .map(([opener, words, time]) => `${opener} ${words.join(' ')}${time}?`);
      let dates = 0;
      await fc.assert(
        fc.asyncProperty(question, async (q) => {
          const result = await engine.ask(q);
          for (const quote of [...result.answers, ...result.nearest, ...result.more]) {
            const text = texts.get(quote.citation.article)!;
            for (const d of quote.dates) {
              expect(text.slice(d.start, d.end)).toBe(d.text);
              expect(d.start).toBeGreaterThanOrEqual(quote.citation.start);
              expect(d.end).toBeLessThanOrEqual(quote.citation.end);
              dates++;
            }
          }
        }),
        { numRuns: 80 },
      );
      expect(dates).toBeGreaterThan(0);
    });
  });
});
