/**
 * SHARDS=auto|N: the bot as discord.js' ShardingManager, one shard per process, every shard querying the shared
 * PostgreSQL store. The manager does once what must not happen once per shard: it asks Discord for the shard
 * count (through DISCORD_REST_API), registers the slash commands, and refreshes the index, before it spawns the
 * shards; afterwards it runs the refreshes shards ask for (/reindex) and tells them all to reload.
 */
import type { ChildProcess } from 'node:child_process';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../../config.js';
import { VerbatimError, toVerbatimError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { postgresStore } from '../../index/postgres/pg-store.js';
import { readinessOf, startHealthServer, type CheckState, type RunningServer } from '../../serve/health.js';
import { discordFailure } from '../discord-errors.js';
import { applicationIdFor, registerCommands, restFor } from '../register.js';
import { shardEntryPath } from './entry-path.js';
import { watchGeneration } from './generation-watch.js';
import { isToManager, type ReindexRequest, type ToShard } from './messages.js';
import { createRefresher, type Refresh } from './refresher.js';
import { gatewayPlan, spawnWaves, type GatewayPlan } from './shard-count.js';
import { startRefreshSchedule, type RefreshSchedule } from '../../sources/refresh-schedule.js';
import { logRefreshReport } from '../../sources/refresh-log.js';

/** Discord lets each max_concurrency bucket identify once per 5 s: discord.js' own spacing between waves. */
const SPAWN_DELAY_MS = 5_500;
/** A shard must log in within this; generous, since each one loads the embedder on a possibly busy machine. */
const SHARD_READY_TIMEOUT_MS = 180_000;
/** How often the manager checks for an ingest made elsewhere (a `verbatim ingest` job). */
const GENERATION_POLL_MS = 60_000;
/** How long stop() waits for a shard to exit after SIGTERM before killing it. */
const SHARD_EXIT_MS = 10_000;

export interface RunningManager {
  manager: ShardingManager;
  shardCount: number;
  /**
   * Settles when a shard met a failure no restart can fix (the token was rejected, …): the manager should stop
   * and exit non-zero with this error's code and hint.
   */
  fatal: Promise<VerbatimError>;
  stop(): Promise<void>;
}

/**
 * How many shards, and how many may identify at once. With SHARDS=N, /gateway/bot is still asked for
 * max_concurrency; when that fails the shards start one per identify window, as discord.js would.
 */
async function shardPlanFor(config: Config, token: string, logger: Logger): Promise<GatewayPlan> {
  if (config.sharding.kind !== 'manager') throw new VerbatimError('INTERNAL', 'The shard manager runs only with SHARDS=auto or a number.');
  const { count } = config.sharding;
  const rest = restFor(config, token);
  let plan: GatewayPlan;
  if (count === 'auto') plan = await gatewayPlan(rest).catch((error: unknown) => Promise.reject(discordFailure(error)));
  else plan = { shards: count, maxConcurrency: await gatewayPlan(rest).then((p) => p.maxConcurrency, () => 1) };
  logger.info({ event: 'shards.count', shards: plan.shards, auto: count === 'auto', maxConcurrency: plan.maxConcurrency }, `running ${plan.shards} shard process(es)`);
  return plan;
}

/** Once for all shards; mentions still work without slash commands, so a failure is logged, not fatal. */
async function registerOnce(config: Config, token: string, logger: Logger): Promise<void> {
  try {
    const rest = restFor(config, token);
    await registerCommands({ rest, applicationId: await applicationIdFor(config, rest), guildId: config.discord.guildId, logger });
  } catch (error) {
    const failure = discordFailure(error);
    logger.error({ event: 'commands.failed', code: failure.code, error: failure.message, hint: failure.hint }, 'could not register slash commands');
  }
}

function send(shard: Shard, message: ToShard, logger: Logger): void {
  shard.send(message).catch((error: unknown) => logger.warn({ event: 'shards.send_failed', shard: shard.id, err: error }, 'could not reach a shard'));
}

async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process as ChildProcess | null;
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // kill() also stops discord.js from respawning it.
  shard.kill();
  const timer = setTimeout(() => child.kill('SIGKILL'), SHARD_EXIT_MS);
  await exited;
  clearTimeout(timer);
}

/** Each wave's shards start together and must all be ready; the next wave waits out the identify window too. */
async function spawnInWaves(manager: ShardingManager, waves: number[][]): Promise<void> {
  for (const [i, wave] of waves.entries()) {
    // unref: a failed wave must not keep a stopping manager alive for the rest of the window.
    const window = i < waves.length - 1 ? new Promise((resolve) => setTimeout(resolve, SPAWN_DELAY_MS).unref()) : null;
    await Promise.all([...wave.map((id) => manager.createShard(id).spawn(SHARD_READY_TIMEOUT_MS)), window]);
  }
}

/** What the manager's /readyz reports (HEALTH_PORT). */
interface ManagerStatus {
  index: CheckState;
  shards: () => CheckState;
}

export async function runShardManager(params: { config: Config; logger: Logger }): Promise<RunningManager> {
  const { config, logger } = params;
  // HEALTH_PORT: the manager answers /healthz and /readyz (ready once the index is refreshed and every shard is
  // logged in); shards start no listener of their own, which would all want the same port.
  const status: ManagerStatus = { index: 'starting', shards: () => 'starting' };
  const health: RunningServer | null = config.health ? await startHealthServer({ ...config.health, readiness: () => readinessOf({ index: status.index, shards: status.shards() }) }) : null;
  if (health) logger.info({ event: 'health.listening', url: health.url }, 'health endpoints listening');
  try {
    const running = await launch(config, logger, status);
    return {
      ...running,
      stop: async () => {
        await running.stop();
        await health?.close();
      },
    };
  } catch (error) {
    await health?.close();
    throw error;
  }
}

async function launch(config: Config, logger: Logger, status: ManagerStatus): Promise<RunningManager> {
  const token = config.discord.token;
  if (token === undefined) throw new VerbatimError('CONFIG_INVALID', 'DISCORD_TOKEN is not set', { hint: 'Put the bot token from the Discord developer portal (Bot → Reset Token) in DISCORD_TOKEN.' });
  if (config.store.kind !== 'postgres') throw new VerbatimError('SHARDING_NEEDS_POSTGRES', 'SHARDS runs one process per shard, which needs the shared PostgreSQL store.');
  const plan = await shardPlanFor(config, token, logger);
  const shardCount = plan.shards;
  await registerOnce(config, token, logger);
  const refresh: Refresh = createRefresher(config, logger);
  // A failed refresh (the corpus folder missing on this host, …) does not stop the bot: the shards serve what the
  // database holds, as the single-process bot answers from the committed index when its warm-up ingest fails.
  await refresh(false).then(
    () => (status.index = 'ok'),
    (error: unknown) => {
      const failure = toVerbatimError(error);
      status.index = 'failed';
      logger.error({ event: 'index.refresh_failed', code: failure.code, error: failure.message, hint: failure.hint }, 'could not refresh the index; the shards serve what the database holds');
    },
  );

  const store = postgresStore(config.store.databaseUrl, { applicationName: 'verbatim-shard-manager' });
  let firstFatal: VerbatimError | null = null;
  let onFatal: (error: VerbatimError) => void = () => {};
  const fatal = new Promise<VerbatimError>((resolve) => {
    onFatal = (error) => {
      firstFatal ??= error;
      resolve(error);
    };
  });
  const manager = new ShardingManager(shardEntryPath(), {
    totalShards: shardCount,
    token,
    mode: 'process',
    respawn: true,
    // The shards run as this process runs: through tsx's loader for the TypeScript source, plain node when compiled.
    execArgv: process.execArgv,
  });
  status.shards = () => ([...manager.shards.values()].filter((shard) => shard.ready).length === shardCount ? 'ok' : 'starting');
  const others = (asking: Shard) => [...manager.shards.values()].filter((s) => s !== asking);
  const watch = watchGeneration(
    () => store.generation(),
    (generation) => {
      logger.info({ event: 'index.changed_elsewhere', generation }, 'the index was refreshed by another process; shards reload it');
      for (const shard of manager.shards.values()) send(shard, { verbatim: 'reload' }, logger);
    },
    GENERATION_POLL_MS,
    (error) => logger.warn({ event: 'index.watch_failed', err: error }, 'could not read the committed generation'),
  );
  watch.saw(await store.generation());

  const reindex = async (shard: Shard, request: ReindexRequest): Promise<void> => {
    try {
      const report = await refresh(request.rebuild);
      status.index = 'ok';
      watch.saw(await store.generation().catch(() => null));
      send(shard, { verbatim: 'reindexed', id: request.id, report }, logger);
      for (const other of others(shard)) send(other, { verbatim: 'reload' }, logger);
    } catch (error) {
      send(shard, { verbatim: 'reindexed', id: request.id, error: toVerbatimError(error).toJSON() }, logger);
    }
  };
  manager.on('shardCreate', (shard) => {
    logger.info({ event: 'shards.spawned', shard: shard.id }, 'shard process started');
    shard.on('ready', () => logger.info({ event: 'shards.ready', shard: shard.id }, 'shard ready'));
    // discord.js emits 'error' when a respawn fails; unheard, that event would crash the manager.
    shard.on('error', (error) => logger.warn({ event: 'shards.respawn_failed', shard: shard.id, err: error }, 'a shard could not be started again'));
    shard.on('death', (child) => logger.warn({ event: 'shards.exited', shard: shard.id, exitCode: (child as ChildProcess).exitCode }, 'shard process exited'));
    shard.on('message', (message: unknown) => {
      if (!isToManager(message)) return;
      if (message.verbatim === 'fatal') {
        // No restart fixes it (a rejected token): starting the shard again would only fail again while we stop.
        manager.respawn = false;
        onFatal(new VerbatimError(toVerbatimError(message.error).code, message.error.message, { hint: message.error.hint }));
        return;
      }
      void reindex(shard, message);
    });
  });

  let schedule: RefreshSchedule | null = null;
  const stop = async (): Promise<void> => {
    await schedule?.stop();
    watch.stop();
    await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard)));
    await store.close();
  };
  try {
    await spawnInWaves(manager, spawnWaves(shardCount, plan.maxConcurrency));
  } catch (error) {
    await stop();
    // A shard that died before it was ready says why (a rejected token, …): that beats "exited before ready".
    throw firstFatal ?? discordFailure(error);
  }
  logger.info({ event: 'shards.ready_all', shards: shardCount }, 'every shard is ready');
  // The followed feeds and pages (SOURCES_FILE), every REFRESH_MINUTES, here only: never once per shard. The shards
  // reload what the refresh committed.
  schedule = startRefreshSchedule({
    engine: {
      refresh: async () => {
        const report = await refresh.sources();
        if (report.ingest) {
          watch.saw(await store.generation().catch(() => null));
          for (const shard of manager.shards.values()) send(shard, { verbatim: 'reload' }, logger);
        }
        return report;
      },
    },
    minutes: config.refreshMinutes,
    onReport: (report) => logRefreshReport(logger, report),
    onError: (error) => logger.error({ event: 'refresh.failed', err: error }, 'scheduled refresh failed; the next one will try again'),
  });
  return { manager, shardCount, fatal, stop };
}
