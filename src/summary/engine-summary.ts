/** The engine's door into the summary step: topic retrieval through the engine's own retriever, then `summarize`. */
import type { Candidate } from '../search/retrieve.js';
import { terms } from '../index/tokenize.js';
import { cosine } from './similarity.js';
import type { SummarySource, TopicCandidate } from './source.js';
import { summarize } from './summarize.js';
import type { Summary, SummaryRequest } from './types.js';

export interface SummaryRetrieval {
  embed(text: string): Promise<Float32Array>;
  retrieve(text: string, vector: Float32Array | null): Promise<Candidate[]>;
}

export function summarizeWithIndex(index: SummarySource, request: SummaryRequest, retrieval: SummaryRetrieval): Promise<Summary> {
  return summarize(request, {
    source: index,
    retrieveTopic: async (topic) => {
      const vector = await retrieval.embed(topic);
      return topicCandidates(index, topic, vector, await retrieval.retrieve(topic, vector));
    },
  });
}

/**
 * Spreads each retrieved passage's fused score over its sentences, weighted by how well each sentence itself
 * matches the topic: `fused * match`, where match is the larger of the sentence's embedding cosine with the
 * topic (clipped at 0) and the share of the topic's terms it contains. A passage window often holds one
 * on-topic sentence beside others that only share its context; this keeps those behind.
 */
export function topicCandidates(source: SummarySource, topic: string, vector: Float32Array | null, passages: readonly Candidate[]): TopicCandidate[] {
  const topicTerms = new Set(terms(topic));
  return passages.flatMap(({ article, passage, fused }) => {
    const out: TopicCandidate[] = [];
    for (let index = passage.sentenceStart; index < passage.sentenceEnd; index++) {
      const sentence = article.sentences[index];
      if (!sentence) continue;
      const own = new Set(terms(sentence.text));
      const coverage = topicTerms.size > 0 ? [...topicTerms].filter((t) => own.has(t)).length / topicTerms.size : 0;
      const sentenceVector = source.sentenceVector(article.id, index);
      const dense = vector && sentenceVector ? Math.max(0, cosine(vector, sentenceVector)) : 0;
      out.push({ articleId: article.id, sentenceIndex: index, relevance: fused * Math.max(dense, coverage) });
    }
    return out;
  });
}
