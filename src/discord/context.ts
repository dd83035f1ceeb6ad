/** What every handler receives: the engine, the logger, the settings and the bot's small shared state. */
import type { Config } from '../config.js';
import type { Engine } from '../engine-types.js';
import type { AskResult } from '../answer/types.js';
import type { BotStore } from '../feedback/bot-store.js';
import type { LruCache } from '../lru.js';
import type { Logger } from '../logger.js';
import type { QuestionLimits } from './question-limits.js';

export interface BotContext {
  engine: Engine;
  logger: Logger;
  config: Config;
  /** Recent answers by the id of the message or interaction that asked, for "More sources" and feedback. */
  answers: LruCache<string, AskResult>;
  /**
   * The question last answered, by the id of the bot's answer message and of the bot's thread: a reply to
   * that message or a message in that thread is a follow-up to it.
   */
  conversations: LruCache<string, string>;
  /** Answer channels set from Discord (/channels), votes and asked questions. */
  store: BotStore;
  limits: QuestionLimits;
  articlesPageSize: number;
  /** One /reindex at a time: a second request is told to wait rather than queued. */
  reindex: { running: boolean };
  /** How often a long reply shows its progress. */
  progressEditMs: number;
  /** The clock token ages are read from (Date.now; tests move theirs forward instead of waiting). */
  now: () => number;
}

/** Where a request came from, for logs. */
export interface Origin {
  via: 'slash' | 'mention' | 'channel' | 'follow-up' | 'dm' | 'find-sources' | 'more-sources' | 'button' | 'modal' | 'autocomplete';
  guild: string | null;
  channel: string | null;
  user: string;
}

/** True when questions in this channel are answered without a mention (ANSWER_CHANNELS or /channels add). */
export function isAnswerChannel(ctx: Pick<BotContext, 'config' | 'store'>, guildId: string | null, channelId: string): boolean {
  if (ctx.config.discord.answerChannels.includes(channelId)) return true;
  return guildId !== null && ctx.store.answerChannels(guildId).includes(channelId);
}
