/** The one entry the engine calls for `/summary`: dispatches a SummaryRequest to the article, topic or corpus summary. */
import { VerbatimError } from '../errors.js';
import { summarizeArticle } from './article-summary.js';
import { summarizeCorpus } from './corpus-summary.js';
import { resolveArticleId } from './resolve-article.js';
import type { SummarySource, TopicCandidate } from './source.js';
import { summarizeTopic } from './topic-summary.js';
import type { Summary, SummaryRequest } from './types.js';

export interface SummarizeDeps {
  source: SummarySource;
  /** The engine's retriever: sentences about the topic, across articles (only called for topic requests). */
  retrieveTopic(topic: string): Promise<TopicCandidate[]>;
}

export async function summarize(request: SummaryRequest, deps: SummarizeDeps): Promise<Summary> {
  if ('article' in request) return summarizeArticle(deps.source, resolveArticleId(deps.source.articles, request.article), request.budget);
  if ('topic' in request) {
    const topic = request.topic.trim();
    if (topic === '') throw new VerbatimError('TOPIC_EMPTY', 'The topic is empty.');
    return summarizeTopic(deps.source, topic, await deps.retrieveTopic(topic), request.budget);
  }
  return summarizeCorpus(deps.source, request.budget);
}
