/** `npm run register`'s work: find the application, compare, and write only when the commands differ. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationIdFor, registerCommands, restFor } from '../../src/discord/register.js';
import { commandDefinitions } from '../../src/discord/commands.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from './fake-discord/index.js';
import { Harness, TOKEN } from './harness.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
});
afterAll(async () => {
  await fake?.stop();
});

describe('registerCommands', () => {
  it('asks Discord for the application id when it is not set, registers globally, then leaves unchanged commands alone', async () => {
    const config = { ...Harness.configFor(fake, {}, TOKEN), logLevel: 'silent' as const };
    const global = { ...config, discord: { ...config.discord, guildId: undefined } };
    const rest = restFor(global, TOKEN);
    const logger = createLogger(global);
    const applicationId = await applicationIdFor(global, rest);
    expect(applicationId).toBe(fake.applicationId);

    expect(await registerCommands({ rest, applicationId, guildId: undefined, logger })).toBe('registered');
    expect(fake.commands.get('global')?.length).toBe(commandDefinitions().length);
    expect(await registerCommands({ rest, applicationId, guildId: undefined, logger })).toBe('unchanged');
    expect(await registerCommands({ rest, applicationId, guildId: undefined, logger, force: true })).toBe('registered');
    expect(fake.rest.requests.filter((r) => r.path.endsWith('/commands')).map((r) => r.method)).toEqual(['GET', 'PUT', 'GET', 'GET', 'PUT']);
  });

  it('uses DISCORD_APPLICATION_ID without asking when it is set', async () => {
    const config = Harness.configFor(fake, {}, TOKEN);
    const withId = { ...config, discord: { ...config.discord, applicationId: '123456789012345678' } };
    const before = fake.rest.requests.length;
    expect(await applicationIdFor(withId, restFor(withId, TOKEN))).toBe('123456789012345678');
    expect(fake.rest.requests.length).toBe(before);
  });
});
