/** Discord's published limits and deadlines, named once (https://discord.com/developers/docs). */

/** Characters in a message's `content`. */
export const MESSAGE_CONTENT_MAX = 2000;
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_MAX = 2048;
export const EMBED_FIELDS_MAX = 25;
/** Characters across every embed of one message (titles, descriptions, fields, footers, authors). */
export const EMBEDS_TOTAL_MAX = 6000;
export const EMBEDS_PER_MESSAGE_MAX = 10;
export const CUSTOM_ID_MAX = 100;
export const BUTTONS_PER_ROW_MAX = 5;
/** Autocomplete choices per response, and the length of a choice's name and value. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;
/** A typing indicator lasts about ten seconds; it is renewed a little before that. */
export const TYPING_RENEW_MS = 8000;
/** An interaction's token (deferred replies, edits, follow-ups) is valid for 15 minutes after the interaction. */
export const INTERACTION_TOKEN_MS = 15 * 60_000;
/** Progress edits of a long reply, at most this often (edits share the webhook's rate limit). */
export const PROGRESS_EDIT_MS = 10_000;
