import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { clientOptions, gatewayIntents } from '../../src/discord/client-options.js';

describe('gatewayIntents', () => {
  it.each([
    ['mentions and slash commands only: no privileged intent', '', [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]],
    ['answer channels need to read unmentioned messages: MessageContent', '123456789012345678', [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]],
  ])('%s', (_why, channels, expected) => {
    expect(gatewayIntents(parseConfig({ ANSWER_CHANNELS: channels }))).toEqual(expected);
  });
});

describe('clientOptions', () => {
  it('pings no one by default and uses the REST base URL when set', () => {
    const options = clientOptions(parseConfig({ DISCORD_REST_API: 'http://127.0.0.1:9999/api' }));
    expect(options.allowedMentions).toEqual({ parse: [] });
    expect(options.rest).toEqual({ api: 'http://127.0.0.1:9999/api' });
  });

  it('merges overrides into rest and ws rather than replacing them', () => {
    const throttler = async () => ({ waitForIdentify: async () => {} });
    const options = clientOptions(parseConfig({ DISCORD_REST_API: 'http://127.0.0.1:9999/api' }), { rest: { offset: 0 }, ws: { buildIdentifyThrottler: throttler } });
    expect(options.rest).toEqual({ api: 'http://127.0.0.1:9999/api', offset: 0 });
    expect(options.ws?.buildIdentifyThrottler).toBe(throttler);
  });
});
