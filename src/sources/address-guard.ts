/**
 * Addresses a fetch may reach. Sources can be added from Discord by any member with Manage Server, so by default
 * the bot refuses hosts that resolve into its own networks (loopback, private ranges, link-local — where cloud
 * metadata services answer — and the like); FETCH_ALLOW_PRIVATE=true lifts that for a bot that follows an
 * intranet. The check resolves the name before each request (and each redirect hop). A name whose DNS answer
 * changes between this check and the connection is not caught: that needs a check inside the connection itself.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** True for an address on the public internet; false for loopback, private, link-local, multicast and reserved ones. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return !blocked.check(mapped, 'ipv4');
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The first address `hostname` resolves to that is not public, or null when all are public. Throws on DNS failure. */
export async function privateAddressOf(hostname: string): Promise<string | null> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(bare) !== 0 ? [bare] : (await lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
  return addresses.find((address) => !isPublicAddress(address)) ?? null;
}
