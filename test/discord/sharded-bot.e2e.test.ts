/**
 * The sharded bot end to end: `SHARDS=auto npm start` (node dist/main.js) as a real process tree (the manager and one process per
 * shard, each running the real discord.js client) against the fake Discord on loopback, over one real throwaway
 * PostgreSQL database. The fake recommends two shards and owns two guilds, one per shard; questions in each guild
 * must be answered by the shard that owns it, from the one database the manager filled. Skipped (reason printed)
 * only when PostgreSQL or pgvector is not installed.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, postgresMissing, startThrowawayPostgres, type ThrowawayPostgres } from '../../bench/lib/postgres-cluster.js';
import { copySeeds, REPO_ROOT, tempDir } from '../../bench/lib/seed-corpus.js';
import { seedIndexWithUseVectors } from '../../bench/lib/seed-vectors.js';
import type { RawChannel, RawMessage } from './fake-discord/entities.js';
import { FakeDiscord, type InteractionRecord } from './fake-discord/index.js';
import { TOKEN, TOKEN_SECRET_PART } from './harness.js';

const missing = postgresMissing();

/** Starting three processes that each load the embedder takes a while on a busy two-core machine. */
const START_MS = 400_000;
const ANSWER_MS = 120_000;

const FERRY_ARTICLE = 'Kettle Island ferry to sail again\n\nThe Kettle Island ferry will resume sailings on 3 April after repairs to its engine, the harbour master said.\nThe crossing takes forty minutes.\n';

interface LogLine {
  event?: string;
  shard?: number;
  guild?: string;
  [field: string]: unknown;
}

describe.skipIf(missing !== null)(missing ? `sharded bot: skipped: ${missing}` : 'sharded bot: two shard processes, two guilds, one PostgreSQL database', () => {
  let cluster: ThrowawayPostgres;
  let fake: FakeDiscord;
  let manager: ChildProcess;
  let exited: Promise<number | null>;
  let corpusDir: string;
  let healthPort: number;
  /** The settings the manager ran with (a lone shard started by the test reuses them). */
  let botEnv: NodeJS.ProcessEnv;
  const scratch: string[] = [];
  let output = '';
  const logs = (): LogLine[] =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  const logged = (event: string) => logs().filter((line) => line.event === event);

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    // max_concurrency 2: both shards identify in one wave, not 5 s apart (the waves themselves: shard-count.test.ts).
    fake = await FakeDiscord.start({ token: TOKEN, guilds: 2, shards: 2, maxConcurrency: 2 });
    corpusDir = await copySeeds();
    // The seeds' USE-lite vectors are in its embedding cache: the manager's refresh stores them, embedding nothing.
    const indexDir = await seedIndexWithUseVectors('verbatim-shards-index-');
    const botDir = await tempDir('verbatim-shards-bot-');
    scratch.push(corpusDir, indexDir, botDir);
    healthPort = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env };
    // discord.js' own names: a stray one would make the manager think it is a shard.
    for (const name of ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'SHARD_COUNT']) delete env[name];
    botEnv = {
      ...env,
      SHARDS: 'auto',
      STORE: 'postgres',
      DATABASE_URL: await cluster.createDatabase(),
      DISCORD_TOKEN: TOKEN,
      DISCORD_REST_API: fake.restUrl,
      DISCORD_GUILD_ID: '',
      ANSWER_CHANNELS: '',
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      BOT_DB: path.join(botDir, 'bot.sqlite'),
      EMBEDDER: 'use',
      EMBED_WORKERS: '1',
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'info',
      LOG_QUESTIONS: 'full',
      HEALTH_PORT: String(healthPort),
    };
    // As `npm start` runs it: the compiled dist/ (rebuilt by the test setup), so the shards run dist/ too.
    manager = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/main.js')], {
      cwd: REPO_ROOT,
      env: botEnv,
      // Its own process group, so the shards it forked can be ended with it if it fails to stop them.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    manager.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    manager.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => manager.on('exit', (code) => resolve(code)));
    const quit = exited.then((code) => {
      throw new Error(`the shard manager exited (${code}) before its shards were ready:\n${output.slice(-3000)}`);
    });
    await Promise.race([fake.until(() => logged('shards.ready_all').length > 0, 'every shard to be ready', START_MS), quit]);
  }, START_MS + 60_000);

  afterAll(async () => {
    if (manager?.exitCode === null && manager.signalCode === null) {
      manager.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 30_000))]);
      if (code === 'running' && manager.pid !== undefined) process.kill(-manager.pid, 'SIGKILL');
    }
    await fake?.stop();
    await cluster?.stop();
    await Promise.all(scratch.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  }, 120_000);

  async function replyTo(question: RawMessage): Promise<RawMessage> {
    return fake.until(() => [...fake.messages.values()].find((m) => m.message_reference?.message_id === question.id), `a reply to message ${question.id}`, ANSWER_MS);
  }

  async function editedReply(record: InteractionRecord): Promise<RawMessage> {
    return fake.until(() => (record.original !== null && record.original.embeds.length > 0 ? record.original : null), `a reply to interaction ${record.id}`, ANSWER_MS);
  }

  const channelOf = (guild: number): RawChannel => fake.guilds[guild]!.channels[0]!;
  const description = (message: RawMessage) => String(message.embeds[0]?.description ?? '');

  it('asks the fake (not discord.com) for the shard count and identifies shards [0, 2] and [1, 2]', () => {
    expect(fake.rest.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(logged('shards.count')[0]).toMatchObject({ shards: 2, auto: true, maxConcurrency: 2 });
    expect([...fake.gateway.identified].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('gives each guild to the shard that owns it, as (guild_id >> 22) % 2 says', () => {
    expect(fake.guildsOf([0, 2]).map((g) => g.id)).toEqual([fake.guilds[0]!.id]);
    expect(fake.guildsOf([1, 2]).map((g) => g.id)).toEqual([fake.guilds[1]!.id]);
    expect(fake.gateway.isConnected(0) && fake.gateway.isConnected(1)).toBe(true);
  });

  it('registers the slash commands once, from the manager, not once per shard', () => {
    const calls = fake.rest.requests.filter((r) => r.path.endsWith('/commands')).map((r) => r.method);
    expect(calls).toEqual(['GET', 'PUT']);
    expect(fake.commands.get('global')?.length).toBeGreaterThan(0);
  });

  it('refreshes the index once, in the manager; the shards only open it', async () => {
    // A shard's engine may still be reading the index after its client is ready.
    await fake.until(() => logs().filter((l) => l.msg === 'engine ready').length === 2, 'both shard engines to be ready', ANSWER_MS);
    const refreshed = logged('index.refreshed');
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ added: 5 });
    expect(refreshed[0]!.shard).toBeUndefined();
    expect(logs().filter((l) => l.msg === 'engine ready').map((l) => l.shard).sort()).toEqual([0, 1]);
  });

  it('answers /readyz from the manager: ready once the index is refreshed and every shard is logged in', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ready: true, checks: { index: 'ok', shards: 'ok' } });
  });

  it('answers a mention in each guild from the shard that owns it', async () => {
    const questions = [0, 1].map((g) => fake.say(`${fake.botMention} What did Putin call Xi?`, { channel: channelOf(g) }));
    const replies = await Promise.all(questions.map((q) => replyTo(q)));
    for (const reply of replies) expect(description(reply)).toContain('dear friend');
    for (const g of [0, 1]) {
      const guildId = fake.guilds[g]!.id;
      expect(new Set(fake.gateway.deliveries.filter((d) => d.t === 'MESSAGE_CREATE' && d.guildId === guildId).map((d) => d.shard))).toEqual(new Set([g]));
      await fake.until(() => logged('question').find((l) => l.guild === guildId), `the question log line of guild ${g}`);
      expect(logged('question').filter((l) => l.guild === guildId).map((l) => l.shard)).toEqual([g]);
    }
  });

  it('answers /ask in the second guild from shard 1', async () => {
    const record = fake.command('ask', [{ name: 'question', type: 3, value: 'What did Putin call Xi?' }], { channel: channelOf(1) });
    expect(description(await editedReply(record))).toContain('dear friend');
    expect(fake.gateway.deliveries.filter((d) => d.t === 'INTERACTION_CREATE').map((d) => d.shard)).toEqual([1]);
  });

  it('/reindex in shard 1 refreshes once in the manager, and shard 0 then answers from the new article', async () => {
    await fs.writeFile(path.join(corpusDir, '200_kettle_island_ferry.txt'), FERRY_ARTICLE);
    const record = fake.command('reindex', [], { admin: true, channel: channelOf(1) });
    expect(description(await editedReply(record))).toMatch(/\*\*6 articles\*\* indexed: 1 added/);
    expect(logged('index.refreshed')).toHaveLength(2);
    // The asking shard reloads before it reports; the other is told to by the manager.
    await fake.until(() => new Set(logged('index.reloaded').map((l) => l.shard)).size === 2, 'both shards to reload', ANSWER_MS);
    const question = fake.say(`${fake.botMention} When will the Kettle Island ferry resume sailings?`, { channel: channelOf(0) });
    expect(description(await replyTo(question))).toContain('3 April');
  });

  it('starts a shard again when its process dies; the new process answers in its guild from the newest index', async () => {
    const pid = Number(logged('shard.started').find((l) => l.shard === 1)?.pid);
    const identified = fake.gateway.identified.length;
    process.kill(pid, 'SIGKILL');
    await fake.until(() => logs().filter((l) => l.msg === 'engine ready' && l.shard === 1).length === 2, 'a new shard 1 with its engine ready', START_MS);
    expect(fake.gateway.identified.slice(identified)).toEqual([[1, 2]]);
    const question = fake.say(`${fake.botMention} When will the Kettle Island ferry resume sailings?`, { channel: channelOf(1) });
    expect(description(await replyTo(question))).toContain('3 April');
  }, START_MS);

  it('never logs the token, in the manager or in a shard', () => {
    expect(output).not.toContain(TOKEN_SECRET_PART);
  });

  it('stops every shard when the manager is told to stop', async () => {
    manager.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Shard 1's first process was killed before: the stopping ones are shard 0 and shard 1's second process.
    expect(logs().filter((l) => l.event === 'shard.stopping').map((l) => l.shard).sort()).toEqual([0, 1]);
  }, 60_000);

  it('a shard whose manager goes away stops itself (the test plays the manager, then disconnects)', async () => {
    const shard = fork(path.join(REPO_ROOT, 'dist/discord/sharding/shard-process.js'), [], {
      env: { ...botEnv, SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '0', SHARD_COUNT: '2' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let said = '';
    shard.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    shard.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const gone = new Promise<number | null>((resolve) => shard.on('exit', (code) => resolve(code)));
    try {
      // discord.js tells its manager {_ready: true} once the shard is logged in.
      await new Promise<void>((resolve, reject) => {
        shard.on('message', (message: { _ready?: boolean }) => message._ready === true && resolve());
        void gone.then((code) => reject(new Error(`the shard exited (${code}) before it was ready:\n${said.slice(-2000)}`)));
      });
      shard.disconnect();
      const code = await gone;
      expect(code, said.slice(-3000)).toBe(0);
      expect(said).toContain('the shard manager went away');
    } finally {
      if (shard.exitCode === null && shard.signalCode === null) shard.kill('SIGKILL');
    }
  }, START_MS);

  it("stops with the shard's coded error, status 1, when a shard cannot log in (SHARDS=2 with a rejected token)", async () => {
    const wrong = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.wrong-token.rejected-by-the-fake';
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/main.js')], {
      cwd: REPO_ROOT,
      env: { ...botEnv, SHARDS: '2', DISCORD_TOKEN: wrong, HEALTH_PORT: '' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const code = await Promise.race([
      new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c))),
      new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), START_MS - 30_000)),
    ]);
    if (code === 'running' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    expect(code, said.slice(-3000)).toBe(1);
    expect(said).toMatch(/CONFIG_INVALID: Discord rejected DISCORD_TOKEN/);
    expect(said).not.toContain('rejected-by-the-fake');
    // The manager stops cleanly: no shard started again, no unhandled discord.js error on the way out.
    expect(said).not.toMatch(/ShardingReadyDied|Emitted 'error' event|at .*\.js:\d+/);
  }, START_MS);
});
