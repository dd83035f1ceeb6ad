/** Checks a reply against Discord's limits, so a rendering bug is named in the log rather than a bare 400. */
import type { APIEmbed } from 'discord.js';
import * as limits from './limits.js';
import type { Reply } from './payload.js';

/** The characters Discord counts towards the 6000 total of one message's embeds. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0) + fields;
}

/** Every limit the reply breaks, in words; empty when it fits. */
export function limitViolations(payload: Reply): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number): void => {
    if (length > max) problems.push(`${what} has ${length} characters (limit ${max})`);
  };
  over('content', payload.content?.length ?? 0, limits.MESSAGE_CONTENT_MAX);
  if (payload.embeds.length > limits.EMBEDS_PER_MESSAGE_MAX) problems.push(`${payload.embeds.length} embeds (limit ${limits.EMBEDS_PER_MESSAGE_MAX})`);
  payload.embeds.forEach((embed, i) => {
    over(`embed ${i} title`, embed.title?.length ?? 0, limits.EMBED_TITLE_MAX);
    over(`embed ${i} description`, embed.description?.length ?? 0, limits.EMBED_DESCRIPTION_MAX);
    over(`embed ${i} footer`, embed.footer?.text.length ?? 0, limits.EMBED_FOOTER_MAX);
    const fields = embed.fields ?? [];
    if (fields.length > limits.EMBED_FIELDS_MAX) problems.push(`embed ${i} has ${fields.length} fields (limit ${limits.EMBED_FIELDS_MAX})`);
    fields.forEach((field, j) => {
      over(`embed ${i} field ${j} name`, field.name.length, limits.EMBED_FIELD_NAME_MAX);
      over(`embed ${i} field ${j} value`, field.value.length, limits.EMBED_FIELD_VALUE_MAX);
    });
  });
  over('embeds together', payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0), limits.EMBEDS_TOTAL_MAX);
  for (const row of payload.components) {
    if (row.components.length > limits.BUTTONS_PER_ROW_MAX) problems.push(`a row has ${row.components.length} buttons (limit ${limits.BUTTONS_PER_ROW_MAX})`);
    for (const button of row.components) over(`custom id ${button.custom_id}`, button.custom_id.length, limits.CUSTOM_ID_MAX);
  }
  return problems;
}
