/**
 * Term statistics for answer scoring: IDF per stem, and a tolerant lookup that lets typos
 * ("contries") and derived forms ("pakistani") find the corpus term.
 */

export interface TermStats {
  /** Number of passages in the corpus (the N of IDF). */
  readonly documents: number;
  /** Inverse document frequency of a corpus term (0 for unknown terms). */
  idf(term: string): number;
  /** The corpus term a question term stands for: itself, a close spelling, or a prefix form; null if none. */
  resolve(term: string): string | null;
}

/** What term statistics are read from: the lexical index's document frequencies. */
export interface TermSource {
  readonly size: number;
  documentsWith(term: string): number;
  vocabulary(): Iterable<string>;
}

/**
 * Term statistics read from the lexical index (passage level), so loading an index costs no pass
 * over its text. Spelling look-ups are cached per question term.
 */
export function termStatsFrom(source: TermSource): TermStats {
  const documents = source.size;
  const resolved = new Map<string, string | null>();
  const idf = (term: string): number => {
    const n = source.documentsWith(term);
    return n > 0 ? Math.log(1 + documents / n) : 0;
  };
  return {
    documents,
    idf,
    resolve(term) {
      if (source.documentsWith(term) > 0) return term;
      const cached = resolved.get(term);
      if (cached !== undefined) return cached;
      const found = closestTerm(term, source);
      if (resolved.size > 10_000) resolved.clear();
      resolved.set(term, found);
      return found;
    },
  };
}

/** Prefix forms (≥ 5 shared letters: "pakistani" → "pakistan") first, then one edit for words of 5+ letters. */
function closestTerm(term: string, source: TermSource): string | null {
  if (term.length < 5 || /^\p{N}/u.test(term)) return null;
  let best: string | null = null;
  let bestCount = 0;
  for (const candidate of source.vocabulary()) {
    if (Math.abs(candidate.length - term.length) > 2) continue;
    const count = source.documentsWith(candidate);
    if (count <= bestCount) continue;
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
