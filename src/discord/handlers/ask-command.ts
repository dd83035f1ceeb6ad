/** /ask: defer at once (the engine may be slow), then edit in the answer. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { askEngine } from '../ask.js';
import { ASK } from '../commands.js';
import type { BotContext } from '../context.js';
import { interactionOrigin } from '../origin.js';
import { renderAnswer } from '../render-answer.js';

export async function handleAskCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply();
  const question = interaction.options.getString(ASK.question, true);
  const result = await askEngine(ctx, question, interactionOrigin(interaction, 'slash'));
  ctx.answers.set(interaction.id, result);
  await interaction.editReply(renderAnswer(result, interaction.id));
}
