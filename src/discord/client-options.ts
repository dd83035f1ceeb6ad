/** How the discord.js client is built from the settings: intents, REST base URL, no pings by default. */
import { GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { NO_MENTIONS } from './payload.js';

/**
 * MessageContent is privileged: requested only when the bot must read messages that do not mention it —
 * answer channels (ANSWER_CHANNELS, or set with /channels: `storedAnswerChannels`) and follow-ups in its
 * threads (ANSWER_IN_THREAD). DirectMessages only with ALLOW_DMS (DM text needs no privileged intent).
 */
export function gatewayIntents(config: Pick<Config, 'discord'>, storedAnswerChannels = 0): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (config.discord.answerChannels.length > 0 || storedAnswerChannels > 0 || config.discord.answerInThread) intents.push(GatewayIntentBits.MessageContent);
  if (config.discord.allowDms) intents.push(GatewayIntentBits.DirectMessages);
  return intents;
}

/** DM channels are not cached until used: without the Channel partial, discord.js drops DMs. */
export function clientPartials(config: Pick<Config, 'discord'>): Partials[] {
  return config.discord.allowDms ? [Partials.Channel] : [];
}

/** DISCORD_REST_API points discord.js at a REST proxy (or at the fake Discord in tests). */
export function restOptions(config: Pick<Config, 'discord'>): ClientOptions['rest'] {
  return config.discord.restApi === undefined ? {} : { api: config.discord.restApi };
}

/** `overrides` replace top-level options; their `rest` and `ws` are merged into ours (tests pass a no-op identify throttler). */
export function clientOptions(config: Pick<Config, 'discord'>, overrides: Partial<ClientOptions> = {}, storedAnswerChannels = 0): ClientOptions {
  return {
    intents: gatewayIntents(config, storedAnswerChannels),
    partials: clientPartials(config),
    allowedMentions: NO_MENTIONS,
    ...overrides,
    rest: { ...restOptions(config), ...overrides.rest },
    ws: { ...overrides.ws },
  };
}
