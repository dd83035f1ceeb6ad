/** Hand-built articles for index tests (independent of the corpus parser): one paragraph, sentences split on ". ". */
import { createHash } from 'node:crypto';
import type { Article, Passage, Sentence } from '../../src/corpus/types.js';

export function makeArticle(id: string, sentenceTexts: readonly string[]): Article {
  const sentences: Sentence[] = [];
  let text = '';
  sentenceTexts.forEach((sentenceText, index) => {
    if (index > 0) text += ' ';
    sentences.push({ index, paragraph: 0, start: text.length, end: text.length + sentenceText.length, text: sentenceText, kind: 'body' });
    text += sentenceText;
  });
  return {
    id,
    title: sentenceTexts[0] ?? id,
    titleSource: 'first-sentence',
    subtitle: null,
    publisher: null,
    date: null,
    url: null,
    contentHash: createHash('sha256').update(text).digest('hex'),
    text,
    paragraphs: [{ index: 0, kind: 'body', start: 0, end: text.length }],
    sentences,
    furniture: [],
  };
}

/** Windows of `size` sentences with no overlap: enough passage building for index tests. */
export function windowPassages(article: Article, size = 2): Passage[] {
  const passages: Passage[] = [];
  for (let start = 0; start < article.sentences.length; start += size) {
    const end = Math.min(start + size, article.sentences.length);
    const first = article.sentences[start]!;
    const last = article.sentences[end - 1]!;
    passages.push({
      index: passages.length,
      article: article.id,
      sentenceStart: start,
      sentenceEnd: end,
      start: first.start,
      end: last.end,
      text: article.sentences.slice(start, end).map((s) => s.text).join(' '),
    });
  }
  return passages;
}
