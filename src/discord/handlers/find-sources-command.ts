/**
 * "Find sources for this message" (message context menu): the message's text as a claim, answered with the
 * article sentences that support it, or a plain "none do". Private to whoever asked: a fact-check is theirs
 * to share. Same engine call, cooldown and rendering as a question.
 */
import { MessageFlags, type MessageContextMenuCommandInteraction } from 'discord.js';
import { askEngine } from '../ask.js';
import type { BotContext } from '../context.js';
import { interactionOrigin } from '../origin.js';
import { reply } from '../payload.js';
import { limitMessage } from '../question-limits.js';
import { renderAnswer } from '../render-answer.js';

export const SOURCES_TITLE = 'Sources for this message';
export const NO_SOURCES_TITLE = 'No article sentence supports this';
export const NO_TEXT = 'That message has no text to look up (only attachments or embeds).';

export async function handleFindSources(ctx: BotContext, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  const text = interaction.targetMessage.content.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    await interaction.reply({ ...reply({ content: NO_TEXT }), flags: MessageFlags.Ephemeral });
    return;
  }
  const limit = ctx.limits.tryStart(interaction.user.id);
  if (!limit.ok) {
    await interaction.reply({ ...reply({ content: limitMessage(limit) }), flags: MessageFlags.Ephemeral });
    return;
  }
  try {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await askEngine(ctx, text, interactionOrigin(interaction, 'find-sources'), { key: interaction.id, claim: true });
    ctx.answers.set(interaction.id, result);
    await interaction.editReply(renderAnswer(result, interaction.id, { answered: SOURCES_TITLE, notFound: NO_SOURCES_TITLE }));
  } finally {
    limit.done();
  }
}
