/**
 * Test double for the corpus parser: builds an Article from paragraphs, splitting sentences at ". " naively.
 * Only for the pure summary tests; the seed tests use the real parser.
 */
import type { Article, ParagraphKind, Sentence } from '../../src/corpus/types.js';
import type { SummarySource } from '../../src/summary/source.js';

export interface ParagraphSpec {
  text: string;
  kind?: ParagraphKind;
}

export function makeArticle(id: string, paragraphs: Array<string | ParagraphSpec>, meta: Partial<Article> = {}): Article {
  const specs = paragraphs.map((p) => (typeof p === 'string' ? { text: p } : p));
  const text = specs.map((p) => p.text).join('\n\n');
  const article: Article = {
    id,
    title: meta.title ?? id,
    titleSource: 'given',
    subtitle: null,
    publisher: meta.publisher ?? null,
    date: meta.date ?? null,
    url: null,
    contentHash: id,
    text,
    paragraphs: [],
    sentences: [],
    furniture: [],
  };
  let offset = 0;
  for (const [index, spec] of specs.entries()) {
    const kind = spec.kind ?? 'body';
    article.paragraphs.push({ index, kind, start: offset, end: offset + spec.text.length });
    for (const match of spec.text.matchAll(/[^.!?]+[.!?]*/g)) {
      const raw = match[0];
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (!body) continue;
      const start = offset + match.index + lead;
      const sentence: Sentence = { index: article.sentences.length, paragraph: index, start, end: start + body.length, text: body, kind };
      article.sentences.push(sentence);
    }
    offset += spec.text.length + 2;
  }
  return article;
}

/** A source over the given articles with optional vectors keyed `articleId#sentenceIndex`. */
export function makeSource(articles: Article[], vectors: Map<string, Float32Array> = new Map()): SummarySource {
  return {
    articles: new Map(articles.map((a) => [a.id, a])),
    sentenceVector: (articleId, sentenceIndex) => vectors.get(`${articleId}#${sentenceIndex}`),
  };
}

export function unit(...values: number[]): Float32Array {
  const norm = Math.hypot(...values);
  return Float32Array.from(values.map((v) => v / norm));
}
