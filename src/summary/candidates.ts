/** Which sentences of an article are summary material. */
import type { Article, Sentence } from '../corpus/types.js';
import { words } from '../index/tokenize.js';

/** Fewer words than this is a fragment (a byline, "– CNN", a lone label), not a statement worth quoting. */
export const MIN_WORDS = 4;

/**
 * Body sentences of at least MIN_WORDS words, in reading order. Headings are never summary material; captions
 * only when the article has no body sentence at all, because they mostly repeat the body and often repeat each other.
 */
export function summaryMaterial(article: Article): Sentence[] {
  const substantial = article.sentences.filter((s) => words(s.text).length >= MIN_WORDS);
  const body = substantial.filter((s) => s.kind === 'body');
  return body.length > 0 ? body : substantial.filter((s) => s.kind === 'caption');
}
