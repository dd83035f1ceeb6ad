import { readFile, stat } from 'node:fs/promises';
import { isBinaryFile } from 'isbinaryfile';
import { VerbatimError } from '../errors.js';
import { contentHash } from './hash.js';

export interface TextFile {
  text: string;
  contentHash: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads one article file as UTF-8 text. The size is checked with stat first, so an oversized file is
 * never read into memory. Throws VerbatimError ARTICLE_UNREADABLE / _TOO_LARGE / _EMPTY / _BINARY /
 * _NOT_UTF8, for the loader to report as a problem.
 */
export async function readTextFile(absolute: string, id: string, maxBytes: number): Promise<TextFile> {
  const info = await unreadable(id, () => stat(absolute));
  if (!info.isFile()) throw new VerbatimError('ARTICLE_UNREADABLE', `${id} is not a regular file.`);
  if (info.size > maxBytes) throw tooLarge(id, info.size, maxBytes);
  if (info.size === 0) throw new VerbatimError('ARTICLE_EMPTY', `${id} is empty.`);
  const bytes = await unreadable(id, () => readFile(absolute));
  if (await isBinaryFile(bytes, bytes.length)) throw new VerbatimError('ARTICLE_BINARY', `${id} is a binary file, not text.`);
  const text = decodeUtf8(bytes, id);
  if (text.trim() === '') throw new VerbatimError('ARTICLE_EMPTY', `${id} holds only whitespace.`);
  return { text, contentHash: contentHash(bytes) };
}

/** Strict UTF-8 (a leading BOM is dropped); throws ARTICLE_NOT_UTF8. */
export function decodeUtf8(bytes: Uint8Array, id: string): string {
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw new VerbatimError('ARTICLE_NOT_UTF8', `${id} is not valid UTF-8 text (another encoding such as Windows-1252 or UTF-16?).`, { cause: error });
  }
}

export function tooLarge(id: string, size: number, maxBytes: number): VerbatimError {
  return new VerbatimError('ARTICLE_TOO_LARGE', `${id} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for one article.`);
}

async function unreadable<T>(id: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new VerbatimError('ARTICLE_UNREADABLE', `${id} could not be read (${reason}); it may have been moved or deleted.`, { cause: error });
  }
}

function formatBytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / (1024 * 1024)).toFixed(1)} MiB` : `${size} bytes`;
}
