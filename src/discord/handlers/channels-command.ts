/** /channels add|remove|list: answer channels set from Discord, kept in the bot's database. */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { CHANNELS } from '../commands.js';
import type { BotContext } from '../context.js';
import { gatewayIntents } from '../client-options.js';
import { GatewayIntentBits } from 'discord.js';
import { interactionOrigin } from '../origin.js';
import { reply } from '../payload.js';
import { requireManageServer } from '../operator-gate.js';

export const NEEDS_RESTART = 'The bot started without the Message Content intent, so it cannot read unmentioned messages yet: enable **Message Content Intent** in the developer portal (Bot page) and restart the bot; it then asks for it.';

const mention = (id: string) => `<#${id}>`;

export async function handleChannelsCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!(await requireManageServer(ctx, interaction)) || !interaction.inGuild()) return;
  const sub = interaction.options.getSubcommand(true);
  const guildId = interaction.guildId;
  const channelId = interaction.options.getChannel(CHANNELS.channel)?.id ?? interaction.channelId;
  const fromEnv = ctx.config.discord.answerChannels;
  let content: string;
  if (sub === CHANNELS.add) {
    const added = ctx.store.addAnswerChannel(guildId, channelId);
    const intents = gatewayIntents(ctx.config, ctx.store.answerChannels().length - (added ? 1 : 0));
    const note = intents.includes(GatewayIntentBits.MessageContent) ? '' : `\n${NEEDS_RESTART}`;
    content = (added ? `${mention(channelId)} is now an answer channel: questions there are answered without a mention.` : `${mention(channelId)} already is an answer channel.`) + note;
  } else if (sub === CHANNELS.remove) {
    const removed = ctx.store.removeAnswerChannel(guildId, channelId);
    content = removed ? `${mention(channelId)} is no longer an answer channel.` : `${mention(channelId)} was not an answer channel set with /channels.`;
    if (fromEnv.includes(channelId)) content += ' It is still listed in ANSWER_CHANNELS in the bot\'s settings, which only the bot\'s host can change.';
  } else {
    const stored = ctx.store.answerChannels(guildId);
    const lines = [...stored.map((id) => `• ${mention(id)}`), ...fromEnv.filter((id) => !stored.includes(id)).map((id) => `• ${mention(id)} (from ANSWER_CHANNELS)`)];
    content = lines.length === 0 ? 'No answer channels: the bot answers @mentions and /ask only.' : `**Answer channels**\n${lines.join('\n')}`;
  }
  ctx.logger.info({ event: 'channels', action: sub, target: channelId, ...interactionOrigin(interaction, 'slash') }, `/channels ${sub}`);
  await interaction.reply({ ...reply({ content }), flags: MessageFlags.Ephemeral });
}
