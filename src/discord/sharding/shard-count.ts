/**
 * What Discord's /gateway/bot says about starting shards, asked through the configured REST client (discord.js' own
 * 'auto', fetchRecommendedShardCount, always asks discord.com, ignoring DISCORD_REST_API: a proxy, the fake):
 * the recommended shard count, and max_concurrency, how many shards may identify in the same 5-second window.
 */
import { Routes, type REST } from 'discord.js';
import { VerbatimError } from '../../errors.js';

export interface GatewayPlan {
  /** The shard count Discord recommends. */
  shards: number;
  /** Shards that may identify at once (one per `shard_id % max_concurrency` bucket); 1 for most bots. */
  maxConcurrency: number;
}

export async function gatewayPlan(rest: REST): Promise<GatewayPlan> {
  const answer = (await rest.get(Routes.gatewayBot())) as { shards?: unknown; session_start_limit?: { max_concurrency?: unknown } };
  const shards = Number(answer.shards);
  if (!Number.isInteger(shards) || shards < 1) {
    throw new VerbatimError('DISCORD_FAILED', `Discord's /gateway/bot recommended ${JSON.stringify(answer.shards)} shards.`, {
      hint: 'Set SHARDS to a number of shards instead of auto, or try again in a moment.',
    });
  }
  const concurrency = Number(answer.session_start_limit?.max_concurrency);
  return { shards, maxConcurrency: Number.isInteger(concurrency) && concurrency >= 1 ? concurrency : 1 };
}

export async function recommendedShardCount(rest: REST): Promise<number> {
  return (await gatewayPlan(rest)).shards;
}

/**
 * The order shards start in: waves of `maxConcurrency` consecutive ids (one per rate-limit bucket, so a wave may
 * identify together), each wave one identify window after the one before. discord.js' ShardingManager.spawn
 * starts one shard per window whatever max_concurrency says, which is why the manager spawns the waves itself.
 */
export function spawnWaves(shardCount: number, maxConcurrency: number): number[][] {
  const waves: number[][] = [];
  const size = Math.max(1, Math.floor(maxConcurrency));
  for (let first = 0; first < shardCount; first += size) waves.push(Array.from({ length: Math.min(size, shardCount - first) }, (_, i) => first + i));
  return waves;
}
