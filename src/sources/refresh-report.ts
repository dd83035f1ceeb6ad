/** Plain result objects of a refresh, rendered by both doors. */
import type { ErrorCode } from '../errors.js';
import type { IngestReport } from '../index/ingest-report.js';

export interface SourceProblem {
  /** The address that failed (the feed, or one of its pages). */
  url: string;
  code: ErrorCode;
  message: string;
  hint: string;
}

export interface SourceStatus {
  /** ISO timestamp of the refresh. */
  at: string;
  /** ok: fetched and read; unchanged: the server answered 304; partial: some pages failed; failed: nothing read. */
  status: 'ok' | 'unchanged' | 'partial' | 'failed';
  /** The first problem, for one-line listings. */
  problem: SourceProblem | null;
}

export interface SourceReport extends SourceStatus {
  name: string;
  url: string;
  kind: 'feed' | 'page' | null;
  /** HTTP requests made for this source (feed and pages, retries and redirects included). */
  requests: number;
  /** Pages this source listed. */
  items: number;
  added: number;
  changed: number;
  unchanged: number;
  /** Pages not stored because the same address or the same text is already stored. */
  duplicates: number;
  problems: SourceProblem[];
}

export interface RefreshReport {
  sources: SourceReport[];
  added: number;
  changed: number;
  unchanged: number;
  duplicates: number;
  /** Snapshot files removed because their source was removed. */
  removed: number;
  requests: number;
  /** Articles extracted and stored (added + changed) and the time fetching and extracting took. */
  ms: number;
  /** The index update that followed (null when nothing changed on disk). */
  ingest: IngestReport | null;
}
