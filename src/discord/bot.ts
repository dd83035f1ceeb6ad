/**
 * The Discord door: logs in, keeps the slash commands registered, and routes messages and interactions
 * to the engine. discord.js does its own resuming and rate-limit waiting; nothing here retries on top.
 */
import { Client, Events, RESTEvents, Status, type ClientOptions, type Message } from 'discord.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine-types.js';
import { VerbatimError } from '../errors.js';
import type { Logger } from '../logger.js';
import { LruCache } from '../lru.js';
import { BotStore } from '../feedback/bot-store.js';
import { QuestionLimits } from './question-limits.js';
import { clientOptions, gatewayIntents } from './client-options.js';
import type { BotContext } from './context.js';
import { discordFailure, gatewayCloseFailure } from './discord-errors.js';
import { reportMessageFailure } from './failure.js';
import { handleMessage } from './handlers/message.js';
import { messageOrigin } from './origin.js';
import { registerCommands } from './register.js';
import { routeInteraction } from './router.js';
import { PROGRESS_EDIT_MS } from './limits.js';

export const DEFAULT_ARTICLES_PAGE_SIZE = 10;
/** Answers kept for their buttons; an older answer is asked again from the question in its footer. */
const RECENT_ANSWERS = 500;
/** How long stop() waits for a reconnecting shard before destroying anyway. */
const STOP_SETTLE_MS = 5000;

export interface StartBotParams {
  config: Config;
  engine: Engine;
  logger: Logger;
  /** Extra discord.js options; `rest` and `ws` are merged (tests pass a no-op identify throttler). */
  clientOptions?: Partial<ClientOptions>;
  articlesPageSize?: number;
  /** The bot's database; opened from BOT_DB (and closed on stop) when not given. */
  store?: BotStore;
  /** How often a long reply (/reindex) shows its progress; tests shorten it. */
  progressEditMs?: number;
  /** The clock a reply's token age is read from (default Date.now): tests move it past the token's lifetime. */
  now?: () => number;
  /** Check and register the slash commands after login (default); a shard leaves it to its manager, which does it once. */
  registerCommands?: boolean;
}

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
  /**
   * Settles when the gateway closed for good with a code no reconnect can fix (4004 authentication failed, a
   * disallowed intent, …): the process should exit non-zero with this error's code and hint, so a
   * restart-on-failure supervisor notices. Never settles otherwise.
   */
  fatal: Promise<VerbatimError>;
}

function listen(client: Client, ctx: BotContext, onFatal: (error: VerbatimError) => void): void {
  const { logger } = ctx;
  // Without an `error` listener, a failure inside discord.js would end the process.
  client.on(Events.Error, (error) => logger.error({ event: 'discord.error', err: error }, 'discord client error'));
  client.on(Events.Warn, (warning) => logger.warn({ event: 'discord.warning' }, warning));
  client.on(Events.Debug, (line) => logger.trace({ event: 'discord.debug' }, line));
  client.on(Events.ShardDisconnect, (event, shard) => {
    const fatal = gatewayCloseFailure(event.code);
    if (fatal === null) {
      logger.warn({ event: 'discord.disconnected', shard, code: event.code }, 'gateway closed for good');
      return;
    }
    logger.fatal({ event: 'discord.disconnected', shard, closeCode: event.code, code: fatal.code, hint: fatal.hint }, fatal.message);
    onFatal(fatal);
  });
  client.on(Events.ShardReconnecting, (shard) => logger.info({ event: 'discord.reconnecting', shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ event: 'discord.resumed', shard, replayed }, 'gateway resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) => logger.warn({ event: 'discord.rate_limited', route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }, 'rate limit reached; discord.js waits before the next call'));
  // An unexpected 429 is retried by discord.js after Retry-After without a rateLimited event: log it from the response.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429) logger.warn({ event: 'discord.rate_limited', route: request.route, method: request.method, retryAfter: response.headers.get('retry-after') }, '429 from Discord; discord.js retries after Retry-After');
  });
  client.on(Events.InteractionCreate, (interaction) => {
    routeInteraction(ctx, interaction).catch((error: unknown) => logger.error({ event: 'discord.reply_failed', err: error }, 'could not report a failure to the user'));
  });
  client.on(Events.MessageCreate, (message: Message) => {
    const botId = client.user?.id;
    if (botId === undefined) return;
    handleMessage(ctx, message, botId)
      .catch((error: unknown) => reportMessageFailure(logger, message, messageOrigin(message, 'mention'), error))
      .catch((error: unknown) => logger.error({ event: 'discord.reply_failed', err: error }, 'could not report a failure to the user'));
  });
}

async function login(client: Client, token: string): Promise<void> {
  // clientReady (not login) means every guild has arrived, so channels are cached before messages come.
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw discordFailure(error);
  }
}

async function syncCommands(client: Client, ctx: BotContext): Promise<void> {
  const applicationId = ctx.config.discord.applicationId ?? client.application?.id;
  if (applicationId === undefined) {
    ctx.logger.warn({ event: 'commands.failed' }, 'no application id after login; set DISCORD_APPLICATION_ID to register slash commands');
    return;
  }
  try {
    await registerCommands({ rest: client.rest, applicationId, guildId: ctx.config.discord.guildId, logger: ctx.logger });
  } catch (error) {
    // Mentions still work without slash commands, so the bot keeps running and says why commands are missing.
    const failure = discordFailure(error);
    ctx.logger.error({ event: 'commands.failed', code: failure.code, error: failure.message, hint: failure.hint }, 'could not register slash commands');
  }
}

/** Destroying while a shard waits to reconnect leaves a socket open, so wait (briefly) for it to be ready. */
async function settleThenDestroy(client: Client): Promise<void> {
  const deadline = Date.now() + STOP_SETTLE_MS;
  while (client.ws.status !== Status.Ready && client.ws.status !== Status.Disconnected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await client.destroy();
}

export async function startBot(params: StartBotParams): Promise<RunningBot> {
  const { config, engine, logger } = params;
  const token = config.discord.token;
  if (token === undefined) {
    throw new VerbatimError('CONFIG_INVALID', 'DISCORD_TOKEN is not set', { hint: 'Put the bot token from the Discord developer portal (Bot → Reset Token) in DISCORD_TOKEN.' });
  }
  const store = params.store ?? BotStore.open(config.discord.database);
  const client = new Client(clientOptions(config, params.clientOptions, store.answerChannels().length));
  const ctx: BotContext = {
    engine,
    logger,
    config,
    answers: new LruCache(RECENT_ANSWERS),
    conversations: new LruCache(RECENT_ANSWERS),
    store,
    limits: new QuestionLimits(config.discord.cooldownSeconds * 1000, config.discord.maxConcurrentQuestions),
    articlesPageSize: params.articlesPageSize ?? DEFAULT_ARTICLES_PAGE_SIZE,
    reindex: { running: false },
    progressEditMs: params.progressEditMs ?? PROGRESS_EDIT_MS,
    now: params.now ?? Date.now,
  };
  let onFatal: (error: VerbatimError) => void = () => {};
  const fatal = new Promise<VerbatimError>((resolve) => {
    onFatal = resolve;
  });
  listen(client, ctx, onFatal);
  const closeStore = () => {
    if (params.store === undefined) store.close();
  };
  try {
    await login(client, token);
  } catch (error) {
    closeStore();
    throw error;
  }
  if (params.registerCommands !== false) await syncCommands(client, ctx);
  logger.info({
    event: 'discord.ready',
    user: client.user?.tag,
    guilds: client.guilds.cache.size,
    intents: gatewayIntents(config, store.answerChannels().length).length,
    answerChannels: [...config.discord.answerChannels, ...store.answerChannels()],
  }, 'discord bot ready');
  return {
    client,
    stop: async () => {
      await settleThenDestroy(client);
      closeStore();
    },
    fatal,
  };
}
