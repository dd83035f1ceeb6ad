import type { Article, Passage } from './types.js';

export interface PassageOptions {
  /** Sentences per window; default 3, at least 1. */
  size?: number;
  /** Sentences from one window's start to the next; default 2, at least 1 (below `size` windows overlap). */
  stride?: number;
}

/**
 * Retrieval windows of consecutive sentences. Windows never reach across page furniture and a
 * heading always opens a new window, so a window reads as one stretch of the story.
 */
export function buildPassages(article: Article, options: PassageOptions = {}): Passage[] {
  const size = Math.max(1, Math.floor(options.size ?? 3));
  const stride = Math.max(1, Math.floor(options.stride ?? 2));
  const passages: Passage[] = [];
  for (const [runStart, runEnd] of sentenceRuns(article)) {
    for (let start = runStart; start < runEnd; start += stride) {
      const end = Math.min(start + size, runEnd);
      passages.push(passage(article, passages.length, start, end));
      if (end === runEnd) break;
    }
  }
  return passages;
}

/** [start, end) sentence ranges split where a heading starts or furniture lies between two sentences. */
function sentenceRuns(article: Article): [number, number][] {
  const runs: [number, number][] = [];
  const furnitureStarts = article.furniture.map((item) => item.start).sort((a, b) => a - b);
  let nextFurniture = 0;
  let runStart = 0;
  article.sentences.forEach((sentence, i) => {
    const previous = article.sentences[i - 1];
    let furnitureBetween = false;
    while ((furnitureStarts[nextFurniture] ?? Infinity) < sentence.start) {
      furnitureBetween ||= previous !== undefined && (furnitureStarts[nextFurniture] ?? -1) >= previous.end;
      nextFurniture++;
    }
    if (previous !== undefined && (sentence.kind === 'heading' || furnitureBetween)) {
      runs.push([runStart, i]);
      runStart = i;
    }
  });
  if (article.sentences.length > runStart) runs.push([runStart, article.sentences.length]);
  return runs;
}

function passage(article: Article, index: number, start: number, end: number): Passage {
  const sentences = article.sentences.slice(start, end);
  return {
    index,
    article: article.id,
    sentenceStart: start,
    sentenceEnd: end,
    start: sentences[0]?.start ?? 0,
    end: sentences.at(-1)?.end ?? 0,
    text: sentences.map((sentence) => sentence.text).join(' '),
  };
}
