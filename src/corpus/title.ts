import { readDateline } from './dateline.js';

const MAX_TITLE_CHARS = 80;

/**
 * A title made from the first sentence: without its dateline and final full stop, cut at a word
 * boundary to at most 80 characters with `…` when longer.
 */
export function titleFromSentence(sentence: string): string {
  let title = sentence.replace(/\s+/g, ' ').trim();
  const dateline = readDateline(title);
  if (dateline !== null) title = title.slice(dateline.length);
  title = title.replace(/\.$/, '');
  if (title.length <= MAX_TITLE_CHARS) return title;
  const cut = title.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
  const head = title.slice(0, cut > 0 ? cut : MAX_TITLE_CHARS - 1);
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}
