/**
 * Live sources end to end, through the engine both doors use: a feed is followed, refreshed from the fixture
 * server on 127.0.0.1, and a question only a fetched page answers is answered with a verbatim quote, the page's
 * address and date. Then the page changes upstream: a question asked while the refresh is ingesting is answered
 * from the previous generation without waiting, and after it the answer follows the page. The embedder is the
 * hashing test double (the encoder is not the point here), gated so the test can hold an ingest open.
 */
import { readFile, rm } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { runHarness } from '../../src/cli/harness.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import type { Engine } from '../../src/engine-types.js';
import type { AskResult, Quote } from '../../src/answer/types.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { copySeeds, tempDir } from '../../bench/lib/seed-corpus.js';
import { fixture, page, type FixtureServer, startCoastNewsSite } from '../../bench/lib/fixture-server.js';

/** Holds any embedding batch that contains `marker` until released; everything else passes straight through. */
class GatedEmbedder implements Embedder {
  private readonly inner = new HashEmbedderTestDouble(64);
  marker: string | null = null;
  private waiting: Array<() => void> = [];
  private heldNotify: (() => void) | null = null;
  readonly held = new Promise<void>((resolve) => (this.heldNotify = resolve));
  get info() {
    return this.inner.info;
  }
  async embed(texts: readonly string[], options?: { onProgress?: (done: number, total: number) => void }): Promise<Float32Array[]> {
    if (this.marker !== null && texts.some((t) => t.includes(this.marker!))) {
      this.heldNotify?.();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    return this.inner.embed(texts, options);
  }
  release(): void {
    this.marker = null;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

const QUESTION = 'How much will the new harbour wall in Tarrowby cost?';

let server: FixtureServer;
let engine: Engine;
let embedder: GatedEmbedder;
let corpusDir: string;
let config: Config;

const top = (result: AskResult): Quote => result.answers[0] ?? result.nearest[0]!;

async function expectVerbatim(quote: Quote): Promise<void> {
  const text = await readFile(path.join(corpusDir, ...quote.citation.article.split('/')), 'utf8');
  expect(text.slice(quote.citation.start, quote.citation.end)).toBe(quote.sentence);
}

beforeAll(async () => {
  server = await startCoastNewsSite();
  corpusDir = await copySeeds();
  embedder = new GatedEmbedder();
  config = parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir('verbatim-live-index-'), SOURCES_FILE: path.join(await tempDir('verbatim-live-'), 'sources.json'), FETCH_RETRIES: '0', FETCH_ALLOW_PRIVATE: 'true' });
  engine = createEngine(config, { createEmbedder: async () => ({ embedder, fallback: false, notice: null }) });
  await engine.warmUp();
});

afterAll(async () => {
  await engine?.close();
  await server?.close();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

describe('a followed feed, end to end', () => {
  it('is not known before it is followed', async () => {
    const result = await engine.ask(QUESTION);
    expect([...result.answers, ...result.nearest].every((q) => !q.sentence.includes('harbour wall'))).toBe(true);
  });

  it('answers from a fetched page after a refresh: a verbatim quote, the page address and its date', async () => {
    await engine.addSource(`${server.base}/rss.xml`, 'Courier');
    const report = await engine.refresh();
    expect(report).toMatchObject({ added: 2, changed: 0, removed: 0 });
    expect(report.ingest).toMatchObject({ added: 2, articles: 7 });
    const quote = top(await engine.ask(QUESTION));
    expect(quote.sentence).toContain('48 million pounds');
    expect(quote.citation).toMatchObject({ url: `${server.base}/articles/harbour-wall.html`, date: '2026-03-14', publisher: 'Coastline Courier', title: 'Tarrowby approves new harbour wall' });
    expect(quote.citation.article).toMatch(/^web\/127\.0\.0\.1\/harbour-wall-[0-9a-f]{10}\.md$/);
    await expectVerbatim(quote);
    // Nothing new: no ingest.
    expect(await engine.refresh()).toMatchObject({ added: 0, changed: 0, ingest: null });
    const listed = await engine.sources();
    // The last refresh found the feed unchanged (a 304).
    expect(listed).toEqual([expect.objectContaining({ name: 'Courier', last: expect.objectContaining({ status: 'unchanged', problem: null }) })]);
  });

  it('lists the followed sources in the harness, as /source list does in Discord', async () => {
    let printed = '';
    const output = new PassThrough();
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await runHarness(engine, Readable.from(['/source list\n/source\n/quit\n']), output as unknown as NodeJS.WriteStream);
    expect(printed).toMatch(new RegExp(`Courier  ${server.base}/rss\\.xml\\n  unchanged at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC`));
    expect(printed).toContain('error USAGE: Use /source add <url> [name], /source remove <url or name> or /source list.');
  });

  it('answers from the previous generation during a refresh, without waiting, and follows the page after it', async () => {
    server.set('/articles/harbour-wall.html', page(fixture('harbour.html').replace('48 million pounds', '52 million pounds')));
    server.set('/rss.xml', page(fixture('rss.xml').replace('Sat, 14 Mar 2026 09:30:00 GMT', 'Sun, 15 Mar 2026 09:30:00 GMT'), 'application/rss+xml'));
    embedder.marker = '52 million';
    const refreshing = engine.refresh();
    let refreshed = false;
    void refreshing.then(() => (refreshed = true), () => {});
    // The snapshot on disk already holds the new text; the ingest is held while embedding it.
    await embedder.held;
    const during = top(await engine.ask(QUESTION));
    expect(refreshed).toBe(false);
    expect(during.sentence).toContain('48 million pounds');
    expect(during.citation.url).toBe(`${server.base}/articles/harbour-wall.html`);
    // A second refresh meanwhile is refused with a code, not queued behind the first.
    await expect(engine.refresh()).rejects.toMatchObject({ code: 'REFRESH_BUSY' });
    embedder.release();
    const report = await refreshing;
    expect(report).toMatchObject({ added: 0, changed: 1 });
    expect(report.ingest).toMatchObject({ changed: 1, added: 0, articles: 7 });
    const after = top(await engine.ask(QUESTION));
    expect(after.sentence).toContain('52 million pounds');
    expect(after.citation.date).toBe('2026-03-14');
    await expectVerbatim(after);
  });

  it('serves what another process refreshed once it notices the newer generation', async () => {
    server.set('/articles/harbour-wall.html', page(fixture('harbour.html').replace('48 million pounds', '55 million pounds')));
    server.set('/rss.xml', page(fixture('rss.xml').replace('Sat, 14 Mar 2026 09:30:00 GMT', 'Mon, 16 Mar 2026 09:30:00 GMT'), 'application/rss+xml'));
    // Another engine over the same folders stands for `verbatim refresh` run from cron.
    const other = createEngine(config, { createEmbedder: async () => ({ embedder: new HashEmbedderTestDouble(64), fallback: false, notice: null }) });
    try {
      expect(await other.refresh()).toMatchObject({ changed: 1 });
    } finally {
      await other.close();
    }
    expect(top(await engine.ask(QUESTION)).sentence).toContain('52 million pounds');
    expect(await engine.adoptCommitted()).toBe(true);
    const quote = top(await engine.ask(QUESTION));
    expect(quote.sentence).toContain('55 million pounds');
    await expectVerbatim(quote);
    expect(await engine.adoptCommitted()).toBe(false);
  });

  it('drops the articles of a removed source at the next refresh', async () => {
    await engine.removeSource('courier');
    const report = await engine.refresh();
    expect(report).toMatchObject({ removed: 2 });
    expect(report.ingest).toMatchObject({ removed: 2, articles: 5 });
    const result = await engine.ask(QUESTION);
    expect([...result.answers, ...result.nearest].every((q) => !q.citation.article.startsWith('web/'))).toBe(true);
  });
});
