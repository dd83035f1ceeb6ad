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
}

const REASON = /\b(because of|because|due to|owing to|as a result of|over|for)\b[^,;.”]*/i;

export function chooseSpan(question: QuestionAnalysis, sentence: string, entities: readonly Entity[], questionTerms: ReadonlySet<string>): SpanChoice | null {
  if (question.type === 'reason') {
    const match = REASON.exec(sentence);
    return match ? { start: match.index, end: match.index + match[0].trimEnd().length } : null;
  }
  const candidates = answeringEntities(question, entities);
  if (candidates.length === 0) return null;
  const anchors = anchorPositions(sentence, questionTerms);
  let best: Entity = candidates[0]!;
  let bestDistance = Infinity;
  for (const entity of candidates) {
    const distance = anchors.length === 0 ? entity.start : Math.min(...anchors.map((a) => gap(a, entity)));
    // Longer entities win ties: "Premier Li Qiang" over "Li".
    if (distance < bestDistance || (distance === bestDistance && entity.end - entity.start > best.end - best.start)) {
      best = entity;
      bestDistance = distance;
    }
  }
  return trimPunctuation(sentence, best.start, best.end);
}

/** Character positions of the words whose stems the question uses. */
function anchorPositions(sentence: string, questionTerms: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const match of sentence.matchAll(/[\p{L}\p{N}]+/gu)) {
    const [word] = words(match[0]);
    if (word && questionTerms.has(stem(word))) out.push(match.index);
  }
  return out;
}

function gap(position: number, entity: Entity): number {
  if (position < entity.start) return entity.start - position;
  if (position >= entity.end) return position - entity.end + 1;
  return 0;
}

function trimPunctuation(text: string, start: number, end: number): SpanChoice {
  while (end > start && /[\s,.;:!?]/.test(text[end - 1]!)) end--;
  while (start < end && /[\s,;:]/.test(text[start]!)) start++;
  return { start, end };
}
