/**
 * Makes article text inert in Discord: it shows as written but cannot format, link, or ping.
 * Quotes come from arbitrary articles, so any `*`, `@everyone` or `<@id>` in them is text, not markup.
 */
import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200B';

/** Everything escapeMarkdown can escape, including the forms it leaves alone by default. */
const ESCAPE_ALL = { heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;

/** `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<:emoji:id>`, `<a:emoji:id>`, `<t:time>`, `<id:guide>`. */
const ANGLE_MARKUP = /<(?=[@#:/]|a:|t:|id:)/g;
const MASS_MENTION = /@(?=everyone|here)/gi;
const LINE_BREAKS = /\s*[\r\n]+\s*/g;

/** Breaks mention and timestamp syntax with a zero-width space so Discord shows it as plain text. */
export function neutraliseMentions(text: string): string {
  return text.replace(ANGLE_MARKUP, `<${ZERO_WIDTH_SPACE}`).replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}`);
}

/**
 * Escapes markdown and neutralises mentions. Line breaks become spaces, so a quote cannot start a
 * heading, list or block quote of its own.
 */
export function escapeText(text: string): string {
  const oneLine = text.replace(LINE_BREAKS, ' ');
  return neutraliseMentions(escapeMarkdown(oneLine, ESCAPE_ALL).replace(/^>/, '\\>'));
}
