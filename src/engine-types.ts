/** The engine's contract: the one facade both doors (Discord and terminal) use. */
import type { AskResult } from './answer/types.js';
import type { IngestProgress, IngestReport } from './index/ingest-report.js';
import type { RetrievalMode } from './search/retrieve.js';
import type { Summary, SummaryRequest } from './summary/types.js';

export type { IngestProgress, IngestReport } from './index/ingest-report.js';

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
  summarize(request: SummaryRequest): Promise<Summary>;
  stats(): Promise<EngineStats>;
  close(): Promise<void>;
}
