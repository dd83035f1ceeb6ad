import { createHash } from 'node:crypto';

/** sha256 hex of a file's bytes or a record's text; ingest compares it to skip unchanged articles. */
export function contentHash(source: Uint8Array | string): string {
  return createHash('sha256').update(source).digest('hex');
}
