/** The log origin of an interaction or message. */
import type { BaseInteraction, Message } from 'discord.js';
import type { Origin } from './context.js';

export function interactionOrigin(interaction: BaseInteraction, via: Origin['via']): Origin {
  return { via, guild: interaction.guildId, channel: interaction.channelId, user: interaction.user.id };
}

export function messageOrigin(message: Message, via: Origin['via']): Origin {
  return { via, guild: message.guildId, channel: message.channelId, user: message.author.id };
}
