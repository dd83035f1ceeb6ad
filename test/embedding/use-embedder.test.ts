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

/**
 * One embedder with two workers, followed through its life in order (two model loads for the whole file: each
 * worker thread loads USE lite once, ~1 s of TensorFlow.js apiece).
 */
describe('UseEmbedder with two workers, from construction to close', () => {
  const embedder = new UseEmbedder({ workers: 2 });

  afterAll(async () => {
    await embedder.close();
  });

  it('does no work when constructed', () => {
    expect(embedder.runningWorkers).toBe(0);
    expect(embedder.info).toEqual(USE_LITE_INFO);
  });

  it('starts one thread for one question, and the second once a batch waits for it', async () => {
    await embedder.embed([QUESTION]);
    // One question never starts the second worker (a one-shot `verbatim ask` would pay for its model).
    expect(embedder.runningWorkers).toBe(1);
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

  it('gives a sentence the same vector whichever worker and chunk embed it', async () => {
    // Reversed, every sentence lands in another chunk of 16 beside other sentences, and most go to the other worker.
    const forward = await embedder.embed(SENTENCES);
    const backward = (await embedder.embed([...SENTENCES].reverse())).reverse();
    forward.forEach((vector, i) => expect(Array.from(backward[i]!)).toEqual(Array.from(vector)));
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

  it('rejects work still queued when it is closed, with a clear error, and stops every thread (twice is safe)', async () => {
    const outcome = expect(embedder.embed(SENTENCES)).rejects.toMatchObject({ code: 'EMBEDDER_FAILED', message: expect.stringContaining('closed') });
    await new Promise((resolve) => setImmediate(resolve)); // the chunks are now queued, the first ones in flight
    await embedder.close();
    await outcome;
    expect(embedder.runningWorkers).toBe(0);
    await embedder.close();
    expect(embedder.runningWorkers).toBe(0);
  });
});
