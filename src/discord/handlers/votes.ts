/**
 * 👍/👎 on an answer: stored once per user per answer (a second click changes the vote), the buttons then
 * show the counts. 👎 opens an optional "what was wrong?" form (FEEDBACK_MODAL); the vote is kept whether
 * or not it is sent.
 */
import {
  ActionRowBuilder,
  ComponentType,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type ButtonInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { VoteCounts } from '../../feedback/bot-store.js';
import type { BotContext } from '../context.js';
import { decodeButton, encodeButton } from '../custom-ids.js';
import { interactionOrigin } from '../origin.js';
import { buttonRow, reply } from '../payload.js';
import { voteButtons } from '../render-answer.js';

export const FEEDBACK_THANKS = 'Thanks, your feedback is noted.';
export const REASON_FIELD = 'reason';
const REASON_MAX = 500;

export function voteNote(vote: 'up' | 'down'): string {
  return `${FEEDBACK_THANKS} Your vote: ${vote === 'up' ? '👍' : '👎'} (click the other button to change it).`;
}

/** The message's rows with the vote buttons relabelled with the counts; other buttons as they were. */
export function withVoteCounts(rows: ReadonlyArray<{ toJSON(): unknown }>, key: string, votes: VoteCounts): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const relabelled = new Map(voteButtons(key, votes).map((b) => [b.customId, b]));
  return rows.map((row) => {
    const json = row.toJSON() as APIActionRowComponent<APIComponentInMessageActionRow>;
    const buttons = json.components.map((component) => {
      if (component.type !== ComponentType.Button || !('custom_id' in component)) return component;
      const spec = relabelled.get(component.custom_id);
      return spec === undefined ? component : buttonRow([spec]).components[0]!;
    });
    return { ...json, components: buttons };
  });
}

export async function handleVote(ctx: BotContext, interaction: ButtonInteraction, vote: 'up' | 'down', key: string): Promise<void> {
  const votes = ctx.store.recordVote(key, interaction.user.id, vote);
  const remembered = ctx.answers.get(key);
  ctx.logger.info({ event: 'feedback', ...interactionOrigin(interaction, 'button'), vote, answer: key, question: remembered?.question, status: remembered?.status, confidence: remembered?.confidence, up: votes.up, down: votes.down }, 'answer feedback');
  if (vote === 'down' && ctx.config.discord.feedbackModal) {
    const input = new TextInputBuilder().setCustomId(REASON_FIELD).setLabel('What was wrong? (optional)').setStyle(TextInputStyle.Paragraph).setRequired(false).setMaxLength(REASON_MAX);
    const modal = new ModalBuilder()
      .setCustomId(encodeButton({ kind: 'why', key }))
      .setTitle('What was wrong with this answer?')
      .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
    await interaction.showModal(modal);
    return;
  }
  await interaction.update({ components: withVoteCounts(interaction.message.components, key, votes) });
  await interaction.followUp({ ...reply({ content: voteNote(vote) }), flags: MessageFlags.Ephemeral });
}

export async function handleReasonModal(ctx: BotContext, interaction: ModalSubmitInteraction): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (action === null || action.kind !== 'why') return;
  const reason = interaction.fields.getTextInputValue(REASON_FIELD).trim();
  if (reason.length > 0) ctx.store.recordReason(action.key, interaction.user.id, reason);
  const votes = ctx.store.votes(action.key);
  ctx.logger.info({ event: 'feedback.reason', ...interactionOrigin(interaction, 'modal'), answer: action.key, ...(reason.length > 0 ? { feedbackReason: reason } : {}) }, 'answer feedback reason');
  if (interaction.isFromMessage()) {
    await interaction.update({ components: withVoteCounts(interaction.message.components, action.key, votes) });
    await interaction.followUp({ ...reply({ content: voteNote('down') }), flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...reply({ content: voteNote('down') }), flags: MessageFlags.Ephemeral });
  }
}
