/** Snowflake-shaped ids: discord.js' rate-limit router recognises route parameters by their 17–19 digits. */
let next = 1_300_000_000_000_000_000n;

export function snowflake(): string {
  next += 1n;
  return next.toString();
}
