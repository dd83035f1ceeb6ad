/**
 * Occasion words that pin a period without a date: "before the parade", "after their talks". The occasion's day
 * is read from the retrieved passages: the day-precision dates named in dated articles' sentences that name the
 * occasion's head noun ("parade … on Wednesday" in an article of Thursday 4 September 2025 is 2025-09-03); the
 * day named most often wins (ties: the earliest). "Before" means the run-up: the OCCASION_WINDOW_DAYS before that
 * day ("after", the days after), not all of history, or any sentence recalling 2019 would count as confirmed.
 * When no such sentence is retrieved, the occasion sets no period.
 */
import type { Article, Sentence } from '../corpus/types.js';
import { isoDay, periodOf, type Period } from './calendar.js';
import { findDates } from './resolve-dates.js';
import type { TimeConstraint } from './time-constraint.js';
import type { TimeIndex } from './time-index.js';
import type { Candidate } from '../search/retrieve.js';

/** The run-up to (or aftermath of) an occasion: a week, the span within which story grouping joins dated reports. */
export const OCCASION_WINDOW_DAYS = 7;

export interface Occasion {
  relation: 'before' | 'after';
  /** As written: "before the parade". */
  words: string;
  /** The occasion's noun, lower-cased: "parade". */
  head: string;
}

const OCCASION = /\b(before|after|ahead\s+of|prior\s+to|following|since)\s+(?:the|their|his|her|its|this|that)\s+([\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,2})/giu;
/** Words that end the occasion's noun phrase ("the parade in Beijing" is "the parade"). */
const PHRASE_END = /^(?:in|on|at|of|and|or|with|for|to|where|when|by|from|was|were|did|does|is|are|who|which|that|than|but)$/i;

export function readOccasion(question: string): Occasion | null {
  for (const match of question.matchAll(OCCASION)) {
    const kept: string[] = [];
    for (const word of match[2]!.split(/\s+/)) {
      if (PHRASE_END.test(word)) break;
      kept.push(word);
    }
    const head = kept.at(-1)?.toLowerCase().replace(/[’']s$/, '');
    // A dated occasion ("before the 2024 talks") is the question reader's; a bare noun needs its day looked up.
    if (!head || head.length < 4 || findDates(kept.join(' '), null).length > 0) continue;
    const words = `${match[1]} ${match[0].slice(match[1]!.length).trim().split(/\s+/).slice(0, kept.length + 1).join(' ')}`;
    return { relation: /^(?:after|following|since)$/i.test(match[1]!) ? 'after' : 'before', words, head };
  }
  return null;
}

/** The occasion's day from the sentences given (see the top of the file); null when none names it with a day. */
export function occasionDay(occasion: Occasion, sentences: Iterable<{ article: Article; sentence: Sentence }>, time: TimeIndex): number | null {
  const named = new RegExp(`\\b${occasion.head.replace(/[^\p{L}’'-]/gu, '')}(?:e?s)?\\b`, 'iu');
  const counts = new Map<number, number>();
  for (const { article, sentence } of sentences) {
    if (time.dateOf(article.id).kind !== 'stated' || !named.test(sentence.text)) continue;
    for (const mention of time.sentenceDates(article, sentence)) {
      if (mention.date?.length !== 10) continue;
      const day = periodOf(mention.date)!.from;
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
  }
  let best: [number, number] | null = null;
  for (const [day, n] of counts) if (!best || n > best[1] || (n === best[1] && day < best[0])) best = [day, n];
  return best?.[0] ?? null;
}

/** The constraint narrowed to the days before (or after) the occasion, its words and day added for the trace. */
export function withOccasion(constraint: TimeConstraint, occasion: Occasion, day: number): TimeConstraint {
  const span: Period = occasion.relation === 'before' ? { from: day - OCCASION_WINDOW_DAYS, to: day - 1 } : { from: day + 1, to: day + OCCASION_WINDOW_DAYS };
  const period = constraint.period ? { from: Math.max(constraint.period.from, span.from), to: Math.min(constraint.period.to, span.to) } : span;
  return { ...constraint, period, words: [...constraint.words, `${occasion.words} (${isoDay(day)})`] };
}

/** "Before the parade": the occasion's day read from the retrieved passages narrows the period. */
export function withOccasionFrom(question: string, constraint: TimeConstraint, candidates: readonly Candidate[], time: TimeIndex): TimeConstraint {
  const occasion = readOccasion(question);
  if (!occasion) return constraint;
  const sentences = candidates.flatMap(({ article, passage }) => article.sentences.slice(passage.sentenceStart, passage.sentenceEnd).map((sentence) => ({ article, sentence })));
  const day = occasionDay(occasion, sentences, time);
  return day === null ? constraint : withOccasion(constraint, occasion, day);
}
