/**
 * The one place that chooses and loads the embedder (EMBEDDER): `minilm` is the Transformers.js model only,
 * `use` the Universal Sentence Encoder lite only, and `auto` tries the model (MODELS_DIR, else the cache folder,
 * else the Hub) and falls back to USE lite with one clear notice when it cannot be loaded. The Hub attempt is
 * bounded (hub-fetch.ts) so a machine without internet falls back in well under a second, or 15 s at worst.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { isVerbatimError, VerbatimError } from '../errors.js';
import type { Embedder } from './embedder.js';
import { describeModelLoadFailure } from './model-load-failure.js';
import { onnxFileName } from './onnx-file.js';
import { UseEmbedder } from './use-embedder.js';

export interface CreatedEmbedder {
  /** Loaded and ready to embed. */
  embedder: Embedder;
  /** True when `auto` could not load the model and fell back to USE lite. */
  fallback: boolean;
  /** The fallback notice (also passed to `log` once), or null. */
  notice: string | null;
}

export interface ChosenEmbedder extends CreatedEmbedder {
  /**
   * Settles when `embedder` has loaded (it rejects with EMBEDDER_FAILED if it cannot). Until then `embedder.info`
   * is final and `embed` waits, so a caller can open the embedder's index while the model loads.
   */
  ready: Promise<void>;
}

/** Chooses and loads the embedder; resolves once it is ready to embed. */
export async function createEmbedder(config: Config, options: { log?: (notice: string) => void } = {}): Promise<CreatedEmbedder> {
  const { ready, ...chosen } = await chooseEmbedder(config, options);
  await ready;
  return chosen;
}

/**
 * Settles which embedder serves (in `auto`, after trying the model) and returns it while it may still be loading:
 * the offline encoder's worker threads take ~1 s to start, time the caller can spend opening the index.
 */
export async function chooseEmbedder(config: Config, options: { log?: (notice: string) => void } = {}): Promise<ChosenEmbedder> {
  if (config.embedder === 'use') return { ...startUse(config), fallback: false, notice: null };
  // Transformers.js (and ONNX Runtime) load only when the model may be used: `use` never pays for them.
  const { TransformersEmbedder, transformersOptionsFromConfig } = await import('./transformers-embedder.js');
  const model = new TransformersEmbedder(transformersOptionsFromConfig(config));
  // With no local copy of the model, `auto` will likely fall back: the offline encoder's workers
  // start loading while the Hub is tried, instead of after it fails.
  const early = config.embedder === 'auto' && !hasLocalModel(config) ? startUse(config) : null;
  early?.ready.catch(() => {});
  try {
    await model.load();
    if (early) void early.ready.then(() => early.embedder.close(), () => {});
    return { embedder: model, ready: Promise.resolve(), fallback: false, notice: null };
  } catch (error) {
    if (config.embedder === 'minilm') throw error;
    const notice = fallbackNotice(config, error);
    options.log?.(notice);
    return { ...(early ?? startUse(config)), fallback: true, notice };
  }
}

/** Whether the model's ONNX file is already on disk (MODELS_DIR, or the download cache). */
function hasLocalModel(config: Config): boolean {
  return existsSync(path.join(config.modelsDir ?? config.modelCacheDir, config.embeddingModel, 'onnx', onnxFileName(config.embeddingDtype)));
}

/** Names the model, the reason in a few words, what answers use now, and how to get the model. */
function fallbackNotice(config: Config, error: unknown): string {
  const reason = describeModelLoadFailure(isVerbatimError(error) && error.cause !== undefined ? error.cause : error);
  const howTo = config.modelsDir === undefined
    ? `allow internet access once so it is cached in ${config.modelCacheDir}, or set MODELS_DIR to a folder holding ${config.embeddingModel}/`
    : `put its files in ${config.modelsDir}/${config.embeddingModel}/, or unset MODELS_DIR and allow internet access once`;
  return (
    `The embedding model ${config.embeddingModel} (${config.embeddingDtype}) could not be loaded: ${reason}. ` +
    `Answers use the offline Universal Sentence Encoder lite instead. To use ${config.embeddingModel}, ${howTo}.`
  );
}

/** Starts USE lite's workers; `ready` rejects with EMBEDDER_FAILED when they cannot load the model. */
function startUse(config: Config): { embedder: UseEmbedder; ready: Promise<void> } {
  const use = new UseEmbedder({ workers: config.embedWorkers });
  const ready = use.load().catch((error: unknown) => {
    if (isVerbatimError(error)) throw error;
    throw new VerbatimError('EMBEDDER_FAILED', `The Universal Sentence Encoder lite could not start: ${describeModelLoadFailure(error)}.`, { cause: error });
  });
  return { embedder: use, ready };
}
