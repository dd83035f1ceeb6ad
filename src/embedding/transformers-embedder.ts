/**
 * The main embedder: a Transformers.js feature-extraction pipeline (ONNX Runtime on the CPU) with mean pooling and
 * L2 normalisation, Xenova/all-MiniLM-L6-v2 by default. Constructing is free; `load()` reads the model.
 */
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Config } from '../config.js';
import { VerbatimError } from '../errors.js';
import type { Embedder, EmbedderInfo } from './embedder.js';
import { fetchWithResponseTimeout, HUB_RESPONSE_TIMEOUT_MS } from './hub-fetch.js';
import { describeModelLoadFailure } from './model-load-failure.js';
import { onnxFileName } from './onnx-file.js';

export interface TransformersEmbedderOptions {
  /** Hub id or folder name under `modelsDir`, e.g. `Xenova/all-MiniLM-L6-v2`. */
  model: string;
  /** 'q8' reads `onnx/model_quantized.onnx`, 'fp32' reads `onnx/model.onnx`. */
  dtype: Config['embeddingDtype'];
  /** When set, the model is read from `<modelsDir>/<model>/` and the network is never tried. */
  modelsDir?: string | undefined;
  /** Where models downloaded from the Hub are kept (and looked for first). */
  cacheDir: string;
  /** Texts per ONNX run; 32 keeps padding waste low once texts are sorted by length. */
  batchSize?: number;
  /** Deadline for the Hub to start answering; see hub-fetch.ts for why. */
  hubTimeoutMs?: number;
}

const DEFAULT_BATCH_SIZE = 32;

export function transformersOptionsFromConfig(config: Config): TransformersEmbedderOptions {
  return { model: config.embeddingModel, dtype: config.embeddingDtype, modelsDir: config.modelsDir, cacheDir: config.modelCacheDir };
}

export class TransformersEmbedder implements Embedder {
  private extractor: FeatureExtractionPipeline | undefined;
  private loading: Promise<void> | undefined;
  private loadedInfo: EmbedderInfo | undefined;

  constructor(private readonly options: TransformersEmbedderOptions) {}

  get info(): EmbedderInfo {
    if (!this.loadedInfo) throw new VerbatimError('INTERNAL', 'TransformersEmbedder.info was read before load() finished.');
    return this.loadedInfo;
  }

  /** Loads the model once; throws MODEL_UNAVAILABLE with the underlying reason when it cannot be read. */
  load(): Promise<void> {
    this.loading ??= this.loadOnce().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  async embed(texts: readonly string[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<Float32Array[]> {
    await this.load();
    const extractor = this.extractor!;
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    // Sorting by length keeps texts of similar token counts in one batch, so little time goes into padding.
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    const vectors = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length; start += batchSize) {
      const indices = order.slice(start, start + batchSize);
      const batch = await embedBatch(extractor, indices.map((i) => texts[i]!));
      indices.forEach((textIndex, row) => (vectors[textIndex] = batch[row]!));
      options.onProgress?.(Math.min(start + batchSize, texts.length), texts.length);
    }
    return vectors;
  }

  async close(): Promise<void> {
    const extractor = this.extractor;
    this.extractor = undefined;
    this.loading = undefined;
    await extractor?.dispose();
  }

  private async loadOnce(): Promise<void> {
    const { model, dtype, modelsDir, cacheDir } = this.options;
    configureEnvironment(this.options);
    try {
      const extractor = await pipeline('feature-extraction', model, {
        dtype,
        device: 'cpu',
        cache_dir: cacheDir,
        local_files_only: modelsDir !== undefined,
      });
      const [probe] = await embedBatch(extractor, ['dimension probe']);
      this.extractor = extractor;
      this.loadedInfo = { id: `transformers:${model}:${dtype}`, name: `${model} (${dtype})`, dimension: probe!.length };
    } catch (error) {
      const where = modelsDir === undefined ? `the cache (${cacheDir}) or the Hugging Face Hub` : `MODELS_DIR (${modelsDir})`;
      throw new VerbatimError('MODEL_UNAVAILABLE', `Could not load the embedding model ${model} (${dtype}) from ${where}: ${describeModelLoadFailure(error)}.`, {
        cause: error,
        hint: modelsDir === undefined
          ? `Allow internet access once so ${model} is cached in ${cacheDir}, or put the model files under MODELS_DIR.`
          : `Put ${model}'s files (config.json, tokenizer files, onnx/${onnxFileName(dtype)}) in ${modelsDir}/${model}/.`,
      });
    }
  }
}

/**
 * Transformers.js reads these settings from a process-wide `env`, so they are set before every load: a local
 * MODELS_DIR means local files only (never the network); otherwise the cache folder, then the Hub.
 */
function configureEnvironment({ modelsDir, cacheDir, hubTimeoutMs = HUB_RESPONSE_TIMEOUT_MS }: TransformersEmbedderOptions): void {
  env.cacheDir = cacheDir;
  env.allowLocalModels = modelsDir !== undefined;
  if (modelsDir !== undefined) env.localModelPath = modelsDir;
  env.allowRemoteModels = modelsDir === undefined;
  env.fetch = fetchWithResponseTimeout(hubTimeoutMs);
}

async function embedBatch(extractor: FeatureExtractionPipeline, texts: string[]): Promise<Float32Array[]> {
  const output = await extractor(texts, { pooling: 'mean', normalize: true });
  const [rows, dimension] = output.dims as [number, number];
  const data = output.data as Float32Array;
  return Array.from({ length: rows }, (_, row) => data.slice(row * dimension, (row + 1) * dimension));
}
