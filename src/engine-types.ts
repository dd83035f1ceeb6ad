/** The engine's contract: the one facade both doors (Discord and terminal) use. */
import type { AskResult } from './answer/types.js';
import type { IngestProgress, IngestReport } from './index/ingest-report.js';
import type { RetrievalMode } from './search/retrieve.js';
import type { Summary, SummaryRequest } from './summary/types.js';

import type { RefreshReport, SourceReport } from './sources/refresh-report.js';
import type { SourceListing } from './sources/source-list.js';
import type { Source } from './sources/sources-file.js';

export type { IngestProgress, IngestReport } from './index/ingest-report.js';
export type { RefreshReport, SourceReport, SourceProblem, SourceStatus } from './sources/refresh-report.js';
export type { SourceListing } from './sources/source-list.js';
export type { Source } from './sources/sources-file.js';

export interface AskOptions {
  mode?: RetrievalMode;
  /** Quotes to return in `answers` (1..3, default 3). */
  maxAnswers?: number;
  /**
   * The question this one follows up (a reply to an answer, a message in its thread): what the question
   * leaves out is taken from it by the rule in answer/follow-up.ts, and the result says how.
   */
  previousQuestion?: string;
  /** Only news from this date on (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); a bad value is VerbatimError DATE_INVALID. */
  since?: string;
  /** Only news up to this date (the last day it covers). */
  until?: string;
  /**
   * The time step (the question's period, "latest", newer wins ties; see time/time-step.ts); default on. Off
   * only to measure it (bench:time); quotes carry their dates either way.
   */
  timeConstraint?: boolean;
}

export interface ArticleListItem {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  sentences: number;
}

export interface ArticleList {
  total: number;
  offset: number;
  items: ArticleListItem[];
}

export interface EngineStats {
  corpusDir: string;
  indexDir: string;
  embedder: { id: string; name: string; dimension: number; fallback: boolean; notice: string | null };
  articles: number;
  passages: number;
  sentences: number;
  indexBytes: number;
  questionsAnswered: number;
  /** When the loaded index was last written (ISO time): the last refresh that changed something. */
  indexWrittenAt: string | null;
}

export interface WarmUpReport {
  ingest: IngestReport | null;
  stats: EngineStats;
  ms: number;
}

export interface Engine {
  /** Loads the embedder and the index (ingesting first when the index is missing or stale). */
  warmUp(options?: { onProgress?: (p: IngestProgress) => void }): Promise<WarmUpReport>;
  ask(question: string, options?: AskOptions): Promise<AskResult>;
  /**
   * The article sentences that support a claim (a message's text), or none: the same retrieval and answer
   * step as `ask`, with the claim as the query. Text past the question limit is cut at a word boundary.
   */
  findSources(claim: string): Promise<AskResult>;
  /** Lists articles; `query` filters by id or title words (used for autocomplete). */
  articles(options?: { query?: string; offset?: number; limit?: number }): Promise<ArticleList>;
  ingest(options?: { rebuild?: boolean; onProgress?: (p: IngestProgress) => void }): Promise<IngestReport>;
  /**
   * Serves the generation another process committed to the shared store (a shard, after its manager refreshed).
   * The index serving now answers until the new one is read.
   */
  reload(): Promise<EngineStats>;
  summarize(request: SummaryRequest): Promise<Summary>;
  /**
   * Serves the generation committed now when another process (`verbatim ingest`, `verbatim refresh` from cron)
   * wrote a newer one than the engine serves: opened aside, then swapped in between questions. True when it
   * swapped; false when already current, not loaded yet, or while this engine is writing.
   */
  adoptCommitted(): Promise<boolean>;
  /** The followed feeds and pages (SOURCES_FILE), each with its last refresh status. */
  sources(): Promise<SourceListing[]>;
  /** Follows a feed or page (http/https only); throws SOURCE_INVALID or SOURCE_EXISTS. It is fetched at the next refresh. */
  addSource(url: string, name?: string): Promise<Source>;
  /** Stops following a source by address or name; its articles leave the index at the next refresh. Throws SOURCE_NOT_FOUND. */
  removeSource(ref: string): Promise<Source>;
  /**
   * Fetches every source once, writes what changed as snapshot files in the corpus folder and, when something
   * did, ingests: questions meanwhile are answered from the index already loaded, which is swapped for the new
   * one when the ingest commits. One refresh at a time: a second call throws REFRESH_BUSY.
   */
  refresh(options?: { onSource?: (report: SourceReport) => void; onProgress?: (p: IngestProgress) => void }): Promise<RefreshReport>;
  stats(): Promise<EngineStats>;
  close(): Promise<void>;
}
