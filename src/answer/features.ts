/**
 * Per-sentence evidence for one question. Pure: everything a score needs is passed in, so the
 * features test with hand-made sentences and no model.
 */
import type { AnswerType, QuestionAnalysis } from './question.js';
import type { Entity, EntityType } from './entities.js';
import type { TermStats } from './term-stats.js';
import { words } from '../index/tokenize.js';

/** Which entity types answer which question types; 'name' is an unclassified proper noun. */
export const COMPATIBLE: Record<AnswerType, readonly EntityType[]> = {
  person: ['person', 'name'],
  place: ['place', 'name', 'org'],
  org: ['org', 'name'],
  date: ['date'],
  number: ['number'],
  duration: ['duration', 'date'],
  quote: ['quote'],
  name: ['name', 'org', 'person', 'place', 'quote'],
  reason: [],
  other: [],
};

/**
 * IDF-weighted share of the question's corpus terms that occur in `present`.
 * 0..1; terms the corpus lacks entirely are left to `unknownShare`.
 */
export function coverage(questionTerms: readonly string[], present: ReadonlySet<string>, stats: TermStats): number {
  // Terms the corpus never uses still count in the total (at half the rarest weight): a sentence
  // matching one known word of a question made mostly of unknown words has not covered it.
  return weightedShare(questionTerms, stats, 0.5, (term) => term !== null && present.has(term));
}

/**
 * The IDF-weighted share of question terms for which `counts` holds; a term the corpus never uses
 * (resolved to null) weighs `unknownRarity` times the weight of a term found in one sentence.
 */
function weightedShare(questionTerms: readonly string[], stats: TermStats, unknownRarity: number, counts: (term: string | null) => boolean): number {
  const unknownWeight = Math.log(1 + stats.documents) * unknownRarity;
  let total = 0;
  let hit = 0;
  for (const raw of questionTerms) {
    const term = stats.resolve(raw);
    const weight = term ? stats.idf(term) : unknownWeight;
    total += weight;
    if (counts(term)) hit += weight;
  }
  return total > 0 ? hit / total : 0;
}

/**
 * Share of the question's neighbouring term pairs that also stand close together, in the same
 * order, in the sentence (within `window` terms): "Putin called Xi" over "Xi … called … Putin".
 * 0..1; 0 when the question has fewer than two corpus terms.
 */
export function proximity(questionTerms: readonly string[], sentenceTerms: readonly string[], window = 3): number {
  if (questionTerms.length < 2) return 0;
  const positions = new Map<string, number[]>();
  sentenceTerms.forEach((t, i) => positions.set(t, [...(positions.get(t) ?? []), i]));
  let pairs = 0;
  let close = 0;
  for (let i = 0; i + 1 < questionTerms.length; i++) {
    pairs++;
    const first = positions.get(questionTerms[i]!) ?? [];
    const second = positions.get(questionTerms[i + 1]!) ?? [];
    if (first.some((a) => second.some((b) => b > a && b - a <= window))) close++;
  }
  return close / pairs;
}

/**
 * Share of the question's weight carried by terms no sentence in the corpus contains ("tanks",
 * "daughter"): 0..1. High values mean the question is about something the articles never mention.
 */
export function unknownShare(questionTerms: readonly string[], stats: TermStats): number {
  return weightedShare(questionTerms, stats, 1, (term) => term === null);
}

/** Entities of the type the question asks for that the question does not already name. */
export function answeringEntities(question: QuestionAnalysis, entities: readonly Entity[]): Entity[] {
  const wanted = COMPATIBLE[question.type];
  return entities.filter(
    (e) =>
      wanted.includes(e.type) &&
      !words(e.text).every((w) => question.words.has(w)) &&
      // An unclassified single proper noun ("Peninsula") is too weak to be the person asked for.
      !(question.type === 'person' && e.type === 'name' && !/\s/.test(e.text)),
  );
}

/**
 * How much of what the user quoted stands together in the sentence: the largest share of the
 * quoted words found within any stretch of the sentence a few words longer than the quote. 0..1.
 */
export function quotedMatch(quoted: readonly string[], sentenceWords: readonly string[], slack = 3): number {
  if (quoted.length === 0) return 0;
  const wanted = new Set(quoted);
  const width = wanted.size + slack;
  let best = 0;
  for (let i = 0; i < sentenceWords.length; i++) {
    if (!wanted.has(sentenceWords[i]!)) continue;
    const found = new Set(sentenceWords.slice(i, i + width).filter((w) => wanted.has(w)));
    best = Math.max(best, found.size);
  }
  return best / wanted.size;
}

const FUTURE_MARKERS = /\b(will|would|is due to|are due to|plans? to|planned|is expected to|are expected to|next|upcoming|scheduled|is set to|are set to|later this)\b/i;

/** For "when will…" questions: does the sentence speak of the future at all? */
export function speaksOfFuture(text: string): boolean {
  return FUTURE_MARKERS.test(text);
}

/** Mild lead prior: news puts key facts first. 1 for the first sentence, 0.5 by the 10th. */
export function positionPrior(sentenceIndex: number): number {
  return 1 / (1 + sentenceIndex / 10);
}
