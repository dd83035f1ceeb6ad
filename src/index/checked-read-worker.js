// @ts-check
/**
 * Worker-thread entry: reads index files and computes their sha256 off the main thread, which meanwhile parses the
 * files that have already arrived. A kept file's bytes are transferred back, not copied; a file only checked (one
 * another library loads itself) is streamed through a reused buffer.
 *
 * Plain ESM JavaScript on purpose (like src/embedding/use-worker.js): Node starts a worker file itself, outside tsx's
 * and vitest's transforms. Messages: in `{ id, file, keep }`; out `{ id, sha256, size, buffer? }` or `{ id, error: { code, message } }`.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('checked-read-worker.js must be started as a worker thread');

/** Reused by hash-only requests, so checking a large file touches no fresh memory. */
const chunk = Buffer.allocUnsafeSlow(4 << 20);

/** @param {string} file */
function hashOnly(file) {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  let size = 0;
  try {
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; size += read) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

port.on('message', (/** @type {{ id: number, file: string, keep: boolean }} */ { id, file, keep }) => {
  try {
    if (!keep) {
      port.postMessage({ id, ...hashOnly(file) });
      return;
    }
    const bytes = readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Small files may share Node's buffer pool, which cannot be transferred: those are copied out.
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = owned ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    port.postMessage({ id, buffer, sha256, size: bytes.length }, [/** @type {ArrayBuffer} */ (buffer)]);
  } catch (error) {
    const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
    port.postMessage({ id, error: { code, message } });
  }
});
