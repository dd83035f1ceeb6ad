/**
 * Operator commands are hidden from members without Manage Server (default_member_permissions), but server
 * admins can change that per command, so the permission is checked again when one is used.
 */
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from './context.js';
import { interactionOrigin } from './origin.js';
import { reply } from './payload.js';

export function operatorRefusal(command: string): string {
  return `Only members with the **Manage Server** permission can run /${command}.`;
}

/** True when the member may run it; otherwise the refusal is sent (privately) and logged. */
export async function requireManageServer(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<boolean> {
  if (interaction.inGuild() && interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true) return true;
  ctx.logger.warn({ event: 'command.refused', command: interaction.commandName, ...interactionOrigin(interaction, 'slash') }, 'operator command refused: missing Manage Server');
  await interaction.reply({ ...reply({ content: operatorRefusal(interaction.commandName) }), flags: MessageFlags.Ephemeral });
  return false;
}
