/**
 * /reindex: re-reads the corpus. Discord hides it from members without Manage Server
 * (default_member_permissions), but server admins can change that, so the permission is checked again here.
 * A large corpus can take longer than the interaction token lives (15 minutes): the private reply shows
 * progress while the token is good, and a reindex that outlives it ends with a message in the channel instead.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { IngestProgress, IngestReport } from '../../engine-types.js';
import { REINDEX } from '../commands.js';
import type { BotContext } from '../context.js';
import { interactionOrigin } from '../origin.js';
import { INTERACTION_TOKEN_MS } from '../limits.js';
import { reply } from '../payload.js';
import { renderIngestReport, renderReindexProgress } from '../render-reindex.js';

export const REINDEX_REFUSED = 'Only members with the **Manage Server** permission can run /reindex.';
export const REINDEX_BUSY = 'A reindex is already running; try again when it has finished.';
/** The share of the token's life used for edits: the last edit must reach Discord before the token expires. */
const TOKEN_USABLE_SHARE = 0.9;

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
    // The token's clock started when the interaction was created, at most the 3 s acknowledgement deadline ago (the
    // 10% margin below covers it); the bot's own clock is used, not the snowflake's, so a skewed host clock does not matter.
    const started = ctx.now();
    const tokenUsable = () => ctx.now() - started < INTERACTION_TOKEN_MS * TOKEN_USABLE_SHARE;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let lastEdit = ctx.now();
    let editing: Promise<unknown> = Promise.resolve();
    const onProgress = (progress: IngestProgress): void => {
      const now = ctx.now();
      if (!tokenUsable() || now - lastEdit < ctx.progressEditMs) return;
      lastEdit = now;
      // Progress is best effort: a failed edit must not fail the reindex.
      editing = editing.then(() => interaction.editReply(renderReindexProgress(progress, now - started))).catch(() => {});
    };
    const report = await ctx.engine.ingest({ rebuild: interaction.options.getBoolean(REINDEX.rebuild) ?? false, onProgress });
    ctx.logger.info({ event: 'reindex', ...origin, articles: report.articles, added: report.added, changed: report.changed, removed: report.removed, problems: report.problems.length, ms: report.ms }, 'reindexed');
    await editing;
    if (tokenUsable()) {
      await interaction.editReply(renderIngestReport(report));
      return;
    }
    await announceInChannel(ctx, interaction, report, ctx.now() - started);
  } finally {
    ctx.reindex.running = false;
  }
}

/** The report as a channel message naming who asked: the private reply can no longer be edited. */
async function announceInChannel(ctx: BotContext, interaction: ChatInputCommandInteraction, report: IngestReport, elapsedMs: number): Promise<void> {
  const channel = interaction.channel ?? (await interaction.client.channels.fetch(interaction.channelId).catch(() => null));
  const rendered = renderIngestReport(report);
  const content = `<@${interaction.user.id}> /reindex finished after ${Math.round(elapsedMs / 60_000)} min, too late to update its private reply:`;
  if (channel === null || !channel.isSendable()) {
    ctx.logger.warn({ event: 'reindex.unannounced', ...interactionOrigin(interaction, 'slash') }, 'reindex finished after the interaction token expired, and the channel cannot be written to');
    return;
  }
  await channel.send({ ...rendered, content, allowedMentions: { users: [interaction.user.id] } });
  ctx.logger.info({ event: 'reindex.announced', ...interactionOrigin(interaction, 'slash'), ms: elapsedMs }, 'reindex outlived the interaction token; report sent to the channel');
}
