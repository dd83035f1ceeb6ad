/** createEmbedder's three modes, on real models: the tiny BERT for MiniLM's path, USE lite for the fallback. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createEmbedder, type CreatedEmbedder } from '../../src/embedding/create-embedder.js';
import { TINY_BERT_SHAPE, writeBertModelFolder } from '../../bench/lib/bert-onnx.js';

const MODEL = 'verbatim-test/tiny-bert';
let root: string;
let modelsDir: string;
let emptyDir: string;
let created: CreatedEmbedder | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'verbatim-create-embedder-'));
  modelsDir = path.join(root, 'models');
  emptyDir = path.join(root, 'empty');
  await writeBertModelFolder(path.join(modelsDir, MODEL), { ...TINY_BERT_SHAPE, quantized: true });
});

afterEach(async () => {
  await created?.embedder.close();
  created = undefined;
  vi.restoreAllMocks();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function config(env: Record<string, string>) {
  return parseConfig({ MODEL_CACHE_DIR: path.join(root, 'cache'), EMBED_WORKERS: '1', ...env }, root);
}

describe('createEmbedder', () => {
  it('auto: falls back to USE lite with one notice, without touching the network, when MODELS_DIR lacks the model', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const notices: string[] = [];
    created = await createEmbedder(config({ EMBEDDER: 'auto', MODELS_DIR: emptyDir }), { log: (notice) => notices.push(notice) });

    expect(created.fallback).toBe(true);
    expect(created.embedder.info.id).toBe('use-lite:en');
    expect(notices).toEqual([created.notice]);
    expect(created.notice).toContain('Xenova/all-MiniLM-L6-v2');
    expect(created.notice).toContain('model file not found');
    expect(created.notice).toContain('offline Universal Sentence Encoder lite');
    expect(created.notice).toContain('MODELS_DIR');
    expect(fetchSpy).not.toHaveBeenCalled();
    const [vector] = await created.embedder.embed(['What did Putin call Xi?']);
    expect(vector).toHaveLength(512);
  });

  it('minilm: loads the model from MODELS_DIR, no fallback, no notice', async () => {
    const notices: string[] = [];
    created = await createEmbedder(config({ EMBEDDER: 'minilm', MODELS_DIR: modelsDir, EMBEDDING_MODEL: MODEL }), { log: (n) => notices.push(n) });
    expect(created).toMatchObject({ fallback: false, notice: null });
    expect(created.embedder.info).toMatchObject({ id: `transformers:${MODEL}:q8`, dimension: TINY_BERT_SHAPE.hidden });
    expect(notices).toEqual([]);
  });

  it('auto: uses the model when MODELS_DIR has it', async () => {
    created = await createEmbedder(config({ EMBEDDER: 'auto', MODELS_DIR: modelsDir, EMBEDDING_MODEL: MODEL }));
    expect(created.fallback).toBe(false);
    expect(created.embedder.info.id).toBe(`transformers:${MODEL}:q8`);
  });

  it('auto without MODELS_DIR: finds a model in the cache folder before asking the Hub', async () => {
    const cacheDir = path.join(root, 'filled-cache');
    await writeBertModelFolder(path.join(cacheDir, MODEL), { ...TINY_BERT_SHAPE, quantized: true });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    created = await createEmbedder(config({ EMBEDDER: 'auto', MODEL_CACHE_DIR: cacheDir, EMBEDDING_MODEL: MODEL }));
    expect(created.fallback).toBe(false);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('minilm: fails with MODEL_UNAVAILABLE instead of falling back', async () => {
    await expect(createEmbedder(config({ EMBEDDER: 'minilm', MODELS_DIR: emptyDir }))).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: expect.stringContaining('model file not found'),
    });
  });

  it('use: loads USE lite only, without trying the model', async () => {
    created = await createEmbedder(config({ EMBEDDER: 'use', MODELS_DIR: emptyDir }));
    expect(created).toMatchObject({ fallback: false, notice: null });
    expect(created.embedder.info.id).toBe('use-lite:en');
  });
});
