/** What a user sees when a command fails: the catalog's message and hint, or a generic apology for bugs. */
import { isVerbatimError } from '../errors.js';
import { escapeText } from './escape.js';
import { shortenAtWord } from './fit.js';
import { MESSAGE_CONTENT_MAX } from './limits.js';
import { reply, type Reply } from './payload.js';

export const GENERIC_FAILURE = 'Something went wrong on my side while answering; the details are logged. Please try again in a moment.';

export function renderError(error: unknown): Reply {
  if (!isVerbatimError(error) || error.code === 'INTERNAL') return reply({ content: GENERIC_FAILURE });
  const lead = error.code === 'SUMMARY_NOT_AVAILABLE' ? '**Not available yet.** ' : '';
  const content = `${lead}**${escapeText(error.message)}**\n${escapeText(error.hint)}`;
  return reply({ content: shortenAtWord(content, MESSAGE_CONTENT_MAX) });
}
