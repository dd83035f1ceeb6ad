/** Discord's refusals at start-up, in the catalog's words: what went wrong and which setting fixes it. */
import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes } from 'discord.js';
import { isVerbatimError, VerbatimError } from '../errors.js';

const TOKEN_HINT = 'Copy the bot token from the Discord developer portal (Bot → Reset Token) into DISCORD_TOKEN.';

export function discordFailure(error: unknown): VerbatimError {
  if (isVerbatimError(error)) return error;
  const tokenRejected = (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid)
    || (error instanceof DiscordAPIError && error.status === 401);
  if (tokenRejected) return new VerbatimError('CONFIG_INVALID', 'Discord rejected DISCORD_TOKEN', { hint: TOKEN_HINT, cause: error });
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.DisallowedIntents) {
    return new VerbatimError('CONFIG_INVALID', 'Discord refused the Message Content intent that ANSWER_CHANNELS needs', {
      hint: 'Enable "Message Content Intent" under Bot → Privileged Gateway Intents in the developer portal, or leave ANSWER_CHANNELS empty.',
      cause: error,
    });
  }
  if (error instanceof DiscordAPIError && error.status === 403) {
    return new VerbatimError('DISCORD_FAILED', `Discord refused access: ${error.message}`, {
      hint: 'Invite the bot with the "bot applications.commands" scopes, and check DISCORD_GUILD_ID names a server it is in.',
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new VerbatimError('DISCORD_FAILED', `Could not talk to Discord: ${message}`, {
    hint: 'Check the network connection (and DISCORD_REST_API, when set), then try again.',
    cause: error,
  });
}
