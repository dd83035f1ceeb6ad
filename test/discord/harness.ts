/** Starts the real bot (startBot, real discord.js Client) against a fresh fake Discord, capturing logs. */
import { parseConfig, type Config } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { Engine } from '../../src/engine-types.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from './fake-discord/index.js';

export const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.fake-token.for-loopback-tests-only';

export interface LogLine {
  level: number;
  msg?: string;
  event?: string;
  [field: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  config: Config;
  logs: LogLine[];
  /** Raw JSON lines as written, to check nothing secret reaches the output. */
  rawLogs: string[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  engine: Engine;
  /** Make the fake's second channel an ANSWER_CHANNELS channel (asks for MessageContent). */
  answerChannel?: boolean;
  articlesPageSize?: number;
  heartbeatIntervalMs?: number;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fake = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000 });
  const config = parseConfig({
    CORPUS_DIR: 'unused-by-the-bot',
    DISCORD_TOKEN: TOKEN,
    DISCORD_REST_API: fake.restUrl,
    DISCORD_GUILD_ID: fake.guild.id,
    ANSWER_CHANNELS: options.answerChannel === true ? fake.askHere.id : '',
    LOG_LEVEL: 'trace',
  });
  const rawLogs: string[] = [];
  const logs: LogLine[] = [];
  const logger = createLogger(config, {
    destination: {
      write: (line: string) => {
        rawLogs.push(line);
        logs.push(JSON.parse(line) as LogLine);
      },
    },
  });
  const bot = await startBot({
    config,
    engine: options.engine,
    logger,
    articlesPageSize: options.articlesPageSize,
    // The default identify throttler waits ~5 s on a timer that cannot be cancelled.
    clientOptions: { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } },
  });
  return {
    fake,
    bot,
    config,
    logs,
    rawLogs,
    stop: async () => {
      await bot.stop();
      await fake.stop();
    },
  };
}
