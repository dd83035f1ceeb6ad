/** Snowflake-shaped ids: discord.js' rate-limit router recognises route parameters by their 17–19 digits. */
let next = 1_300_000_000_000_000_000n;

export function snowflake(): string {
  next += 1n;
  return next.toString();
}

/** The shard that receives a guild's events, as Discord computes it: (guild_id >> 22) % shard count. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A fresh snowflake owned by `shard` of `count` (the timestamp part is stepped until it falls there). */
export function snowflakeOnShard(shard: number, count: number): string {
  let id = BigInt(snowflake());
  while (shardOf(id.toString(), count) !== shard) id += 1n << 22n;
  next = id;
  return id.toString();
}
