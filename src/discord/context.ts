/** What every handler receives: the engine, the logger, the settings and the bot's small shared state. */
import type { Config } from '../config.js';
import type { Engine } from '../engine-types.js';
import type { AskResult } from '../answer/types.js';
import type { LruCache } from '../lru.js';
import type { Logger } from '../logger.js';

export interface BotContext {
  engine: Engine;
  logger: Logger;
  config: Config;
  /** Recent answers by the id of the message or interaction that asked, for "More sources" and feedback. */
  answers: LruCache<string, AskResult>;
  articlesPageSize: number;
  /** One /reindex at a time: a second request is told to wait rather than queued. */
  reindex: { running: boolean };
}

/** Where a request came from, for logs. */
export interface Origin {
  via: 'slash' | 'mention' | 'channel' | 'more-sources' | 'button' | 'autocomplete';
  guild: string | null;
  channel: string | null;
  user: string;
}
