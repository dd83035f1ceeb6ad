/** What every handler receives: the engine, the logger, the settings and the bot's small shared state. */
import type { Config } from '../config.js';
import type { Engine } from '../engine-types.js';
import type { Logger } from '../logger.js';
import type { RecentAnswers } from './recent-answers.js';

export interface BotContext {
  engine: Engine;
  logger: Logger;
  config: Config;
  answers: RecentAnswers;
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
