/** Sends each interaction to its handler; a failing handler gets an ephemeral error and the bot carries on. */
import { MessageFlags, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { ARTICLES, ASK, CHANNELS, FEEDBACK, FIND_SOURCES, HELP, REINDEX, SOURCE, STATS, SUMMARY } from './commands.js';
import { handleSourceAutocomplete, handleSourceCommand } from './handlers/source-command.js';
import { handleChannelsCommand } from './handlers/channels-command.js';
import { handleFindSources } from './handlers/find-sources-command.js';
import { handleFeedbackCommand, handleStatsCommand } from './handlers/operator-commands.js';
import { handleReasonModal } from './handlers/votes.js';
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
  [CHANNELS.name]: handleChannelsCommand,
  [FEEDBACK.name]: handleFeedbackCommand,
  [STATS.name]: handleStatsCommand,
  [SOURCE.name]: handleSourceCommand,
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
  } else if (interaction.isMessageContextMenuCommand()) {
    if (interaction.commandName === FIND_SOURCES.name) await handleFindSources(ctx, interaction);
    else await interaction.reply({ ...reply({ content: UNKNOWN_COMMAND }), flags: MessageFlags.Ephemeral });
  } else if (interaction.isButton()) {
    await handleButton(ctx, interaction);
  } else if (interaction.isModalSubmit()) {
    await handleReasonModal(ctx, interaction);
  }
}

function describe(interaction: Interaction): { what: string; via: 'slash' | 'button' | 'modal' | 'find-sources' } {
  if (interaction.isChatInputCommand()) return { what: `/${interaction.commandName}`, via: 'slash' };
  if (interaction.isMessageContextMenuCommand()) return { what: `"${interaction.commandName}"`, via: 'find-sources' };
  if (interaction.isModalSubmit()) return { what: `form ${interaction.customId}`, via: 'modal' };
  return { what: interaction.isButton() ? `button ${interaction.customId}` : 'interaction', via: 'button' };
}

export async function routeInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    // Autocomplete cannot show an error; an empty list is the honest answer, and the log has the cause.
    const complete = interaction.commandName === SOURCE.name ? handleSourceAutocomplete : handleArticleAutocomplete;
    await complete(ctx, interaction).catch(async (error: unknown) => {
      ctx.logger.error({ event: 'handler.failed', ...interactionOrigin(interaction, 'autocomplete'), err: error }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]);
    });
    return;
  }
  if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isMessageContextMenuCommand() && !interaction.isModalSubmit()) return;
  const { what, via } = describe(interaction);
  try {
    await dispatch(ctx, interaction);
  } catch (error) {
    await reportInteractionFailure(ctx.logger, interaction, interactionOrigin(interaction, via), what, error);
  }
}
