/** The candidate sentences of a question: every sentence of every retrieved passage, once, with where retrieval put it. */
import type { Candidate } from '../search/retrieve.js';
import type { PoolSentence } from './sentence-features.js';

/** `candidates` in retrieval order (best first). */
export function sentencePool(candidates: readonly Candidate[]): PoolSentence[] {
  const seen = new Map<string, PoolSentence>();
  const articleRanks = new Map<string, number>();
  candidates.forEach((candidate, rank) => {
    const { article, passage } = candidate;
    if (!articleRanks.has(article.id)) articleRanks.set(article.id, articleRanks.size);
    for (let i = passage.sentenceStart; i < passage.sentenceEnd; i++) {
      const sentence = article.sentences[i];
      if (!sentence) continue;
      const key = `${article.id}\u0000${i}`;
      const entry = seen.get(key);
      if (!entry) {
        seen.set(key, { article, sentence, passageScore: candidate.fused, passageRank: rank, articleRank: articleRanks.get(article.id)! });
      } else {
        entry.passageScore = Math.max(entry.passageScore, candidate.fused);
        entry.passageRank = Math.min(entry.passageRank, rank);
      }
    }
  });
  return [...seen.values()];
}
