/** Sends each interaction to its handler; a failing handler gets an ephemeral error and the bot carries on. */
import { MessageFlags, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { ARTICLES, ASK, HELP, REINDEX, SUMMARY } from './commands.js';
import type { BotContext } from './context.js';
import { reportInteractionFailure } from './failure.js';
import { handleArticleAutocomplete } from './handlers/article-autocomplete.js';
import { handleArticlesCommand } from './handlers/articles-command.js';
import { handleAskCommand } from './handlers/ask-command.js';
import { handleButton } from './handlers/buttons.js';
import { handleReindexCommand } from './handlers/reindex-command.js';
import { handleSummaryCommand } from './handlers/summary-command.js';
import { interactionOrigin } from './origin.js';
import { reply } from './payload.js';
import { renderHelp } from './render-help.js';

type CommandHandler = (ctx: BotContext, interaction: ChatInputCommandInteraction) => Promise<void>;

const COMMANDS: Record<string, CommandHandler> = {
  [ASK.name]: handleAskCommand,
  [SUMMARY.name]: handleSummaryCommand,
  [ARTICLES.name]: handleArticlesCommand,
  [REINDEX.name]: handleReindexCommand,
  [HELP.name]: async (_ctx, interaction) => {
    await interaction.reply({ ...renderHelp(), flags: MessageFlags.Ephemeral });
  },
};

export const UNKNOWN_COMMAND = 'This command is not known to this version of the bot.';

async function dispatch(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const handler = COMMANDS[interaction.commandName];
    if (handler === undefined) await interaction.reply({ ...reply({ content: UNKNOWN_COMMAND }), flags: MessageFlags.Ephemeral });
    else await handler(ctx, interaction);
  } else if (interaction.isButton()) {
    await handleButton(ctx, interaction);
  }
}

export async function routeInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    // Autocomplete cannot show an error; an empty list is the honest answer, and the log has the cause.
    await handleArticleAutocomplete(ctx, interaction).catch(async (error: unknown) => {
      ctx.logger.error({ event: 'handler.failed', ...interactionOrigin(interaction, 'autocomplete'), err: error }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]);
    });
    return;
  }
  if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
  const what = interaction.isChatInputCommand() ? `/${interaction.commandName}` : `button ${interaction.customId}`;
  try {
    await dispatch(ctx, interaction);
  } catch (error) {
    await reportInteractionFailure(ctx.logger, interaction, interactionOrigin(interaction, interaction.isButton() ? 'button' : 'slash'), what, error);
  }
}
