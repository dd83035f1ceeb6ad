/** Writing and reading the files a manifest lists, each checked against its recorded size and sha256. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { VerbatimError } from '../errors.js';
import { writeFileAtomic } from './atomic-file.js';
import type { FileEntry } from './manifest.js';

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes `data` atomically under `dir/name` and returns its manifest entry. */
export async function writeIndexFile(dir: string, name: string, data: string | ArrayBufferView): Promise<FileEntry> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await writeFileAtomic(path.join(dir, name), bytes);
  return { name, bytes: bytes.length, sha256: sha256(bytes) };
}

/** The manifest entry of a file something else wrote (hnswlib writes its own files). */
export async function describeIndexFile(dir: string, name: string): Promise<FileEntry> {
  const bytes = await readFile(path.join(dir, name));
  return { name, bytes: bytes.length, sha256: sha256(bytes) };
}

type WorkerReply = { id: number; sha256: string; size: number; buffer?: ArrayBuffer } | { id: number; error: { code?: string; message: string } };

/**
 * Reads listed files in a worker thread that also hashes them, so on two cores checking checksums overlaps with
 * parsing. Files are read in request order. `close()` ends the worker.
 */
export class CheckedFileReader {
  private readonly worker = new Worker(new URL('./checked-read-worker.js', import.meta.url));
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  /** `background`: the worker does not keep the process alive (a check nobody waits for must not delay exit). */
  constructor(private readonly dir: string, options: { background?: boolean } = {}) {
    if (options.background) this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    const failAll = (error: Error): void => {
      for (const request of this.pending.values()) request.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', (code) => failAll(new Error(`The index reading worker exited (code ${code}).`)));
  }

  /** The file's bytes; throws INDEX_CORRUPT when it is missing or its size or checksum differ from the entry. */
  async read(entry: FileEntry): Promise<Buffer> {
    const reply = await this.request(entry, true);
    return Buffer.from(reply.buffer!);
  }

  /** Checks a file another reader loads (same errors as `read`), without bringing its bytes to this thread. */
  async check(entry: FileEntry): Promise<void> {
    await this.request(entry, false);
  }

  private async request(entry: FileEntry, keep: boolean): Promise<{ sha256: string; size: number; buffer?: ArrayBuffer }> {
    const file = path.join(this.dir, entry.name);
    const id = this.nextId++;
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, file, keep });
    });
    if ('error' in reply) {
      throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} cannot be read (${reply.error.code ?? reply.error.message}).`);
    }
    if (reply.size !== entry.bytes) {
      throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} is ${reply.size} bytes; the manifest says ${entry.bytes} (truncated or overwritten).`);
    }
    if (reply.sha256 !== entry.sha256) throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} does not match its checksum in the manifest.`);
    return reply;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Runs a parser over a file's text, turning any failure into INDEX_CORRUPT naming the file. */
export function parseIndexFile<T>(dir: string, entry: FileEntry, bytes: Buffer, parse: (text: string) => T): T {
  try {
    return parse(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof VerbatimError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new VerbatimError('INDEX_CORRUPT', `The index file ${path.join(dir, entry.name)} is unreadable: ${reason}.`, { cause: error });
  }
}
