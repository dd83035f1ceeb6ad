/**
 * The fake Discord's sharding, against the real discord.js client running both shards in one process (no
 * PostgreSQL needed, so this runs wherever the fake does): /gateway/bot recommends two shards, each IDENTIFY
 * carries its shard pair, and each guild's events reach only the shard that owns it.
 */
import { Client, Events, GatewayIntentBits, type Message } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseConfig } from '../../src/config.js';
import { restFor } from '../../src/discord/register.js';
import { gatewayPlan, spawnWaves } from '../../src/discord/sharding/shard-count.js';
import { FakeDiscord } from './fake-discord/index.js';
import { shardOf } from './fake-discord/ids.js';
import { TOKEN } from './harness.js';

describe('the fake Discord, sharded', () => {
  let fake: FakeDiscord;
  let client: Client;
  const received: Message[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, guilds: 2, shards: 2 });
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      shards: 'auto',
      rest: { api: fake.restUrl },
      ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) },
    });
    client.on(Events.MessageCreate, (message) => received.push(message));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.stop();
  });

  it('recommends two shards and is identified by shards [0, 2] and [1, 2]', () => {
    expect(client.ws.shards.size).toBe(2);
    expect([...fake.gateway.identified].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('picks guild ids so that guild i is owned by shard i, and lists each guild to its shard only', () => {
    expect(fake.guilds.map((g) => shardOf(g.id, 2))).toEqual([0, 1]);
    expect(fake.guilds.map((g) => client.guilds.cache.get(g.id)?.shardId)).toEqual([0, 1]);
  });

  it("sends a guild's messages to the shard that owns it", async () => {
    for (const g of fake.guilds) fake.say('hello', { channel: g.channels[0]! });
    await fake.until(() => received.length === 2, 'both messages');
    expect(received.map((m) => [m.guildId, m.guild?.shardId]).sort()).toEqual(fake.guilds.map((g, i) => [g.id, i]).sort());
    expect(fake.gateway.deliveries.filter((d) => d.t === 'MESSAGE_CREATE').map((d) => [d.guildId, d.shard])).toEqual(fake.guilds.map((g, i) => [g.id, i]));
  });

  it('SHARDS=auto asks the configured REST API (here the fake) for the count and how many shards may identify at once', async () => {
    const three = await FakeDiscord.start({ token: TOKEN, shards: 3, maxConcurrency: 2 });
    try {
      const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_REST_API: three.restUrl });
      expect(await gatewayPlan(restFor(config, TOKEN))).toEqual({ shards: 3, maxConcurrency: 2 });
      expect(three.rest.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
    } finally {
      await three.stop();
    }
  });

  it('closes an IDENTIFY with a shard outside its count with 4010, as Discord does', async () => {
    const socket = new WebSocket(fake.gatewayUrl);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('open', () => socket.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1, properties: {}, shard: [2, 2] } })));
    expect(await closed).toBe(4010);
  });
});

describe('spawnWaves', () => {
  it('starts one shard per identify window when max_concurrency is 1, as discord.js does', () => {
    expect(spawnWaves(3, 1)).toEqual([[0], [1], [2]]);
  });

  it('starts max_concurrency consecutive shards together: one per rate-limit bucket (shard_id % max_concurrency)', () => {
    expect(spawnWaves(5, 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(spawnWaves(2, 16)).toEqual([[0, 1]]);
    for (const wave of spawnWaves(40, 16)) expect(new Set(wave.map((id) => id % 16)).size).toBe(wave.length);
  });
});
