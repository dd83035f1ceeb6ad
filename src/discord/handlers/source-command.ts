/**
 * /source add|remove|list: the followed feeds and pages (SOURCES_FILE), for members with Manage Server. Adding
 * or removing is followed by a refresh, so the reply says what was fetched (or why not) while the member waits;
 * questions meanwhile are answered from the index already loaded.
 */
import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { isVerbatimError } from '../../errors.js';
import type { RefreshReport } from '../../engine-types.js';
import { SOURCE } from '../commands.js';
import type { BotContext } from '../context.js';
import { escapeText } from '../escape.js';
import { shortenAtWord } from '../fit.js';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from '../limits.js';
import { requireManageServer } from '../operator-gate.js';
import { interactionOrigin } from '../origin.js';
import { reply } from '../payload.js';
import { renderRefreshOutcome, renderSourceList } from '../render-sources.js';

export const REFRESH_LATER = 'A refresh is already running; the change is picked up by the next one.';

export async function handleSourceCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!(await requireManageServer(ctx, interaction))) return;
  const sub = interaction.options.getSubcommand(true);
  const origin = interactionOrigin(interaction, 'slash');
  if (sub === SOURCE.list) {
    await interaction.reply({ ...renderSourceList(await ctx.engine.sources()), flags: MessageFlags.Ephemeral });
    return;
  }
  // Refused input (a bad address, a name taken) throws a VerbatimError: the router replies with its message and hint.
  const changed = sub === SOURCE.add
    ? await ctx.engine.addSource(interaction.options.getString(SOURCE.url, true), interaction.options.getString(SOURCE.label) ?? undefined)
    : await ctx.engine.removeSource(interaction.options.getString(SOURCE.source, true));
  ctx.logger.info({ event: 'source', action: sub, source: changed.name, url: changed.url, ...origin }, `/source ${sub}`);
  const headline = sub === SOURCE.add
    ? `Now following **${escapeText(changed.name)}** (<${changed.url}>).`
    : `No longer following **${escapeText(changed.name)}** (<${changed.url}>).`;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let report: RefreshReport;
  try {
    report = await ctx.engine.refresh();
  } catch (error) {
    if (!(isVerbatimError(error) && error.code === 'REFRESH_BUSY')) throw error;
    await interaction.editReply(reply({ content: `${headline}\n${REFRESH_LATER}` }));
    return;
  }
  ctx.logger.info({ event: 'refresh', via: 'source', added: report.added, changed: report.changed, removed: report.removed, requests: report.requests, ms: report.ms }, 'sources refreshed');
  await interaction.editReply(renderRefreshOutcome(headline, report, sub === SOURCE.add ? changed.name : null));
}

/** Autocomplete for /source remove: followed sources whose name or address contains what was typed. */
export async function handleSourceAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const sources = await ctx.engine.sources();
  const choices = sources
    .filter((s) => typed === '' || s.name.toLowerCase().includes(typed) || s.url.toLowerCase().includes(typed))
    // The value is sent back as typed: an address too long for a choice is offered by its name.
    .map((s) => ({ name: shortenAtWord(`${s.name} — ${s.url}`, CHOICE_NAME_MAX), value: s.url.length <= CHOICE_VALUE_MAX ? s.url : s.name.slice(0, CHOICE_VALUE_MAX) }));
  await interaction.respond(choices.slice(0, AUTOCOMPLETE_CHOICES_MAX));
}
