/**
 * The persisted form of indexed articles and passages. Texts that can be rebuilt are left out: a sentence's text is a
 * slice of its article's text, and a passage's text is usually its sentences joined by spaces (stored only when it
 * is not). Sentences and passages are stored as columns (see columns.ts), which parse much faster than objects.
 */
import type { Article, Passage, Sentence } from '../corpus/types.js';
import { fromColumns, toColumns, type Columns } from './columns.js';

type StoredArticle = Omit<Article, 'sentences'> & { sentences: Columns };

export function encodeArticles(articles: Iterable<Article>): string {
  const stored: StoredArticle[] = [];
  for (const article of articles) {
    stored.push({ ...article, sentences: toColumns(article.sentences.map(({ text: _text, ...sentence }) => sentence)) });
  }
  return JSON.stringify(stored);
}

/** Throws when the JSON is not a list of articles whose sentences lie inside their text. */
export function decodeArticles(json: string): Map<string, Article> {
  const stored = JSON.parse(json) as StoredArticle[];
  if (!Array.isArray(stored)) throw new Error('the articles file is not a list');
  const articles = new Map<string, Article>();
  for (const entry of stored) {
    if (typeof entry?.id !== 'string' || typeof entry.text !== 'string') throw new Error('an article entry lacks its id or text');
    const sentences = fromColumns<Sentence>(entry.sentences);
    for (const sentence of sentences) {
      if (!(sentence.start >= 0 && sentence.start <= sentence.end && sentence.end <= entry.text.length)) {
        throw new Error(`a sentence of ${entry.id} lies outside its text`);
      }
      sentence.text = entry.text.slice(sentence.start, sentence.end);
    }
    const article = entry as unknown as Article;
    article.sentences = sentences;
    articles.set(article.id, article);
  }
  return articles;
}

interface StoredPassages {
  labels: number[];
  /** Passage fields as columns; `text` is null where it equals the sentences joined by spaces. */
  passages: Columns;
}

export function encodePassages(passages: ReadonlyMap<number, Passage>, articles: ReadonlyMap<string, Article>): string {
  const rows: (Omit<Passage, 'text'> & { text: string | null })[] = [];
  for (const passage of passages.values()) {
    const article = articles.get(passage.article);
    const rebuildable = article !== undefined && joinedSentences(article, passage) === passage.text;
    rows.push({ ...passage, text: rebuildable ? null : passage.text });
  }
  const stored: StoredPassages = { labels: [...passages.keys()], passages: toColumns(rows) };
  return JSON.stringify(stored);
}

/** Throws when the JSON is not a list of labelled passages over sentences of indexed articles. */
export function decodePassages(json: string, articles: ReadonlyMap<string, Article>): Map<number, Passage> {
  const stored = JSON.parse(json) as StoredPassages;
  const rows = fromColumns<Omit<Passage, 'text'> & { text: string | null }>(stored?.passages);
  if (!Array.isArray(stored.labels) || stored.labels.length !== rows.length) throw new Error('passage labels do not match the passages');
  const passages = new Map<number, Passage>();
  rows.forEach((row, i) => {
    const label = stored.labels[i];
    const article = articles.get(row.article);
    if (!Number.isInteger(label) || !article || !(row.sentenceStart >= 0 && row.sentenceEnd <= article.sentences.length)) {
      throw new Error(`passage ${String(label)} names sentences of no indexed article`);
    }
    row.text ??= joinedSentences(article, row);
    passages.set(label!, row as Passage);
  });
  return passages;
}

function joinedSentences(article: Article, passage: Pick<Passage, 'sentenceStart' | 'sentenceEnd'>): string {
  let text = '';
  for (let i = passage.sentenceStart; i < passage.sentenceEnd; i++) text += (i > passage.sentenceStart ? ' ' : '') + article.sentences[i]!.text;
  return text;
}
