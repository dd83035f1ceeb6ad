/**
 * SHARDS=auto: the shard count Discord recommends, asked through the configured REST client. discord.js' own
 * 'auto' (fetchRecommendedShardCount) always asks discord.com, ignoring DISCORD_REST_API (a proxy, the fake).
 */
import { Routes, type REST } from 'discord.js';
import { VerbatimError } from '../../errors.js';

export async function recommendedShardCount(rest: REST): Promise<number> {
  const answer = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  const count = Number(answer.shards);
  if (!Number.isInteger(count) || count < 1) {
    throw new VerbatimError('DISCORD_FAILED', `Discord's /gateway/bot recommended ${JSON.stringify(answer.shards)} shards.`, {
      hint: 'Set SHARDS to a number of shards instead of auto, or try again in a moment.',
    });
  }
  return count;
}
