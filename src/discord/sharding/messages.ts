/**
 * What the shard manager and its shard processes say to each other over the process IPC channel discord.js opens.
 * A shard's /reindex asks the manager to refresh (so ingest runs in one process, never once per shard); the
 * manager answers the asking shard and tells the others to reload the new generation.
 */
import type { IngestReport } from '../../engine-types.js';

export interface ReindexRequest {
  verbatim: 'reindex';
  id: string;
  rebuild: boolean;
}

export interface FatalReport {
  verbatim: 'fatal';
  error: { code: string; message: string; hint: string };
}

export type ToManager = ReindexRequest | FatalReport;

export interface Reindexed {
  verbatim: 'reindexed';
  id: string;
  report?: IngestReport;
  error?: { code: string; message: string; hint: string };
}

export interface Reload {
  verbatim: 'reload';
}

export type ToShard = Reindexed | Reload;

function kind(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { verbatim?: unknown }).verbatim : undefined;
}

export function isToManager(message: unknown): message is ToManager {
  return kind(message) === 'reindex' || kind(message) === 'fatal';
}

export function isToShard(message: unknown): message is ToShard {
  return kind(message) === 'reindexed' || kind(message) === 'reload';
}
