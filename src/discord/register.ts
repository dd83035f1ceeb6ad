/**
 * Registering the slash commands. Registration is rate-limited (and a global change takes time to reach
 * clients), so the registered set is fetched and compared first, and written only when it differs.
 */
import { REST, Routes } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { restOptions } from './client-options.js';
import { commandsDiffer, type CommandShape } from './command-diff.js';
import { commandDefinitions } from './commands.js';

export type RegisterOutcome = 'registered' | 'unchanged';

export interface RegisterParams {
  rest: REST;
  applicationId: string;
  /** Commands in one guild appear at once; global ones can take a while to reach every client. */
  guildId: string | undefined;
  logger: Logger;
  /** Write even when the registered commands look the same. */
  force?: boolean;
}

export async function registerCommands(params: RegisterParams): Promise<RegisterOutcome> {
  const { rest, applicationId, guildId, logger } = params;
  const route = guildId === undefined ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
  const scope = guildId === undefined ? 'global' : `guild ${guildId}`;
  const ours = commandDefinitions();
  const registered = (await rest.get(route)) as CommandShape[];
  if (params.force !== true && !commandsDiffer(ours, registered)) {
    logger.info({ event: 'commands.unchanged', scope, commands: ours.length }, 'slash commands already registered');
    return 'unchanged';
  }
  await rest.put(route, { body: ours });
  logger.info({ event: 'commands.registered', scope, commands: ours.map((c) => c.name) }, 'slash commands registered');
  return 'registered';
}

/** The application id from the settings, or asked of Discord (it is the bot's own application). */
export async function applicationIdFor(config: Pick<Config, 'discord'>, rest: REST): Promise<string> {
  if (config.discord.applicationId !== undefined) return config.discord.applicationId;
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  return application.id;
}

export function restFor(config: Pick<Config, 'discord'>, token: string): REST {
  return new REST(restOptions(config)).setToken(token);
}
