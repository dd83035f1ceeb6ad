/** Turns what a user typed (an id, an id prefix like `003`, or title words) into one article id. */
import type { ArticleMeta } from '../corpus/types.js';
import { VerbatimError } from '../errors.js';
import { terms } from '../index/tokenize.js';

type Listed = Pick<ArticleMeta, 'id' | 'title'>;

/** Share of the reference's terms a title must contain to count as a match by title words. */
export const TITLE_MATCH = 0.6;
const CLOSE_MATCHES = 3;

/**
 * Exact id first; then a unique id prefix (of the id or of its file name, case-insensitive); then the title
 * holding the largest share (at least TITLE_MATCH) of the reference's terms, if no other title ties it.
 * Otherwise throws ARTICLE_NOT_FOUND naming the closest articles.
 */
export function resolveArticleId(articles: ReadonlyMap<string, Listed>, reference: string): string {
  const wanted = reference.trim();
  if (articles.has(wanted)) return wanted;
  const listed = [...articles.values()];
  const lower = wanted.toLowerCase();
  const byPrefix = wanted === '' ? [] : listed.filter((a) => a.id.toLowerCase().startsWith(lower) || fileName(a.id).startsWith(lower));
  if (byPrefix.length === 1) return byPrefix[0]!.id;
  if (byPrefix.length > 1) throw notFound(wanted, byPrefix, 'matches several articles');
  const scored = listed
    .map((article) => ({ article, score: titleScore(wanted, article) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));
  const [best, second] = scored;
  if (best && best.score >= TITLE_MATCH && (!second || second.score < best.score)) return best.article.id;
  const close = scored.slice(0, CLOSE_MATCHES).map((s) => s.article);
  throw notFound(wanted, close, best && best.score >= TITLE_MATCH ? 'matches several titles equally' : 'matches no article');
}

/** Share of the reference's distinct terms found in the article's title or id. */
function titleScore(reference: string, article: Listed): number {
  const wanted = new Set(terms(reference));
  if (wanted.size === 0) return 0;
  const have = new Set([...terms(article.title), ...terms(article.id)]);
  let found = 0;
  for (const term of wanted) if (have.has(term)) found += 1;
  return found / wanted.size;
}

function fileName(id: string): string {
  return (id.split('/').at(-1) ?? id).toLowerCase();
}

function notFound(reference: string, close: readonly Listed[], why: string): VerbatimError {
  const list = close.map((a) => `${a.id} (${a.title})`).join('; ');
  return new VerbatimError('ARTICLE_NOT_FOUND', `"${reference}" ${why}.`, {
    hint: close.length > 0 ? `Did you mean: ${list}? Give the full id, or run \`verbatim articles\` to list them.` : undefined,
    details: { reference, matches: close.map((a) => a.id) },
  });
}
