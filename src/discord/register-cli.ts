/** `npm run register [-- --force]`: registers the slash commands without starting the bot. */
import { loadConfig } from '../config.js';
import { VerbatimError } from '../errors.js';
import { createLogger } from '../logger.js';
import { discordFailure } from './discord-errors.js';
import { applicationIdFor, registerCommands, restFor } from './register.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const token = config.discord.token;
  if (token === undefined) {
    throw new VerbatimError('CONFIG_INVALID', 'DISCORD_TOKEN is not set', { hint: 'Put the bot token from the Discord developer portal (Bot → Reset Token) in DISCORD_TOKEN.' });
  }
  const rest = restFor(config, token);
  const applicationId = await applicationIdFor(config, rest);
  const outcome = await registerCommands({ rest, applicationId, guildId: config.discord.guildId, logger, force: process.argv.includes('--force') });
  const scope = config.discord.guildId === undefined ? 'globally' : `in guild ${config.discord.guildId}`;
  process.stdout.write(outcome === 'registered' ? `Slash commands registered ${scope}.\n` : `Slash commands already up to date ${scope}.\n`);
}

main().catch((error: unknown) => {
  const failure = discordFailure(error);
  process.stderr.write(`${failure.message}\n${failure.hint}\n`);
  process.exitCode = 1;
});
