/** Starts the real bot (startBot, real discord.js Client) against a fake Discord, capturing its logs. */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { Engine } from '../../src/engine-types.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from './fake-discord/index.js';

export const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.fake-token.for-loopback-tests-only';
/** A part of the token that would show in a log line even if the rest were cut. */
export const TOKEN_SECRET_PART = 'for-loopback-tests-only';

export interface LogLine {
  level: number;
  msg?: string;
  event?: string;
  [field: string]: unknown;
}

export interface HarnessOptions {
  engine: Engine;
  /** Make the fake's second channel an ANSWER_CHANNELS channel (the bot then asks for MessageContent). */
  answerChannel?: boolean;
  articlesPageSize?: number;
  /** The progress edit interval, shortened (see startBot). */
  progressEditMs?: number;
  /** The bot's clock for token ages (default Date.now). */
  now?: () => number;
  /** Settings beyond the defaults below (e.g. ALLOW_DMS, COOLDOWN_SECONDS, LOG_QUESTIONS). */
  env?: Record<string, string>;
}

export class Harness {
  readonly logs: LogLine[] = [];
  /** Raw JSON lines as written, to check nothing secret reaches the output. */
  readonly rawLogs: string[] = [];
  private running: RunningBot | null = null;

  private constructor(readonly fake: FakeDiscord, readonly config: Config, private readonly options: HarnessOptions) {}

  static async start(options: HarnessOptions): Promise<Harness> {
    const fake = await FakeDiscord.start({ token: TOKEN });
    const harness = new Harness(fake, Harness.configFor(fake, options, TOKEN), options);
    await harness.launch();
    return harness;
  }

  /**
   * Tests log question text (LOG_QUESTIONS=full) to check what was asked, have no cooldown unless they test
   * it, and get a database of their own in a temp folder.
   */
  static configFor(fake: FakeDiscord, options: Pick<HarnessOptions, 'answerChannel' | 'env'>, token: string): Config {
    // The folder is made when the bot opens its database, and removed by stop().
    return parseConfig({
      BOT_DB: path.join(tmpdir(), `verbatim-bot-db-${randomUUID()}`, 'bot.sqlite'),
      LOG_QUESTIONS: 'full',
      COOLDOWN_SECONDS: '0',
      CORPUS_DIR: 'unused-by-the-bot',
      DISCORD_TOKEN: token,
      DISCORD_REST_API: fake.restUrl,
      DISCORD_GUILD_ID: fake.guild.id,
      ANSWER_CHANNELS: options.answerChannel === true ? fake.askHere.id : '',
      LOG_LEVEL: 'trace',
      ...options.env,
    });
  }

  get bot(): RunningBot {
    if (this.running === null) throw new Error('the bot is not running');
    return this.running;
  }

  /** Starts the bot (again) against the same fake Discord, which keeps its registered commands. */
  async launch(config: Config = this.config): Promise<RunningBot> {
    this.running = await startBot({
      config,
      engine: this.options.engine,
      logger: createLogger(config, {
        destination: {
          write: (line: string) => {
            this.rawLogs.push(line);
            this.logs.push(JSON.parse(line) as LogLine);
          },
        },
      }),
      articlesPageSize: this.options.articlesPageSize,
      ...(this.options.progressEditMs !== undefined ? { progressEditMs: this.options.progressEditMs } : {}),
      ...(this.options.now !== undefined ? { now: this.options.now } : {}),
      // The default identify throttler waits about 5 s on a timer that cannot be cancelled.
      clientOptions: { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } },
    });
    return this.running;
  }

  async stopBot(): Promise<void> {
    await this.running?.stop();
    this.running = null;
  }

  async stop(): Promise<void> {
    await this.stopBot();
    await this.fake.stop();
    rmSync(path.dirname(this.config.discord.database), { recursive: true, force: true });
  }

  logged(event: string): LogLine[] {
    return this.logs.filter((line) => line.event === event);
  }
}
