/**
 * The IndexStore port: where the index lives. The engine opens and ingests through it and serves questions from the
 * ServingIndex it returns; `files` (folders under INDEX_DIR, the default) and `postgres` (pgvector) sit behind it.
 */
import type { EmbedderInfo } from '../embedding/embedder.js';
import { directorySize } from '../fs-size.js';
import { ingestArticles, type IngestParams, type IngestSummary } from './ingest.js';
import type { ServingIndex } from './serving-index.js';
import { committedGeneration, indexDirFor, openIndex, type VerifyMode } from './store.js';

/** What an ingest needs, whichever store writes it (the files store also needs its folder, given at creation). */
export type StoreIngestParams = Omit<IngestParams, 'indexRoot'>;

export interface IndexStore {
  readonly kind: 'files' | 'postgres';
  /**
   * Opens what is committed; throws INDEX_MISSING, INDEX_MODEL_MISMATCH, INDEX_CORRUPT, or a STORE_* code. `verify`
   * (files store): check every checksum now (`full`, the default) or leave the large ranking-only files to `verify()`.
   */
  open(info: EmbedderInfo, options?: { verify?: VerifyMode }): Promise<ServingIndex>;
  /** Brings the index up to `articles` (only new and changed ones are embedded) and returns the committed result. */
  ingest(params: StoreIngestParams): Promise<{ index: ServingIndex; report: IngestSummary }>;
  /** The generation committed now (another process may have written a newer one than the engine serves), or null when none is. */
  committed(info: EmbedderInfo): Promise<number | null>;
  /** Bytes the index takes on disk. */
  bytes(index: ServingIndex): Promise<number>;
  close(): Promise<void>;
}

export function filesStore(indexRoot: string): IndexStore {
  return {
    kind: 'files',
    open: (info, options) => openIndex(indexRoot, info, options),
    committed: (info) => committedGeneration(indexDirFor(indexRoot, info)),
    ingest: (params) => ingestArticles({ indexRoot, ...params }),
    bytes: (index) => directorySize(index.dir),
    close: async () => {},
  };
}

export { indexDirFor };
