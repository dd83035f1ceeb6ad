/** Synthetic news-sized articles for index benchmarks: Zipf-like words, 30 sentences in paragraphs of 3. */
import { createHash } from 'node:crypto';
import type { Article, Sentence } from '../../src/corpus/types.js';

export const SENTENCES_PER_ARTICLE = 30;

/** Words with a Zipf-like frequency, so the keyword index has a realistic vocabulary and posting lengths. */
export function wordSampler(seed: number): () => string {
  let state = seed;
  const random = (): number => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  const vocabulary = Array.from({ length: 50_000 }, (_, i) => i.toString(36).replace(/\d/g, (d) => 'aeiouybcdf'[Number(d)]!) + 'on');
  return () => vocabulary[Math.floor(Math.pow(vocabulary.length, random())) - 1]!;
}

export function syntheticArticle(index: number, nextWord: () => string, edition = 0): Article {
  const sentences: Sentence[] = [];
  let text = '';
  for (let i = 0; i < SENTENCES_PER_ARTICLE; i++) {
    const words = Array.from({ length: 12 + ((index + i) % 20) }, nextWord);
    const sentence = `${words.join(' ')}${edition ? ` edition ${edition}` : ''}.`;
    if (i > 0) text += ' ';
    sentences.push({ index: i, paragraph: Math.floor(i / 3), start: text.length, end: text.length + sentence.length, text: sentence, kind: 'body' });
    text += sentence;
  }
  const paragraphs = Array.from({ length: SENTENCES_PER_ARTICLE / 3 }, (_, p) => ({ index: p, kind: 'body' as const, start: sentences[p * 3]!.start, end: sentences[p * 3 + 2]!.end }));
  return {
    id: `news/${String(index).padStart(6, '0')}.txt`,
    title: sentences[0]!.text.slice(0, 60),
    titleSource: 'first-sentence',
    subtitle: null,
    publisher: 'Bench Wire',
    date: '2025-09-03',
    url: null,
    contentHash: createHash('sha256').update(text).digest('hex'),
    text,
    paragraphs,
    sentences,
    furniture: [],
  };
}
