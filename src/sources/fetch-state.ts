/**
 * What the last refreshes learnt, kept in a dot-file inside the corpus folder (the reader skips dot-files):
 * validators for conditional requests (ETag / Last-Modified) per feed and per page, each page's snapshot file and
 * text hash (for duplicates), and each source's last status for `sources list` and /source list.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../index/atomic-file.js';
import type { SourceStatus } from './refresh-report.js';

export const STATE_FILE = '.verbatim-sources.json';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface PageState extends Validators {
  /** The snapshot file, relative to the corpus folder. */
  file: string;
  /** sha256 of the extracted text: the same text under another address is a duplicate. */
  textHash: string;
  /** The canonical address the page named, when it named one. */
  canonical: string | null;
  /** Source addresses whose feeds list this page. */
  sources: string[];
}

export interface SourceState extends Validators {
  last: SourceStatus | null;
  /** The item links of the feed's last successful read (a 304 reuses them). */
  items: string[];
  /** When the feed's pages were last asked for (ISO time); absent in state files written before it existed. */
  pagesCheckedAt?: string;
}

export interface FetchState {
  version: 1;
  sources: Record<string, SourceState>;
  pages: Record<string, PageState>;
  /** Snapshots changed since the last ingest that followed a refresh: the next refresh ingests even if nothing new came. */
  ingestDue?: boolean;
}

export function stateFile(corpusDir: string): string {
  return path.join(corpusDir, STATE_FILE);
}

export async function readFetchState(corpusDir: string): Promise<FetchState> {
  try {
    const parsed = JSON.parse(await readFile(stateFile(corpusDir), 'utf8')) as Partial<FetchState>;
    if (parsed.version === 1 && parsed.sources && parsed.pages) return parsed as FetchState;
  } catch {
    // Missing or damaged: start afresh. The cost is one unconditional request per source; no article is lost,
    // because snapshots are only rewritten when their content differs.
  }
  return { version: 1, sources: {}, pages: {} };
}

export async function writeFetchState(corpusDir: string, state: FetchState): Promise<void> {
  await writeFileAtomic(stateFile(corpusDir), JSON.stringify(state, null, 1) + '\n');
}

/** Records that an ingest has taken every snapshot written so far. */
export async function markIngested(corpusDir: string): Promise<void> {
  const state = await readFetchState(corpusDir);
  if (state.ingestDue !== true) return;
  state.ingestDue = false;
  await writeFetchState(corpusDir, state);
}
