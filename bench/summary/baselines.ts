/** The comparison methods: Lead-k, a seeded random pick, and plain TextRank. Each returns chosen sentences in article order. */
import type { Article, Sentence } from '../../src/corpus/types.js';
import { terms } from '../../src/index/tokenize.js';
import { pageRank } from '../../src/summary/centrality.js';
import { seededRandom } from '../lib/seeded-random.js';

/** The first k candidates. */
export function lead(candidates: readonly Sentence[], k: number): Sentence[] {
  return candidates.slice(0, k);
}


/** k candidates drawn without replacement by a PRNG seeded from the article id and `seed`. */
export function randomPick(article: Article, candidates: readonly Sentence[], k: number, seed: number): Sentence[] {
  const next = seededRandom(seed ^ hashString(article.id));
  const pool = [...candidates];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k).sort((a, b) => a.index - b.index);
}

/**
 * TextRank as in Mihalcea & Tarau (2004): sentence similarity = shared words / (log|Si| + log|Sj|) over the shared
 * analyser's terms, PageRank with d = 0.85, top k. No position prior, no embeddings, no redundancy removal.
 */
export function textRank(candidates: readonly Sentence[], k: number): Sentence[] {
  const bags = candidates.map((s) => terms(s.text));
  const sets = bags.map((bag) => new Set(bag));
  const weights = candidates.map((_, i) =>
    Float64Array.from(candidates, (__, j) => {
      if (i === j) return 0;
      const norm = Math.log(bags[i]!.length) + Math.log(bags[j]!.length);
      if (norm <= 0) return 0;
      let shared = 0;
      for (const term of sets[i]!) if (sets[j]!.has(term)) shared += 1;
      return shared / norm;
    }),
  );
  const scores = pageRank(weights);
  return candidates
    .map((sentence, i) => ({ sentence, score: scores[i]! }))
    .sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index)
    .slice(0, k)
    .map((s) => s.sentence)
    .sort((a, b) => a.index - b.index);
}

export function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
