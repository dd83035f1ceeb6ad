/**
 * /reindex: re-reads the corpus. Discord hides it from members without Manage Server
 * (default_member_permissions), but server admins can change that, so the permission is checked again here.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { REINDEX } from '../commands.js';
import type { BotContext } from '../context.js';
import { interactionOrigin } from '../origin.js';
import { reply } from '../payload.js';
import { renderIngestReport } from '../render-reindex.js';

export const REINDEX_REFUSED = 'Only members with the **Manage Server** permission can run /reindex.';
export const REINDEX_BUSY = 'A reindex is already running; try again when it has finished.';

export async function handleReindexCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const origin = interactionOrigin(interaction, 'slash');
  if (interaction.memberPermissions?.has(REINDEX.permission) !== true) {
    ctx.logger.warn({ event: 'reindex.refused', ...origin }, 'reindex refused: missing Manage Server');
    await interaction.reply({ ...reply({ content: REINDEX_REFUSED }), flags: MessageFlags.Ephemeral });
    return;
  }
  if (ctx.reindex.running) {
    await interaction.reply({ ...reply({ content: REINDEX_BUSY }), flags: MessageFlags.Ephemeral });
    return;
  }
  ctx.reindex.running = true;
  try {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const report = await ctx.engine.ingest({ rebuild: interaction.options.getBoolean(REINDEX.rebuild) ?? false });
    ctx.logger.info({ event: 'reindex', ...origin, articles: report.articles, added: report.added, changed: report.changed, removed: report.removed, problems: report.problems.length, ms: report.ms }, 'reindexed');
    await interaction.editReply(renderIngestReport(report));
  } finally {
    ctx.reindex.running = false;
  }
}
