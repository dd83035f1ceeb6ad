/** Which articles an incremental ingest must embed, replace or drop, by comparing content hashes. */
import type { Article } from '../corpus/types.js';

export interface IngestPlan {
  added: Article[];
  /** Same id, different content hash: their old passages go, the new version is embedded. */
  changed: Article[];
  /** Ids indexed before but absent now. */
  removed: string[];
  unchanged: string[];
}

/** `indexed` maps each indexed article id to its content hash. With duplicate ids in `articles`, the last one wins. */
export function planIngest(indexed: ReadonlyMap<string, string>, articles: readonly Article[]): IngestPlan {
  const incoming = new Map(articles.map((article) => [article.id, article]));
  const plan: IngestPlan = { added: [], changed: [], removed: [], unchanged: [] };
  for (const article of incoming.values()) {
    const hash = indexed.get(article.id);
    if (hash === undefined) plan.added.push(article);
    else if (hash !== article.contentHash) plan.changed.push(article);
    else plan.unchanged.push(article.id);
  }
  for (const id of indexed.keys()) if (!incoming.has(id)) plan.removed.push(id);
  return plan;
}
