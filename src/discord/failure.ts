/**
 * When a handler fails: log it, and tell the user in a message only they see (for interactions) or in a
 * reply (for messages). The catalog's errors are expected (bad input, missing index) and logged as warnings;
 * anything else is a bug, logged with its stack.
 */
import { MessageFlags, type Message, type RepliableInteraction } from 'discord.js';
import { isVerbatimError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Origin } from './context.js';
import { renderError } from './render-error.js';

function logFailure(logger: Logger, origin: Origin, error: unknown, what: string): void {
  if (isVerbatimError(error) && error.code !== 'INTERNAL') {
    logger.warn({ event: 'handler.failed', ...origin, what, code: error.code, error: error.message }, `${what} failed: ${error.code}`);
  } else {
    logger.error({ event: 'handler.failed', ...origin, what, err: error }, `${what} failed`);
  }
}

export async function reportInteractionFailure(logger: Logger, interaction: RepliableInteraction, origin: Origin, what: string, error: unknown): Promise<void> {
  logFailure(logger, origin, error, what);
  const payload = { ...renderError(error), flags: MessageFlags.Ephemeral } as const;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(payload);
    return;
  }
  // A public "thinking…" placeholder would otherwise stay in the channel for good (followUp marks it replied).
  const publicPlaceholder = interaction.isChatInputCommand() && !interaction.replied && interaction.ephemeral !== true;
  await interaction.followUp(payload);
  if (publicPlaceholder) await interaction.deleteReply();
}

export async function reportMessageFailure(logger: Logger, message: Message, origin: Origin, error: unknown): Promise<void> {
  logFailure(logger, origin, error, 'answer to message');
  await message.reply(renderError(error));
}
