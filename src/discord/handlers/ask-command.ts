/**
 * /ask: defer at once (the engine may be slow), then edit in the answer. A bad since/until is refused first,
 * before the rate limits count it and before deferring, so the error reaches only the asker (an ephemeral
 * reply) and no public "thinking…" is left.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { reply } from '../payload.js';
import { limitMessage } from '../question-limits.js';
import { askEngine } from '../ask.js';
import { ASK } from '../commands.js';
import type { BotContext } from '../context.js';
import { interactionOrigin } from '../origin.js';
import { renderAnswer } from '../render-answer.js';
import { readPeriodOptions } from '../../time/time-constraint.js';

function optional(name: 'since' | 'until', value: string | null): { since?: string; until?: string } {
  return value === null || value.trim() === '' ? {} : { [name]: value.trim() };
}

export async function handleAskCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const period = {
    ...optional('since', interaction.options.getString(ASK.since)),
    ...optional('until', interaction.options.getString(ASK.until)),
  };
  readPeriodOptions(period);
  const limit = ctx.limits.tryStart(interaction.user.id);
  if (!limit.ok) {
    ctx.logger.info({ event: 'question.limited', ...interactionOrigin(interaction, 'slash'), reason: limit.reason }, 'question refused by the rate limits');
    await interaction.reply({ ...reply({ content: limitMessage(limit) }), flags: MessageFlags.Ephemeral });
    return;
  }
  try {
    await interaction.deferReply();
    const question = interaction.options.getString(ASK.question, true);
    const result = await askEngine(ctx, question, interactionOrigin(interaction, 'slash'), { key: interaction.id, period });
    ctx.answers.set(interaction.id, result);
    await interaction.editReply(renderAnswer(result, interaction.id));
  } finally {
    limit.done();
  }
}
