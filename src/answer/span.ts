/**
 * The exact part of a sentence that answers: the entity of the asked-for type nearest to where the
 * question's terms occur in the sentence, or the quoted phrase for "what did X call Y", or the
 * reason clause for "why". Offsets are relative to the sentence.
 */
import type { Entity } from './entities.js';
import type { QuestionAnalysis } from './question.js';
import { answeringEntities } from './features.js';
import { stem, words } from '../index/tokenize.js';

export interface SpanChoice {
  start: number;
  end: number;
  /** Words between the span and the nearest question term (0 when adjacent, or when no term occurs). */
  gap: number;
}

interface Range {
  start: number;
  end: number;
}

const REASON = /\b(because of|because|due to|owing to|as a result of|over|for)\b[^,;.”]*/i;

export function chooseSpan(question: QuestionAnalysis, sentence: string, entities: readonly Entity[], questionTerms: ReadonlySet<string>): SpanChoice | null {
  if (question.type === 'reason') {
    const match = REASON.exec(sentence);
    return match ? { start: match.index, end: match.index + match[0].trimEnd().length, gap: 0 } : null;
  }
  const candidates = answeringEntities(question, entities);
  if (candidates.length === 0) return null;
  const anchors = anchorWords(sentence, questionTerms);
  let best: Entity = candidates[0]!;
  let bestGap = Infinity;
  for (const entity of candidates) {
    const distance = anchors.length === 0 ? 0 : Math.min(...anchors.map((a) => wordsBetween(sentence, a, entity)));
    // Longer entities win ties: "Premier Li Qiang" over "Li".
    if (distance < bestGap || (distance === bestGap && entity.end - entity.start > best.end - best.start)) {
      best = entity;
      bestGap = distance;
    }
  }
  return { ...trimPunctuation(sentence, best.start, best.end), gap: bestGap };
}

/** Where the words whose stems the question uses occur in the sentence. */
function anchorWords(sentence: string, questionTerms: ReadonlySet<string>): Range[] {
  const out: Range[] = [];
  for (const match of sentence.matchAll(/[\p{L}\p{N}]+/gu)) {
    const [word] = words(match[0]);
    if (word && questionTerms.has(stem(word))) out.push({ start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** Words strictly between two ranges of the sentence (0 when they touch or overlap). */
function wordsBetween(sentence: string, a: Range, b: Range): number {
  if (a.end > b.start && b.end > a.start) return 0;
  const [from, to] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start];
  return (sentence.slice(from, to).match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function trimPunctuation(text: string, start: number, end: number): Range {
  while (end > start && /[\s,.;:!?]/.test(text[end - 1]!)) end--;
  while (start < end && /[\s,;:]/.test(text[start]!)) start++;
  return { start, end };
}
