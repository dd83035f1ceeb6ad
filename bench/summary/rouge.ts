/**
 * ROUGE-1/2/L F1 with the conventions of Google's `rouge-score` (use_stemmer=True): lower-case, runs of [a-z0-9]
 * as tokens, Porter stem for tokens longer than 3 characters; ROUGE-N counts clipped n-gram matches; ROUGE-L is
 * the LCS of the whole token sequences (rougeL, not rougeLsum).
 * Written here because the npm ROUGE packages (`rouge`, `js-rouge`) return recall only for ROUGE-N and count
 * n-grams as sets. Checked against hand-computed values in test/summary/rouge.test.ts.
 */
import { stemmer } from 'stemmer';

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((token) => (token.length > 3 ? stemmer(token) : token));
}

function score(overlap: number, candidate: number, reference: number): RougeScore {
  const precision = candidate > 0 ? overlap / candidate : 0;
  const recall = reference > 0 ? overlap / reference : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function nGramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const cand = nGramCounts(candidate, n);
  const ref = nGramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0);
  return score(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export function rougeL(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
}

export interface RougeTriple {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

export function rouge(candidateText: string, referenceText: string): RougeTriple {
  const candidate = rougeTokens(candidateText);
  const reference = rougeTokens(referenceText);
  return { rouge1: rougeN(candidate, reference, 1), rouge2: rougeN(candidate, reference, 2), rougeL: rougeL(candidate, reference) };
}
