/** One page of the article list, with buttons to the previous and next pages. */
import type { ArticleList } from '../engine-types.js';
import { encodeButton } from './custom-ids.js';
import { fitBlocks, shortenAtWord } from './fit.js';
import { EMBED_DESCRIPTION_MAX } from './limits.js';
import { buttonRow, reply, type Reply } from './payload.js';
import { formatSource } from './render-citation.js';

export const ARTICLES_TITLE = 'Articles';

/** `pageSize` is the page length the list was fetched with; it fixes where the buttons point. */
export function renderArticles(list: ArticleList, pageSize: number): Reply {
  if (list.total === 0) return reply({ content: 'No articles are indexed yet; someone with Manage Server can run /reindex.' });
  const numbered = list.items.map((item, i) => ({ item, number: list.offset + i + 1 }));
  const lines = fitBlocks(numbered, EMBED_DESCRIPTION_MAX, ({ item, number }, _position, textMax) =>
    `**${number}.** ${formatSource({ ...item, title: shortenAtWord(item.title, textMax) })} · ${item.sentences} sentences\n\`${item.id.replace(/`/g, "'")}\``, '\n');
  const page = Math.floor(list.offset / pageSize) + 1;
  const pages = Math.max(1, Math.ceil(list.total / pageSize));
  const previous = Math.max(0, list.offset - pageSize);
  const next = list.offset + pageSize;
  return reply({
    embeds: [{ title: ARTICLES_TITLE, description: lines.text, footer: { text: `Page ${page} of ${pages} · ${list.total} articles` } }],
    components: pages > 1
      ? [buttonRow([
          { customId: encodeButton({ kind: 'articles', offset: previous }), label: 'Previous', emoji: '◀️', disabled: list.offset === 0 },
          { customId: encodeButton({ kind: 'articles', offset: next }), label: 'Next', emoji: '▶️', disabled: next >= list.total },
        ])]
      : [],
  });
}
