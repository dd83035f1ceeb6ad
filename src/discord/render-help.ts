/** The /help text: what the bot does and how to ask. */
import { reply, type Reply } from './payload.js';

const HELP = [
  'I answer questions about the news articles I have read, **only with verbatim quotes** and their sources. If the articles do not say, I tell you so.',
  '',
  '**/ask** `question` — ask a question, e.g. *What did Putin call Xi?* Optional `since`/`until` (e.g. 2024-05) keep to news of those days, as do words like *in 2019* or *last year*.',
  '**@mention me** with a question in any channel I can read, and I reply to your message.',
  '**/summary article** — a summary of one article (start typing its title).',
  '**/summary topic** — what the articles say about a topic.',
  '**/summary corpus** — the main stories across all articles.',
  '**/articles** — the articles I have read, a page at a time.',
  '**/reindex** — re-read the articles folder (needs Manage Server).',
  '**/source add|remove|list** — the news feeds and pages I follow and refresh (needs Manage Server).',
  '',
  'Under each answer, **More sources** shows further supporting quotes, and 👍/👎 tell the maintainers whether it helped.',
].join('\n');

export function renderHelp(): Reply {
  return reply({ embeds: [{ title: 'verbatim: cited answers from the articles', description: HELP }] });
}
