/** Button clicks: "More sources", 👍/👎 feedback, and article pages. */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { AskResult } from '../../answer/types.js';
import { questionFromFooter } from '../answer-footer.js';
import { askEngine } from '../ask.js';
import type { BotContext } from '../context.js';
import { decodeButton } from '../custom-ids.js';
import { interactionOrigin } from '../origin.js';
import { reply } from '../payload.js';
import { renderMoreSources } from '../render-more.js';
import { handleArticlesPage } from './articles-command.js';
import { handleVote } from './votes.js';

export { FEEDBACK_THANKS } from './votes.js';
export const BUTTON_EXPIRED = 'This button belongs to an older version of the bot; ask again.';

const ephemeral = (content: string) => ({ ...reply({ content }), flags: MessageFlags.Ephemeral } as const);

/** The answer a button belongs to: from memory, or asked again with the question kept in the answer's footer. */
async function answerFor(ctx: BotContext, interaction: ButtonInteraction, key: string): Promise<AskResult | null> {
  const remembered = ctx.answers.get(key);
  if (remembered !== undefined) return remembered;
  const question = questionFromFooter(interaction.message.embeds[0]?.footer?.text);
  if (question === null) return null;
  const result = await askEngine(ctx, question, interactionOrigin(interaction, 'more-sources'));
  ctx.answers.set(key, result);
  return result;
}

export async function handleButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (action === null) {
    await interaction.reply(ephemeral(BUTTON_EXPIRED));
    return;
  }
  switch (action.kind) {
    case 'articles':
      await handleArticlesPage(ctx, interaction, action.offset);
      return;
    case 'vote':
      await handleVote(ctx, interaction, action.vote, action.key);
      return;
    case 'why':
      await interaction.reply(ephemeral(BUTTON_EXPIRED));
      return;
    case 'more': {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const result = await answerFor(ctx, interaction, action.key);
      await interaction.editReply(result === null ? reply({ content: BUTTON_EXPIRED }) : renderMoreSources(result));
      return;
    }
  }
}
