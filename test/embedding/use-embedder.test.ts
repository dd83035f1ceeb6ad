/** The offline fallback, for real: USE lite from the npm package, in worker threads started by vitest. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UseEmbedder, USE_LITE_INFO } from '../../src/embedding/use-embedder.js';
import { cosine, norm } from './vector-math.js';

const QUESTION = 'What did Putin call Xi?';
const UNRELATED = 'Bake the bread for forty minutes until the crust is golden brown.';
const SENTENCES = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} is about the parade in Beijing and the leaders who watched it.`);

let dearFriend: string;

beforeAll(async () => {
  const article = await readFile(new URL('../../seeds/000_7603d30894732e43.txt', import.meta.url), 'utf8');
  dearFriend = article.split('\n').find((line) => line.includes('dear friend'))!;
});

describe('UseEmbedder with two workers', () => {
  const embedder = new UseEmbedder({ workers: 2 });

  beforeAll(async () => {
    await embedder.load();
  });

  afterAll(async () => {
    await embedder.close();
  });

  it('starts one thread when loaded, and the second once a batch waits for it', async () => {
    expect(embedder.runningWorkers).toBe(1);
    expect(embedder.info).toEqual(USE_LITE_INFO);
    await embedder.embed(SENTENCES);
    expect(embedder.runningWorkers).toBe(2);
  });

  it('returns 512-d unit vectors in input order, across workers', async () => {
    const vectors = await embedder.embed(SENTENCES);
    expect(vectors).toHaveLength(SENTENCES.length);
    for (const vector of vectors) {
      expect(vector).toHaveLength(512);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    const [third] = await embedder.embed([SENTENCES[3]!]);
    expect(cosine(third!, vectors[3]!)).toBeCloseTo(1, 5);
  });

  it('puts the sentence that answers a question closer than an unrelated one', async () => {
    const [question, answer, unrelated] = await embedder.embed([QUESTION, dearFriend, UNRELATED]);
    expect(dearFriend).toContain('Mr Putin called Mr Xi');
    expect(cosine(question!, answer!)).toBeGreaterThan(cosine(question!, unrelated!) + 0.1);
  });

  it('embeds an empty batch without asking a worker', async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it('reports progress chunk by chunk up to the total', async () => {
    const seen: number[] = [];
    await embedder.embed(SENTENCES, { onProgress: (done) => seen.push(done) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(SENTENCES.length);
  });
  it('gives the same vectors as one worker does', async () => {
    const one = new UseEmbedder({ workers: 1 });
    try {
      const [fromOne, fromTwo] = [await one.embed(SENTENCES), await embedder.embed(SENTENCES)];
      fromOne.forEach((vector, i) => expect(Array.from(fromTwo[i]!)).toEqual(Array.from(vector)));
    } finally {
      await one.close();
    }
  });
});

describe('UseEmbedder worker lifecycle', () => {
  it('does no work when constructed, and stops every thread on close (twice is safe)', async () => {
    const embedder = new UseEmbedder({ workers: 2 });
    expect(embedder.runningWorkers).toBe(0);
    await embedder.embed([QUESTION]);
    // One question never starts the second worker (a one-shot `verbatim ask` would pay for its model).
    expect(embedder.runningWorkers).toBe(1);
    await embedder.embed(SENTENCES);
    expect(embedder.runningWorkers).toBe(2);
    await embedder.close();
    expect(embedder.runningWorkers).toBe(0);
    await embedder.close();
    expect(embedder.runningWorkers).toBe(0);
  });

  it('rejects work still queued when it is closed, with a clear error', async () => {
    const embedder = new UseEmbedder({ workers: 1 });
    await embedder.load();
    const outcome = expect(embedder.embed(SENTENCES)).rejects.toMatchObject({ code: 'EMBEDDER_FAILED', message: expect.stringContaining('closed') });
    await new Promise((resolve) => setImmediate(resolve)); // the chunks are now queued, the first one in flight
    await embedder.close();
    await outcome;
  });
});
