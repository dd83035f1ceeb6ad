/** /feedback report and /stats: for those who run the server, privately. */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { FEEDBACK } from '../commands.js';
import type { BotContext } from '../context.js';
import { requireManageServer } from '../operator-gate.js';
import { renderFeedbackReport, renderStats } from '../render-report.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const REPORT_ROWS = 10;

export async function handleFeedbackCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!(await requireManageServer(ctx, interaction))) return;
  const days = interaction.options.getInteger(FEEDBACK.days);
  const report = ctx.store.report({ limit: REPORT_ROWS, guild: interaction.guildId ?? '', ...(days === null ? {} : { sinceMs: Date.now() - days * DAY_MS }) });
  await interaction.reply({ ...renderFeedbackReport(report, days), flags: MessageFlags.Ephemeral });
}

export async function handleStatsCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!(await requireManageServer(ctx, interaction))) return;
  // Stats may load the index on a cold start: defer first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const stats = await ctx.engine.stats();
  await interaction.editReply(renderStats(stats, ctx.store.answerRate(Date.now() - DAY_MS, interaction.guildId)));
}
