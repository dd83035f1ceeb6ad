/** Finds where an article names its publisher: the last sentence that contains the publisher's name. */
import type { Article, Sentence } from '../corpus/types.js';

export function publisherSpan(article: Article): { sentence: Sentence; span: { start: number; end: number } } | null {
  const name = article.publisher;
  if (!name) return null;
  for (let i = article.sentences.length - 1; i >= 0; i--) {
    const sentence = article.sentences[i]!;
    const at = sentence.text.lastIndexOf(name);
    if (at >= 0) return { sentence, span: { start: at, end: at + name.length } };
  }
  return null;
}
