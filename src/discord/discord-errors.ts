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

/** Gateway close codes after which Discord will not take the bot back until a setting changes. */
const FATAL_CLOSES: Record<number, { what: string; hint: string }> = {
  4004: { what: 'authentication failed (the token was rejected)', hint: TOKEN_HINT },
  4010: { what: 'an invalid shard was sent', hint: 'Check SHARDS: leave it empty for one process, or set SHARDS=auto to use the count Discord recommends.' },
  4011: { what: 'the bot is in too many servers for one shard', hint: 'Run the bot sharded: SHARDS=auto with STORE=postgres and DATABASE_URL (README "Running sharded").' },
  4012: { what: 'an invalid gateway API version was sent', hint: 'Upgrade verbatim (its discord.js speaks an API version Discord no longer accepts).' },
  4013: { what: 'invalid intents were sent', hint: 'Check ANSWER_CHANNELS and the intents it needs; this is otherwise a bug in verbatim.' },
  4014: {
    what: 'a privileged intent is not enabled for this bot',
    hint: 'Enable "Message Content Intent" under Bot → Privileged Gateway Intents in the developer portal, or leave ANSWER_CHANNELS empty.',
  },
};

/** The error for a gateway close no reconnect can fix, or null for one discord.js recovers from (or gives up on harmlessly). */
export function gatewayCloseFailure(closeCode: number): VerbatimError | null {
  const known = FATAL_CLOSES[closeCode];
  if (known === undefined) return null;
  const code = closeCode === 4004 || closeCode === 4014 ? 'CONFIG_INVALID' : 'DISCORD_FAILED';
  return new VerbatimError(code, `Discord closed the gateway with ${closeCode}: ${known.what}`, { hint: known.hint, details: { closeCode } });
}
