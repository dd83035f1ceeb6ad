/**
 * The real Transformers.js + ONNX Runtime path, on a tiny BERT with random weights and the real MiniLM tokenizer
 * (no pretrained weights can be downloaded here; see bench/lib/bert-onnx.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbedder } from '../../src/embedding/transformers-embedder.js';
import { TINY_BERT_SHAPE, writeBertModelFolder } from '../../bench/lib/bert-onnx.js';
import { cosine, norm } from './vector-math.js';

const MODEL = 'verbatim-test/tiny-bert';
const SENTENCES = [
  'In response, Mr Putin called Mr Xi a "dear friend".',
  'The military parade marks the 80th anniversary of the end of the Second World War.',
  'Short.',
];

let modelsDir: string;

beforeAll(async () => {
  modelsDir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-tiny-bert-'));
  await writeBertModelFolder(path.join(modelsDir, MODEL), { ...TINY_BERT_SHAPE, quantized: false });
  await writeBertModelFolder(path.join(modelsDir, MODEL), { ...TINY_BERT_SHAPE, quantized: true });
});

afterAll(async () => {
  await rm(modelsDir, { recursive: true, force: true });
});

describe.each(['fp32', 'q8'] as const)('TransformersEmbedder on the tiny BERT (%s)', (dtype) => {
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    embedder = new TransformersEmbedder({ model: MODEL, dtype, modelsDir, cacheDir: path.join(modelsDir, '.cache') });
    await embedder.load();
  });

  afterAll(async () => {
    await embedder.close();
  });

  it('reports its id and the dimension the model outputs', () => {
    expect(embedder.info.id).toBe(`transformers:${MODEL}:${dtype}`);
    expect(embedder.info.dimension).toBe(TINY_BERT_SHAPE.hidden);
  });

  it('returns one unit-length vector per text, in order', async () => {
    const vectors = await embedder.embed(SENTENCES);
    expect(vectors).toHaveLength(SENTENCES.length);
    for (const vector of vectors) {
      expect(vector).toHaveLength(TINY_BERT_SHAPE.hidden);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic: the same text gives the same vector, call after call', async () => {
    const [first] = await embedder.embed([SENTENCES[0]!]);
    const [again] = await embedder.embed([SENTENCES[0]!]);
    expect(Array.from(again!)).toEqual(Array.from(first!));
  });

  it('gives a text the same vector alone as inside a padded batch (the attention mask hides the padding)', async () => {
    const batch = await embedder.embed(SENTENCES);
    for (const [i, text] of SENTENCES.entries()) {
      const [single] = await embedder.embed([text]);
      // q8 quantises activations per tensor, so padding in the batch shifts the scale a little.
      expect(cosine(single!, batch[i]!)).toBeGreaterThan(dtype === 'fp32' ? 0.99999 : 0.99);
    }
  });

  it('reads text through the real uncased WordPiece tokenizer', async () => {
    const [upper, lower, other] = await embedder.embed(['Hello World', 'hello world', 'goodbye moon']);
    // do_lower_case: case alone cannot change the tokens, so it cannot change the vector.
    expect(cosine(upper!, lower!)).toBeCloseTo(1, 6);
    expect(cosine(lower!, other!)).toBeLessThan(0.999);
  });

  it('reports progress up to the total', async () => {
    const seen: Array<[number, number]> = [];
    await embedder.embed(SENTENCES, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([SENTENCES.length, SENTENCES.length]);
  });
});

describe('TransformersEmbedder load failures', () => {
  it('fails with MODEL_UNAVAILABLE naming the missing file when MODELS_DIR lacks the model', async () => {
    const embedder = new TransformersEmbedder({ model: 'nobody/missing', dtype: 'q8', modelsDir, cacheDir: path.join(modelsDir, '.cache') });
    await expect(embedder.load()).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE', message: expect.stringContaining('model file not found') });
  });

  it('fails with MODEL_UNAVAILABLE when the dtype file is absent', async () => {
    const embedder = new TransformersEmbedder({ model: MODEL, dtype: 'fp16', modelsDir, cacheDir: path.join(modelsDir, '.cache') });
    await expect(embedder.load()).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE', message: expect.stringContaining('model_fp16.onnx') });
  });
});
