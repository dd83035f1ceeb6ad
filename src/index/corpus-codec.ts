/**
 * The persisted form of indexed articles and passages. Sentence texts are left out (each equals a slice of its
 * article's text, restored on load), which roughly halves the articles file.
 */
import type { Article, Passage, Sentence } from '../corpus/types.js';

type StoredSentence = Omit<Sentence, 'text'>;
type StoredArticle = Omit<Article, 'sentences'> & { sentences: StoredSentence[] };

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
    // Filled in place: a fresh object per sentence made loading a large index noticeably slower.
    for (const sentence of article.sentences as Sentence[]) {
      if (!(sentence.start >= 0 && sentence.start <= sentence.end && sentence.end <= article.text.length)) {
        throw new Error(`a sentence of ${article.id} lies outside its text`);
      }
      sentence.text = article.text.slice(sentence.start, sentence.end);
    }
    articles.set(article.id, article as Article);
  }
  return articles;
}

/** Passages as [label, passage] pairs, which load straight into a Map. */
export function encodePassages(passages: ReadonlyMap<number, Passage>): string {
  return JSON.stringify([...passages]);
}

/** Throws when the JSON is not a list of labelled passages. */
export function decodePassages(json: string): Map<number, Passage> {
  const stored = JSON.parse(json) as [number, Passage][];
  if (!Array.isArray(stored)) throw new Error('the passages file is not a list');
  for (const entry of stored) {
    const [label, passage] = Array.isArray(entry) ? entry : [];
    if (!Number.isInteger(label) || typeof passage?.text !== 'string' || typeof passage.article !== 'string') {
      throw new Error('a passage entry lacks its label, article or text');
    }
  }
  return new Map(stored);
}
