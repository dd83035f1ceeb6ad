/**
 * The IndexStore port: where the index lives. The engine opens and ingests through it and serves questions from the
 * ServingIndex it returns; `files` (folders under INDEX_DIR, the default) and `postgres` (pgvector) sit behind it.
 */
import type { Article, Passage } from '../corpus/types.js';
import type { Embedder, EmbedderInfo } from '../embedding/embedder.js';
import { directorySize } from '../fs-size.js';
import { ingestArticles, type IngestSummary } from './ingest.js';
import type { IngestProgress } from './ingest-report.js';
import type { ServingIndex } from './serving-index.js';
import { indexDirFor, openIndex } from './store.js';

export interface StoreIngestParams {
  embedder: Embedder;
  articles: Article[];
  rebuild?: boolean;
  buildPassages: (article: Article) => Passage[];
  onProgress?: (progress: IngestProgress) => void;
  /** Called between embedding batches (the engine flushes its embedding cache, so a killed build resumes). */
  checkpoint?: () => Promise<void>;
  /** A stale write lock was taken over (files store; PostgreSQL serialises ingests with an advisory lock). */
  onLockTakenOver?: (message: string) => void;
}

export interface IndexStore {
  readonly kind: 'files' | 'postgres';
  /** Opens what is committed; throws INDEX_MISSING, INDEX_MODEL_MISMATCH, INDEX_CORRUPT, or a STORE_* code. */
  open(info: EmbedderInfo): Promise<ServingIndex>;
  /** Brings the index up to `articles` (only new and changed ones are embedded) and returns the committed result. */
  ingest(params: StoreIngestParams): Promise<{ index: ServingIndex; report: IngestSummary }>;
  /** Bytes the index takes on disk. */
  bytes(index: ServingIndex): Promise<number>;
  close(): Promise<void>;
}

export function filesStore(indexRoot: string): IndexStore {
  return {
    kind: 'files',
    open: (info) => openIndex(indexRoot, info),
    ingest: (params) => ingestArticles({ indexRoot, ...params }),
    bytes: (index) => directorySize(index.dir),
    close: async () => {},
  };
}

export { indexDirFor };
