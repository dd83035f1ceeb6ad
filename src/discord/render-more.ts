/** The "More sources" reply: supporting quotes beyond those the answer showed. */
import type { AskResult } from '../answer/types.js';
import { fitBlocks, NOTE_ROOM } from './fit.js';
import { EMBED_DESCRIPTION_MAX } from './limits.js';
import { reply, type Reply } from './payload.js';
import { moreQuotes } from './render-answer.js';
import { renderQuoteBlock } from './render-quote.js';

export const MORE_TITLE = 'More sources';

export function renderMoreSources(result: AskResult): Reply {
  const quotes = moreQuotes(result);
  if (quotes.length === 0) return reply({ content: 'The articles have no further sources for this question.' });
  const fitted = fitBlocks(quotes, EMBED_DESCRIPTION_MAX - NOTE_ROOM, renderQuoteBlock);
  const note = fitted.dropped.length > 0 ? `\n\n*${fitted.dropped.length} more did not fit.*` : '';
  return reply({ embeds: [{ title: MORE_TITLE, description: fitted.text + note }] });
}
