/** How the discord.js client is built from the settings: intents, REST base URL, no pings by default. */
import { GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { NO_MENTIONS } from './payload.js';

/** MessageContent is privileged: requested only when ANSWER_CHANNELS needs to read unmentioned messages. */
export function gatewayIntents(config: Pick<Config, 'discord'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  return config.discord.answerChannels.length > 0 ? [...intents, GatewayIntentBits.MessageContent] : intents;
}

/** DISCORD_REST_API points discord.js at a REST proxy (or at the fake Discord in tests). */
export function restOptions(config: Pick<Config, 'discord'>): ClientOptions['rest'] {
  return config.discord.restApi === undefined ? {} : { api: config.discord.restApi };
}

/** `overrides` replace top-level options; their `rest` and `ws` are merged into ours (tests pass a no-op identify throttler). */
export function clientOptions(config: Pick<Config, 'discord'>, overrides: Partial<ClientOptions> = {}): ClientOptions {
  return {
    intents: gatewayIntents(config),
    allowedMentions: NO_MENTIONS,
    ...overrides,
    rest: { ...restOptions(config), ...overrides.rest },
    ws: { ...overrides.ws },
  };
}
