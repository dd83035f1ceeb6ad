/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the interactive harness over
 * the corpus (building the index on first run).
 */
import { loadConfig, type Config } from './config.js';
import { runCli } from './cli/main.js';
import { renderError } from './cli/render-error.js';
import { engineWarmth, readinessOf, startHealthServer } from './serve/health.js';
import { logRefreshReport } from './sources/refresh-log.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.discord.token) {
    process.exitCode = await runCli([process.argv[0]!, process.argv[1]!]);
    return;
  }
  if (config.sharding.kind === 'manager') {
    await runManager(config);
    return;
  }
  const [{ createEngine }, { startBot }, { createLogger }, { startRefreshSchedule }, { startIndexWatch }] = await Promise.all([
    import('./engine.js'),
    import('./discord/bot.js'),
    import('./logger.js'),
    import('./sources/refresh-schedule.js'),
    import('./index-watch.js'),
  ]);
  const logger = createLogger(config);
  const engine = createEngine(config, { notice: (message, notice) => logger.warn({ event: 'engine.notice', code: notice.code, hint: notice.hint }, message) });
  // Load the model and index while the client logs in; interactions are deferred until they are ready.
  const warmth = engineWarmth(engine);
  void warmth.done.then(() => {
    const failure = warmth.error();
    if (failure) logger.error({ err: failure }, 'engine warm-up failed; questions will retry it');
    else logger.info({ event: 'engine.ready' }, 'engine ready');
  });
  // HEALTH_PORT: /healthz (the process answers) and /readyz (engine warm and the gateway connected) for supervisors.
  let client: { isReady(): boolean } | null = null;
  const health = config.health
    ? await startHealthServer({
        ...config.health,
        readiness: () => readinessOf({ engine: warmth.state(), discord: client?.isReady() ? 'ok' : 'starting' }),
      })
    : null;
  if (health) logger.info({ event: 'health.listening', url: health.url }, 'health endpoints listening');
  const bot = await startBot({ config, engine, logger });
  client = bot.client;
  // The followed feeds and pages, fetched every REFRESH_MINUTES; questions meanwhile are answered from the index
  // already loaded, which the engine swaps for the new one when the refresh's ingest commits.
  const schedule = startRefreshSchedule({
    engine,
    minutes: config.refreshMinutes,
    after: warmth.done,
    onReport: (report) => logRefreshReport(logger, report),
    onError: (error) => logger.error({ event: 'refresh.failed', err: error }, 'scheduled refresh failed; the next one will try again'),
  });
  const watch = startIndexWatch({
    engine,
    onAdopted: () => logger.info({ event: 'index.adopted' }, 'serving the index another process committed'),
    onError: (error) => logger.warn({ event: 'index.watch_failed', err: error }, 'could not check for a newer index; still serving the loaded one'),
  });
  // One order for every way out: stop taking work, then let go of Discord, the health port and the engine. A step
  // that fails is logged and the others still run.
  const stopAll = async (): Promise<void> => {
    for (const stop of [() => watch.stop(), () => schedule.stop(), () => bot.stop(), () => health?.close(), () => engine.close()]) {
      await Promise.resolve()
        .then(stop)
        .catch((error: unknown) => logger.warn({ event: 'shutdown.step_failed', err: error }, 'a shutdown step failed'));
    }
  };
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await stopAll();
    process.exit(0);
  };
  // `on`, not `once`: the index write lock's signal handler exits the process when it is the only listener left.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A close Discord will not take back (4004: the token was rejected) ends the process with a code, a hint and
  // status 1, so a restart-on-failure supervisor notices instead of seeing a clean exit.
  void bot.fatal.then(async (error) => {
    process.stderr.write(renderError(error) + '\n');
    // Set first: once the client and the engine have let go, nothing may keep the event loop alive until exit(1),
    // and a process that simply ends must still end with status 1.
    process.exitCode = 1;
    await stopAll();
    process.exit(1);
  });
}

/** SHARDS=auto|N: this process manages one process per shard (see discord/sharding/manager.ts). */
async function runManager(config: Config): Promise<void> {
  const [{ runShardManager }, { createLogger }] = await Promise.all([import('./discord/sharding/manager.js'), import('./logger.js')]);
  const logger = createLogger(config);
  const running = await runShardManager({ config, logger });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down the shards');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  void running.fatal.then(async (error) => {
    process.stderr.write(renderError(error) + '\n');
    process.exitCode = 1;
    await running.stop().catch(() => {});
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(renderError(error) + '\n');
  process.exitCode = 1;
});
