/** /articles and its page buttons: one page of the list, for the asker only. */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { renderArticles } from '../render-articles.js';

export async function handleArticlesCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const list = await ctx.engine.articles({ offset: 0, limit: ctx.articlesPageSize });
  await interaction.editReply(renderArticles(list, ctx.articlesPageSize));
}

export async function handleArticlesPage(ctx: BotContext, interaction: ButtonInteraction, offset: number): Promise<void> {
  await interaction.deferUpdate();
  const list = await ctx.engine.articles({ offset, limit: ctx.articlesPageSize });
  await interaction.editReply(renderArticles(list, ctx.articlesPageSize));
}
