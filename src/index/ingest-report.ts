/** What an ingest reports while it runs and when it is done (the engine adds the corpus read's problems and time). */
import type { CorpusProblem } from '../corpus/types.js';

export interface IngestProgress {
  phase: 'reading' | 'embedding' | 'indexing' | 'saving';
  done: number;
  total: number;
}

export interface IngestReport {
  corpusDir: string;
  indexDir: string;
  articles: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  passages: number;
  sentences: number;
  embedded: number;
  /** Sentences longer than the embedding cap (ingest.ts MAX_EMBED_CHARS), embedded from their opening characters only. */
  capped: number;
  /** Why the index was rebuilt from scratch, when it was (e.g. embedder changed, index corrupt). */
  rebuilt: { code: string; message: string } | null;
  problems: CorpusProblem[];
  ms: number;
}
