/** Writing and reading the files a manifest lists, each checked against its recorded size and sha256. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

/** Reads a listed file; throws INDEX_CORRUPT when it is missing or its size or checksum differ from the entry. */
export async function readIndexFile(dir: string, entry: FileEntry): Promise<Buffer> {
  const file = path.join(dir, entry.name);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { cause: error });
  }
  if (bytes.length !== entry.bytes) {
    throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} is ${bytes.length} bytes; the manifest says ${entry.bytes} (truncated or overwritten).`);
  }
  if (sha256(bytes) !== entry.sha256) throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} does not match its checksum in the manifest.`);
  return bytes;
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
