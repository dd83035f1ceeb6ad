/**
 * Sentence-level term statistics over the indexed articles: document frequency per stem, and a
 * tolerant lookup that lets typos ("contries") and derived forms ("pakistani") find the corpus term.
 */
import type { Article } from '../corpus/types.js';
import { terms } from '../index/tokenize.js';

export interface TermStats {
  /** Number of sentences in the corpus. */
  readonly sentences: number;
  /** Inverse document frequency of a corpus term (0 for unknown terms). */
  idf(term: string): number;
  /** The corpus term a question term stands for: itself, a close spelling, or a prefix form; null if none. */
  resolve(term: string): string | null;
}

export function buildTermStats(articles: Iterable<Article>): TermStats {
  const df = new Map<string, number>();
  let sentences = 0;
  for (const article of articles) {
    for (const sentence of article.sentences) {
      sentences++;
      for (const term of new Set(terms(sentence.text))) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const resolved = new Map<string, string | null>();
  const idf = (term: string): number => {
    const n = df.get(term);
    return n ? Math.log(1 + sentences / n) : 0;
  };
  return {
    sentences,
    idf,
    resolve(term) {
      if (df.has(term)) return term;
      const cached = resolved.get(term);
      if (cached !== undefined) return cached;
      const found = closestTerm(term, df);
      resolved.set(term, found);
      return found;
    },
  };
}

/** Prefix forms (≥ 5 shared letters: "pakistani" → "pakistan") first, then one edit for words of 5+ letters. */
function closestTerm(term: string, df: ReadonlyMap<string, number>): string | null {
  if (term.length < 5 || /^\p{N}/u.test(term)) return null;
  let best: string | null = null;
  let bestCount = 0;
  for (const [candidate, count] of df) {
    if (Math.abs(candidate.length - term.length) > 2 || count <= bestCount) continue;
    const prefix = candidate.length >= 5 && (term.startsWith(candidate) || candidate.startsWith(term));
    if (prefix || withinOneEdit(term, candidate)) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // one substitution, or one transposition of neighbours
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
