/**
 * The engine end to end on the real seeds with the real offline embedder (USE-lite in worker
 * threads), real hnswlib-node and real files in temp folders. The ingest lifecycle tests (unreadable
 * files, the embedding cache, a corrupt index) build their own small indexes with the hashing test
 * double: they are about files and index states, not meaning, and the real encoder's load per engine
 * would be most of their time.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import type { AskResult, Quote } from '../../src/answer/types.js';
import { VerbatimError } from '../../src/errors.js';
import { SEED_QA_FILE, copySeeds, tempDir } from '../../bench/lib/seed-corpus.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { seedIndexWithUseVectors } from '../../bench/lib/seed-vectors.js';

let engine: Engine;
let corpusDir: string;
let indexDir: string;

beforeAll(async () => {
  corpusDir = await copySeeds();
  // The real encoder, its vectors of the seeds' sentences already in the index's embedding cache (see the file).
  indexDir = await seedIndexWithUseVectors();
  engine = createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, EMBEDDER: 'use' }));
  await engine.warmUp();
});

afterAll(async () => {
  await engine?.close();
});

/** Every quote must be the article's text sliced at its citation, and its span must lie inside it. */
async function expectVerbatim(quote: Quote): Promise<void> {
  const text = fs.readFileSync(`${corpusDir}/${quote.citation.article}`, 'utf8');
  expect(text.slice(quote.citation.start, quote.citation.end)).toBe(quote.sentence);
  if (quote.span) {
    expect(text.slice(quote.span.start, quote.span.end)).toBe(quote.span.text);
    expect(quote.span.start).toBeGreaterThanOrEqual(quote.citation.start);
    expect(quote.span.end).toBeLessThanOrEqual(quote.citation.end);
  }
}

const allQuotes = (r: AskResult): Quote[] => [...r.answers, ...r.nearest, ...r.more];

/** An engine over `dir` embedding with the hashing test double (the lifecycle tests' engine). */
function hashEngine(dir: string, index: string, notices: string[] = []): Engine {
  const embedder = new HashEmbedderTestDouble(64);
  return createEngine(parseConfig({ CORPUS_DIR: dir, INDEX_DIR: index, EMBEDDER: 'use' }), {
    createEmbedder: async () => ({ embedder, fallback: false, notice: null }),
    notice: (message) => notices.push(message),
  });
}

/** A corpus of these seeds and an index built over it by a (hash double) engine that is then closed. */
async function indexedSeeds(files: string[]): Promise<{ dir: string; index: string }> {
  const dir = await copySeeds(files);
  const index = await tempDir('verbatim-index-');
  const builder = hashEngine(dir, index);
  await builder.warmUp();
  await builder.close();
  return { dir, index };
}

describe('ask', () => {
  it('answers "What did Putin call Xi?" with the "dear friend" sentence and its citation', async () => {
    const result = await engine.ask('What did Putin call Xi?');
    expect(result.status).toBe('answered');
    const top = result.answers[0]!;
    expect(top.sentence).toContain('dear friend');
    expect(top.span?.text).toBe('dear friend');
    expect(['000_7603d30894732e43.txt', '004_efccd33ab1c55a82.txt']).toContain(top.citation.article);
    expect(top.citation.paragraph).toBeGreaterThan(0);
    await expectVerbatim(top);
  });

  it('says not_found for "How many tanks were in the parade?" and shows the nearest passages', async () => {
    const result = await engine.ask('How many tanks were in the parade?');
    expect(result.status).toBe('not_found');
    expect(result.reason).toBe('below-threshold');
    expect(result.answers).toEqual([]);
    expect(result.nearest.length).toBeGreaterThan(0);
  });

  it('cites the publisher and date the text gives, and null where it gives none', async () => {
    const result = await engine.ask('which outlet is the xi-kim meeting story credited to?');
    const top = result.answers[0] ?? result.nearest[0]!;
    expect(top.citation.article).toBe('003_6f30dbc2493a046e.txt');
    expect(top.citation.publisher).toBe('CNN');
    expect(top.citation.date).toBe('2025-09-04');
    const other = await engine.ask('What did Putin call Xi?');
    expect(other.answers[0]!.citation.publisher === null || other.answers[0]!.citation.article !== '000_7603d30894732e43.txt').toBe(true);
  });

  it('keeps every quote verbatim over every dev question (answers, nearest and more)', async () => {
    const questions = fs.readFileSync(SEED_QA_FILE, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { question: string });
    let quotes = 0;
    for (const { question } of questions) {
      const result = await engine.ask(question);
      for (const quote of allQuotes(result)) {
        await expectVerbatim(quote);
        quotes++;
      }
    }
    expect(quotes).toBeGreaterThan(questions.length * 3);
  });

  it('keeps every quote and span verbatim for generated questions of every kind (fast-check; one seed per run, see test/setup)', async () => {
    const seedText = fs.readdirSync(corpusDir).map((f) => fs.readFileSync(`${corpusDir}/${f}`, 'utf8')).join(' ');
    const vocabulary = [...new Set(seedText.match(/\p{L}[\p{L}’'-]{2,}/gu) ?? [])];
    const opener = fc.constantFrom('Who', 'What', 'When', 'Where', 'Why', 'How many', 'Which leader', 'what did', 'how come', 'Which three');
    const question = fc.tuple(opener, fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }), fc.constantFrom('?', '', ' ??')).map(([o, words, end]) => `${o} ${words.join(' ')}${end}`);
    let quotes = 0;
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        const result = await engine.ask(q);
        for (const quote of allQuotes(result)) {
          await expectVerbatim(quote);
          quotes++;
        }
      }),
      { numRuns: 150 },
    );
    expect(quotes).toBeGreaterThan(150);
  });

  it.each([
    ['an empty question', '', 'QUESTION_EMPTY'],
    ['a 10,000-character question', 'x'.repeat(10_000), 'QUESTION_TOO_LONG'],
  ])('refuses %s with a code and a hint', async (_label, question, code) => {
    await expect(engine.ask(question)).rejects.toMatchObject({ code, hint: expect.stringMatching(/\w+/) });
  });

  it('answers a question in another script with not_found and a reason, not a guess', async () => {
    const result = await engine.ask('Как Путин назвал Си?');
    expect(result.status).toBe('not_found');
    expect(result.reason).toBe('unsupported-language');
  });

  it('ignores markdown and mentions in a question', async () => {
    const result = await engine.ask('@everyone **What did Putin call Xi?** <@123456789012345678>');
    expect(result.answers[0]?.sentence).toContain('dear friend');
  });
});

describe('time-aware answers over the seeds (issue 11\'s done-when checks)', () => {
  it('resolves "Wednesday" in 003\'s parade sentence to 2025-09-03 (the article is dated Thursday 4 September 2025)', async () => {
    const result = await engine.ask('When did Xi, Putin and Kim take center stage at the parade?');
    const quote = result.answers[0]!;
    expect(quote.citation.article).toBe('003_6f30dbc2493a046e.txt');
    expect(quote.sentence).toContain('took center stage');
    expect(quote.span).toMatchObject({ text: 'Wednesday', date: '2025-09-03' });
    expect(quote.dates).toContainEqual(expect.objectContaining({ text: 'Wednesday', date: '2025-09-03' }));
    await expectVerbatim(quote);
  });

  it('says not_found for "What did Kim and Putin discuss in 2023?": nothing from 2023 tells of it', async () => {
    const result = await engine.ask('What did Kim and Putin discuss in 2023?');
    expect(result.status).toBe('not_found');
    expect(result.reason).toBe('no-match-in-period');
    expect(result.trace.time).toMatchObject({ applied: 'period', period: '2023-01-01 – 2023-12-31' });
    // 003 is dated September 2025: none of its sentences may be offered as from 2023.
    expect(allQuotes(result).some((q) => q.citation.article.startsWith('003'))).toBe(false);
  });

  it('shows the passages confirmed in the period first when nothing from it answers ("… in 2019?")', async () => {
    const result = await engine.ask('Who did Putin meet in Beijing in 2019?');
    expect(result.reason).toBe('no-match-in-period');
    // The 2025 welcome must not answer a 2019 question; 003's sentence naming 2019 is the nearest from that year.
    expect(result.nearest[0]?.sentence).toContain('last met in Pyongyang in 2019');
    expect(result.nearest[0]?.dates).toContainEqual(expect.objectContaining({ text: '2019', date: '2019' }));
  });

  it('quotes 003\'s sentence on the Kim–Putin talks after the parade for "… in September 2025?"', async () => {
    const result = await engine.ask('What did Kim and Putin discuss in September 2025?');
    expect(result.status).toBe('answered');
    expect(result.answers[0]!.citation.article).toBe('003_6f30dbc2493a046e.txt');
    expect(result.answers[0]!.sentence).toMatch(/^After the parade, Kim and Putin met .* discussed/);
  });
});

describe('articles and stats', () => {
  it('lists the five seeds with ids, titles and metadata', async () => {
    const list = await engine.articles();
    expect(list.total).toBe(5);
    expect(list.items.map((a) => a.id)).toEqual(fs.readdirSync(corpusDir).sort());
    expect(list.items.find((a) => a.id.startsWith('003'))?.title).toBe('Xi meets Kim a day after show of unity with Putin at Chinese military parade');
    expect((await engine.articles({ query: 'old friend' })).items.map((a) => a.id)).toEqual(['004_efccd33ab1c55a82.txt']);
  });

  it('reports the offline embedder and the index size', async () => {
    const stats = await engine.stats();
    expect(stats.embedder.id).toBe('use-lite:en');
    expect(stats.embedder.dimension).toBe(512);
    expect(stats.articles).toBe(5);
    expect(stats.indexBytes).toBeGreaterThan(0);
  });
});

describe('ingest', () => {
  it('embeds nothing on a second run over an unchanged corpus', async () => {
    const report = await engine.ingest();
    expect(report.embedded).toBe(0);
    expect(report.unchanged).toBe(5);
  });

  it('keeps the index when a file turns unreadable, and reports the file', async () => {
    const dir = await copySeeds(['001_f708116572588e45.txt', '003_6f30dbc2493a046e.txt']);
    const index = await tempDir('verbatim-index-');
    const local = hashEngine(dir, index);
    try {
      await local.warmUp();
      fs.writeFileSync(`${dir}/001_f708116572588e45.txt`, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28]));
      const report = await local.ingest();
      expect(report.problems.map((p) => p.path)).toContain('001_f708116572588e45.txt');
      expect((await local.articles()).items.map((a) => a.id)).toContain('001_f708116572588e45.txt');
      const result = await local.ask('Which news agency published the story where Xi condemned acts of bullying?');
      expect(allQuotes(result).some((q) => q.citation.article === '001_f708116572588e45.txt')).toBe(true);
    } finally {
      await local.close();
    }
  });

  it('refuses a missing corpus folder with CORPUS_MISSING and leaves the index alone', async () => {
    const local = createEngine(parseConfig({ CORPUS_DIR: `${corpusDir}-missing`, INDEX_DIR: indexDir, EMBEDDER: 'use' }));
    try {
      await expect(local.ingest()).rejects.toBeInstanceOf(VerbatimError);
      await expect(local.ingest()).rejects.toMatchObject({ code: 'CORPUS_MISSING' });
    } finally {
      await local.close();
    }
    expect((await engine.articles()).total).toBe(5);
  });

  it('reads the ingest embedding cache only when something must be embedded', async () => {
    const { dir, index } = await indexedSeeds(['000_7603d30894732e43.txt', '003_6f30dbc2493a046e.txt']);
    const cacheFile = `${index}/cache/${fs.readdirSync(`${index}/cache`).find((name) => name.endsWith('.vecache'))!}`;
    fs.writeFileSync(cacheFile, 'not an embedding cache');
    const notices: string[] = [];
    const second = hashEngine(dir, index, notices);
    try {
      // Nothing changed: the index serves as is, and the (damaged) cache file is never opened.
      expect((await second.warmUp()).ingest?.embedded).toBe(0);
      expect(notices.join('\n')).not.toMatch(/embedding cache/i);
      fs.appendFileSync(`${dir}/003_6f30dbc2493a046e.txt`, '\n\nA new closing sentence was added to this article today.\n');
      const report = await second.ingest();
      expect(report.changed).toBe(1);
      expect(notices.join('\n')).toMatch(/embedding cache .* was ignored/i);
    } finally {
      await second.close();
    }
  });

  it('rebuilds a corrupt index with a notice instead of answering from garbage', async () => {
    const { dir, index } = await indexedSeeds(['000_7603d30894732e43.txt', '003_6f30dbc2493a046e.txt']);
    const sub = fs.readdirSync(index).find((name) => name.startsWith('test-hash'))!;
    const hnsw = fs.readdirSync(`${index}/${sub}`).find((name) => name.includes('hnsw') || name.includes('dense'))!;
    fs.truncateSync(`${index}/${sub}/${hnsw}`, 10);
    const notices: string[] = [];
    const second = hashEngine(dir, index, notices);
    try {
      const warm = await second.warmUp();
      expect(warm.ingest?.rebuilt?.code).toBe('INDEX_CORRUPT');
      expect(notices.join('\n')).toMatch(/rebuilt/i);
      expect((await second.ask('What did Putin call Xi?')).answers[0]?.sentence).toContain('dear friend');
    } finally {
      await second.close();
    }
  });
});
