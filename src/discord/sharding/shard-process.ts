/**
 * One shard of the sharded bot: the process discord.js' ShardingManager starts (see manager.ts). It serves the
 * shared PostgreSQL store without ingesting, logs in as the shard discord.js names in its environment, leaves the
 * slash commands to the manager, and exits when the manager goes away.
 */
import { loadConfig } from '../../config.js';
import { createEngine } from '../../engine.js';
import { VerbatimError, toVerbatimError } from '../../errors.js';
import { createLogger } from '../../logger.js';
import { renderError } from '../../cli/render-error.js';
import { startBot, type RunningBot } from '../bot.js';
import { managedEngine, type ManagerLink } from './managed-engine.js';
import type { ToManager } from './messages.js';

const link: ManagerLink = {
  // After the manager is gone, the channel is closed and sending would throw.
  send: (message: ToManager) => {
    if (process.connected) process.send?.(message);
  },
  onMessage: (listener) => process.on('message', listener),
};

/** Tells the manager why this shard cannot run, and waits until it is sent: exiting at once could drop it. */
function reportFatal(error: VerbatimError): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || process.send === undefined) return resolve();
    process.send({ verbatim: 'fatal', error: error.toJSON() } satisfies ToManager, () => resolve());
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.sharding.kind !== 'shard' || process.send === undefined) {
    throw new VerbatimError('CONFIG_INVALID', 'The shard process is started by the shard manager, not by hand.', { hint: 'Set SHARDS=auto (or a number) and run `npm start`.' });
  }
  const logger = createLogger(config).child({ shard: config.sharding.ids.length === 1 ? config.sharding.ids[0] : config.sharding.ids });
  logger.info({ event: 'shard.started', pid: process.pid, shards: config.sharding.count }, 'shard process started');
  const engine = createEngine(config, { serveOnly: true, notice: (message, notice) => logger.warn({ event: 'engine.notice', code: notice.code, hint: notice.hint }, message) });
  // The index loads while the client logs in; questions that arrive meanwhile wait for it.
  engine.warmUp().then(
    (report) => logger.info({ ms: report.ms, articles: report.stats.articles, embedder: report.stats.embedder.id }, 'engine ready'),
    (error: unknown) => logger.error({ err: error }, 'engine warm-up failed; questions will retry it'),
  );
  let bot: RunningBot | null = null;
  let stopping = false;
  const shutdown = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shard.stopping', why }, 'shutting down');
    await bot?.stop().catch(() => {});
    await engine.close().catch(() => {});
    process.exit(code);
  };
  // `on`, not `once`, as in main.ts: the index write lock's signal handler exits the process when it is the only listener left.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // The manager is gone (killed, crashed): a shard on its own would never be restarted or refreshed. Listened for
  // before logging in, so a manager that dies meanwhile is noticed too.
  process.once('disconnect', () => void shutdown('the shard manager went away'));
  // discord.js reports each shard event to the manager with process.send, unguarded: once the manager is gone that
  // fails with an 'error' event on the process, which would end it with status 1 in the middle of the shutdown.
  process.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_IPC_CHANNEL_CLOSED') logger.error({ event: 'shard.ipc_failed', err: error }, 'could not talk to the shard manager');
  });
  bot = await startBot({ config, engine: managedEngine(engine, link, logger), logger, registerCommands: false });
  // A close Discord will not take back: the manager stops every shard (restarting this one would fail again).
  void bot.fatal.then(async (error) => {
    process.stderr.write(renderError(error) + '\n');
    await reportFatal(error);
    void shutdown(error.code, 1);
  });
}

main().catch(async (error: unknown) => {
  process.stderr.write(renderError(error) + '\n');
  // A shard that cannot log in (a rejected token) would fail the same way every restart: the manager stops.
  await reportFatal(toVerbatimError(error));
  process.exit(1);
});
