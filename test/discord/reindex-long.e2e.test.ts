/**
 * /reindex on a corpus that takes longer than the interaction token lives: progress in the private reply while
 * the token is good, and the report as a channel message once it has expired. Discord's 15 minutes pass at once: the
 * test moves the bot's clock (startBot's `now`) instead of waiting; the ingest is held open by an engine wrapper until the test lets it go.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine, IngestProgress } from '../../src/engine-types.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { copySeeds, tempDir } from '../../bench/lib/seed-corpus.js';
import { Harness } from './harness.js';

const LOADING = 1 << 7;

let real: Engine;
let corpusDir: string;
/** Lets the held ingest finish. */
let release: () => void = () => {};

/** The real engine, with an ingest that reports progress and then waits for the test before it runs. */
function holdingEngine(engine: Engine): Engine {
  return {
    ...engine,
    ingest: async (options = {}) => {
      const gate = new Promise<void>((resolve) => (release = resolve));
      const progress: IngestProgress = { phase: 'embedding', done: 120, total: 480 };
      options.onProgress?.(progress);
      // A later report, past the (shortened) edit interval, so the progress reply is edited.
      await new Promise((resolve) => setTimeout(resolve, 60));
      options.onProgress?.(progress);
      await gate;
      return engine.ingest(options);
    },
  };
}

beforeAll(async () => {
  corpusDir = await copySeeds();
  real = createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir('verbatim-reindex-index-') }), {
    createEmbedder: async () => ({ embedder: new HashEmbedderTestDouble(64), fallback: false, notice: null }),
  });
  await real.warmUp();
});

afterAll(async () => {
  await real?.close();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

describe('/reindex outliving the interaction token', () => {
  it('shows progress while the token is good, then finishes with the report in the channel', async () => {
    // Discord's own 15 minutes of token, on a bot clock the test moves forward once the progress edit is in.
    let skew = 0;
    const h = await Harness.start({ engine: holdingEngine(real), progressEditMs: 20, now: () => Date.now() + skew });
    try {
      const record = h.fake.command('reindex', [], { admin: true });
      await h.fake.until(() => (record.original?.content?.startsWith('Reindexing…') ? record.original : null), 'the progress reply');
      expect(record.original!.content).toMatch(/^Reindexing… Embedding passages: 120 of 480 \(25%\), \d+ s so far\.$/);
      skew = 16 * 60_000;
      release();
      const announced = await h.fake.until(() => h.fake.botMessages().find((m) => m.content.includes('/reindex finished')), 'the channel message');
      expect(announced.content).toMatch(/^<@\d+> \/reindex finished after \d+ min, too late to update its private reply:$/);
      expect(String((announced.embeds[0] as { description: string }).description)).toMatch(/^\*\*5 articles\*\* indexed/);
      // The private reply was left as it was: its token could no longer be used.
      expect(record.original!.content).toMatch(/^Reindexing…/);
      // The bot logs the announcement once Discord has answered its send, which may be after the fake stored it.
      await h.fake.until(() => (h.logged('reindex.announced').length > 0 ? true : null), 'the announcement logged');
      expect(h.logged('reindex.announced').length).toBe(1);
    } finally {
      await h.stop();
    }
  });

  it('edits the private reply with the report when the reindex ends in time', async () => {
    const h = await Harness.start({ engine: holdingEngine(real), progressEditMs: 20 });
    try {
      const record = h.fake.command('reindex', [], { admin: true });
      await h.fake.until(() => (record.original?.content?.startsWith('Reindexing…') ? true : null), 'the progress reply');
      release();
      const final = await h.fake.until(() => (record.original !== null && (record.original.flags & LOADING) === 0 && record.original.embeds.length > 0 ? record.original : null), 'the report');
      expect(String((final.embeds[0] as { description: string }).description)).toMatch(/^\*\*5 articles\*\* indexed/);
      expect(h.fake.botMessages()).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
