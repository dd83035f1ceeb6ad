/** /summary article|topic|corpus: defer, summarise within Discord's room, edit in the summary. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { SummaryBudget, SummaryRequest } from '../../summary/types.js';
import { SUMMARY } from '../commands.js';
import type { BotContext } from '../context.js';
import { interactionOrigin } from '../origin.js';
import { renderSummary } from '../render-summary.js';

/** Sentence text that leaves room in a 4096-character embed for numbering and citations. */
const SUMMARY_BUDGET: SummaryBudget = { maxChars: 2800, maxSentences: 10 };

function requestFrom(interaction: ChatInputCommandInteraction): SummaryRequest {
  const kind = interaction.options.getSubcommand(true);
  if (kind === SUMMARY.article) return { article: interaction.options.getString(SUMMARY.article, true), budget: SUMMARY_BUDGET };
  if (kind === SUMMARY.topic) return { topic: interaction.options.getString(SUMMARY.topic, true), budget: SUMMARY_BUDGET };
  return { corpus: true, budget: SUMMARY_BUDGET };
}

export async function handleSummaryCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply();
  const request = requestFrom(interaction);
  const started = performance.now();
  const summary = await ctx.engine.summarize(request);
  ctx.logger.info({
    event: 'summary',
    ...interactionOrigin(interaction, 'slash'),
    kind: summary.kind,
    target: summary.target,
    sentences: summary.sentences.length,
    stories: summary.stories.length,
    latencyMs: Math.round(performance.now() - started),
  }, 'summary made');
  await interaction.editReply(renderSummary(summary));
}
