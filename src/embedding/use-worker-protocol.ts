/** Messages between the main thread and use-worker.js (which documents the same shapes in JSDoc). */
export interface EmbedRequest {
  id: number;
  texts: string[];
}

export type WorkerMessage =
  | { type: 'ready'; loadMs: number }
  | { type: 'load-failed'; message: string }
  /** `vectors` holds the rows one after another, each of the model's dimension and unit length. */
  | { type: 'result'; id: number; vectors: Float32Array }
  | { type: 'error'; id: number; message: string };
