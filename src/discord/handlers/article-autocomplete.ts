/** Autocomplete for /summary article: titles matching what the user has typed so far. */
import type { AutocompleteInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { shortenAtWord } from '../fit.js';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from '../limits.js';

export async function handleArticleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const typed = interaction.options.getFocused().trim();
  const list = await ctx.engine.articles({ ...(typed.length > 0 ? { query: typed } : {}), limit: AUTOCOMPLETE_CHOICES_MAX });
  const choices = list.items
    // An id that does not fit a choice value could not be sent back intact, so it is not offered.
    .filter((item) => item.id.length <= CHOICE_VALUE_MAX)
    .map((item) => ({ name: shortenAtWord(item.title || item.id, CHOICE_NAME_MAX), value: item.id }));
  await interaction.respond(choices.slice(0, AUTOCOMPLETE_CHOICES_MAX));
}
