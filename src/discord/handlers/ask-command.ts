/** /ask: defer at once (the engine may be slow), then edit in the answer. */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { reply } from '../payload.js';
import { limitMessage } from '../question-limits.js';
import { askEngine } from '../ask.js';
import { ASK } from '../commands.js';
import type { BotContext } from '../context.js';
import { interactionOrigin } from '../origin.js';
import { renderAnswer } from '../render-answer.js';

export async function handleAskCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const limit = ctx.limits.tryStart(interaction.user.id);
  if (!limit.ok) {
    ctx.logger.info({ event: 'question.limited', ...interactionOrigin(interaction, 'slash'), reason: limit.reason }, 'question refused by the rate limits');
    await interaction.reply({ ...reply({ content: limitMessage(limit) }), flags: MessageFlags.Ephemeral });
    return;
  }
  try {
    await interaction.deferReply();
    const question = interaction.options.getString(ASK.question, true);
    const result = await askEngine(ctx, question, interactionOrigin(interaction, 'slash'), { key: interaction.id });
    ctx.answers.set(interaction.id, result);
    await interaction.editReply(renderAnswer(result, interaction.id));
  } finally {
    limit.done();
  }
}
