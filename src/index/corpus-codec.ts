/**
 * The persisted form of indexed articles and passages. Sentence texts are left out (each equals a slice of its
 * article's text, restored on load), which roughly halves the articles file.
 */
import type { Article, Passage, Sentence } from '../corpus/types.js';

type StoredSentence = Omit<Sentence, 'text'>;
type StoredArticle = Omit<Article, 'sentences'> & { sentences: StoredSentence[] };
type StoredPassage = Passage & { label: number };

export function encodeArticles(articles: Iterable<Article>): string {
  const stored: StoredArticle[] = [];
  for (const article of articles) {
    stored.push({ ...article, sentences: article.sentences.map(({ text: _text, ...sentence }) => sentence) });
  }
  return JSON.stringify(stored);
}

/** Throws when the JSON is not an array of articles whose sentences lie inside their text. */
export function decodeArticles(json: string): Map<string, Article> {
  const stored = JSON.parse(json) as StoredArticle[];
  if (!Array.isArray(stored)) throw new Error('the articles file is not a list');
  const articles = new Map<string, Article>();
  for (const article of stored) {
    if (typeof article?.id !== 'string' || typeof article.text !== 'string' || !Array.isArray(article.sentences)) {
      throw new Error('an article entry lacks its id, text or sentences');
    }
    const sentences = article.sentences.map((sentence): Sentence => {
      if (!(sentence.start >= 0 && sentence.start <= sentence.end && sentence.end <= article.text.length)) {
        throw new Error(`a sentence of ${article.id} lies outside its text`);
      }
      return { ...sentence, text: article.text.slice(sentence.start, sentence.end) };
    });
    articles.set(article.id, { ...article, sentences });
  }
  return articles;
}

export function encodePassages(passages: ReadonlyMap<number, Passage>): string {
  const stored: StoredPassage[] = [];
  for (const [label, passage] of passages) stored.push({ label, ...passage });
  return JSON.stringify(stored);
}

/** Throws when the JSON is not a list of labelled passages. */
export function decodePassages(json: string): Map<number, Passage> {
  const stored = JSON.parse(json) as StoredPassage[];
  if (!Array.isArray(stored)) throw new Error('the passages file is not a list');
  const passages = new Map<number, Passage>();
  for (const { label, ...passage } of stored) {
    if (!Number.isInteger(label) || typeof passage.text !== 'string' || typeof passage.article !== 'string') {
      throw new Error('a passage entry lacks its label, article or text');
    }
    passages.set(label, passage);
  }
  return passages;
}
