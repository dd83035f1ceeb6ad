/**
 * SHARDS, read apart from the other settings because discord.js owns the same names inside a shard: its
 * ShardingManager starts each shard process with SHARDING_MANAGER=true, SHARDS=<this shard's id> and
 * SHARD_COUNT=<total>, overwriting the operator's SHARDS=auto|N. So a process with both SHARDING_MANAGER=true and
 * SHARD_COUNT is a shard, and its SHARDS is discord.js'; any other process reads SHARDS as the operator's setting.
 */
import path from 'node:path';
import { VerbatimError } from './errors.js';

/** How the Discord bot runs: one process, a manager of shard processes, or one shard under a manager. */
export type Sharding =
  | { kind: 'none' }
  | { kind: 'manager'; count: 'auto' | number }
  | { kind: 'shard'; ids: number[]; count: number };

const SHARDS_EXAMPLE = 'SHARDS=auto (or SHARDS=2; empty runs one process)';

function invalid(message: string): VerbatimError {
  return new VerbatimError('CONFIG_INVALID', message, { hint: `Set SHARDS in .env or the environment, for example ${SHARDS_EXAMPLE} (see .env.example).` });
}

/** True in a process discord.js' ShardingManager started as a shard. */
export function isShardProcess(env: Record<string, string | undefined>): boolean {
  return env.SHARDING_MANAGER === 'true' && env.SHARD_COUNT !== undefined;
}

/** The shard ids discord.js passes: one id ("0") in process mode, a JSON list ("[0,1]") when given one. */
function shardIds(value: string | undefined): number[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value ?? '');
  } catch {
    parsed = null;
  }
  const ids = Array.isArray(parsed) ? parsed : [parsed];
  if (ids.length === 0 || !ids.every((id) => Number.isInteger(id) && (id as number) >= 0)) {
    throw invalid(`SHARDS is invalid in a shard process: expected the shard id discord.js sets, got ${JSON.stringify(value)}.`);
  }
  return ids as number[];
}

export function parseSharding(env: Record<string, string | undefined>): Sharding {
  if (isShardProcess(env)) {
    const count = Number(env.SHARD_COUNT);
    if (!Number.isInteger(count) || count < 1) throw invalid(`SHARD_COUNT is invalid in a shard process: ${JSON.stringify(env.SHARD_COUNT)}.`);
    return { kind: 'shard', ids: shardIds(env.SHARDS), count };
  }
  const value = (env.SHARDS ?? '').trim().toLowerCase();
  if (value === '') return { kind: 'none' };
  if (value === 'auto') return { kind: 'manager', count: 'auto' };
  if (/^\d+$/.test(value) && Number(value) >= 1) return { kind: 'manager', count: Number(value) };
  throw invalid(`SHARDS is invalid: expected auto or a whole number of shards (1 or more), got ${JSON.stringify(env.SHARDS)}.`);
}

/** One index per shard process would multiply memory (and each would ingest): shards share PostgreSQL. */
export function checkShardingStore(sharding: Sharding, store: 'files' | 'postgres'): void {
  if (sharding.kind === 'none' || store === 'postgres') return;
  throw new VerbatimError('SHARDING_NEEDS_POSTGRES', 'SHARDS runs the bot as one process per shard, and with STORE=files each would load (and build) its own copy of the index.');
}

/** A shard's own bot database beside BOT_DB (bot.sqlite → bot.shard-1.sqlite): SQLite files are not shared between processes. */
export function shardDatabase(file: string, sharding: Sharding): string {
  if (sharding.kind !== 'shard') return file;
  const { dir, name, ext } = path.parse(file);
  return path.join(dir, `${name}.shard-${sharding.ids.join('-')}${ext}`);
}
