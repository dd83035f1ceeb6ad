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
  /** Weighted share of the question's terms within a few words of the span: the local context that asks for it. */
  context: number;
}

/** Words either side of a span that count as its local context. */
const CONTEXT_WORDS = 8;

interface Range {
  start: number;
  end: number;
}

/** Words that introduce a reason, strongest first: the span runs from the first found to the clause's end. */
const REASON_MARKERS: readonly RegExp[] = [
  /\b(because of|because|due to|owing to|as a result of|in the wake of|in the aftermath of|thanks to)\b/i,
  /\b(after|following|amid|boosted by|hit by|blamed [^.;]*? on|claiming|citing)\b/i,
  /\b(so that|in order to|to (?!the\b|a\b|an\b|be\b)[a-z]+)\b/i,
];
/** A reason clause ends at the sentence's or a quote's end, or where the reporting tail begins. */
const CLAUSE_END = /[;.!?”"]|,\s*(according to|analysts said|he said|she said|they said|it said|said|says|adding)\b/i;

/**
 * @param weight how much a question term counts in the local context (IDF in the engine; 1 by default)
 */
export function chooseSpan(
  question: QuestionAnalysis,
  sentence: string,
  entities: readonly Entity[],
  questionTerms: ReadonlySet<string>,
  weight: (term: string) => number = () => 1,
): SpanChoice | null {
  if (question.type === 'reason') return reasonSpan(sentence);
  const candidates = answeringEntities(question, entities);
  if (candidates.length === 0) return null;
  const anchors = anchorWords(sentence, questionTerms);
  const total = [...questionTerms].reduce((sum, t) => sum + weight(t), 0) || 1;
  let best: { entity: Entity; gap: number; context: number } | null = null;
  for (const entity of candidates) {
    const distances = anchors.map((a) => wordsBetween(sentence, a, entity));
    const gap = anchors.length === 0 ? 0 : Math.min(...distances);
    const near = new Set(anchors.filter((_, i) => distances[i]! <= CONTEXT_WORDS).map((a) => a.term));
    const context = [...near].reduce((sum, t) => sum + weight(t), 0) / total;
    // The entity whose surroundings say most of what the question asks, then the nearest; longer ones win ties ("Premier Li Qiang" over "Li").
    if (
      !best ||
      context > best.context + 1e-9 ||
      (Math.abs(context - best.context) <= 1e-9 && (gap < best.gap || (gap === best.gap && entity.end - entity.start > best.entity.end - best.entity.start)))
    ) {
      best = { entity, gap, context };
    }
  }
  const chain = question.list ? listChain(sentence, candidates, best!.entity) : null;
  const chosen = chain ?? best!.entity;
  return { ...trimPunctuation(sentence, chosen.start, chosen.end), gap: best!.gap, context: best!.context };
}

/** Words a list may put between two items ("Maurice Watkins, commercial director Andy Anson and …"). */
const LIST_GAP_WORDS = 5;

/**
 * For a list question, the run of answering entities around `anchor` that the sentence enumerates (items
 * separated by commas, "and", "or", or a few words such as a title): the items asked for, as one span.
 */
function listChain(sentence: string, entities: readonly Entity[], anchor: Entity): Range | null {
  const sorted = [...entities].sort((a, b) => a.start - b.start).filter((e, i, all) => i === 0 || e.start >= all[i - 1]!.end);
  const at = sorted.findIndex((e) => e.start === anchor.start);
  if (at < 0) return null;
  const joined = (a: Entity, b: Entity) => {
    const between = sentence.slice(a.end, b.start);
    return /^[\s,;]*(and|or|as well as|&)?\b/.test(between) && !/[.;:]/.test(between) && (between.match(/[\p{L}\p{N}]+/gu) ?? []).length <= LIST_GAP_WORDS && /,|\band\b|\bor\b/.test(between);
  };
  let first = at;
  let last = at;
  while (first > 0 && joined(sorted[first - 1]!, sorted[first]!)) first--;
  while (last + 1 < sorted.length && joined(sorted[last]!, sorted[last + 1]!)) last++;
  return last > first ? { start: sorted[first]!.start, end: sorted[last]!.end } : null;
}

/** The reason clause: from the strongest reason marker to the end of its clause. */
export function reasonSpan(sentence: string): SpanChoice | null {
  for (const marker of REASON_MARKERS) {
    const match = marker.exec(sentence);
    if (!match) continue;
    const rest = sentence.slice(match.index);
    const end = CLAUSE_END.exec(rest.slice(match[0].length));
    const stop = match.index + match[0].length + (end ? end.index : rest.length - match[0].length);
    const range = trimPunctuation(sentence, match.index, stop);
    if (range.end - range.start > match[0].length + 2) return { ...range, gap: 0, context: 0 };
  }
  return null;
}

/** Where the words whose stems the question uses occur in the sentence. */
function anchorWords(sentence: string, questionTerms: ReadonlySet<string>): Array<Range & { term: string }> {
  const out: Array<Range & { term: string }> = [];
  for (const match of sentence.matchAll(/[\p{L}\p{N}]+/gu)) {
    const [word] = words(match[0]);
    const term = word ? stem(word) : null;
    if (term && questionTerms.has(term)) out.push({ start: match.index, end: match.index + match[0].length, term });
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
