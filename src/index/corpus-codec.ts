/**
 * The persisted form of indexed articles and passages. Texts that can be rebuilt are left out: a sentence's text is a
 * slice of its article's text, and a passage's text is usually its sentences joined by spaces (stored only when it
 * is not). That roughly halves the articles file and shrinks the passages file sevenfold.
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

type StoredPassage = Omit<Passage, 'text'> & { text?: string };

/** Passages as [label, passage] pairs, which load straight into a Map. */
export function encodePassages(passages: ReadonlyMap<number, Passage>, articles: ReadonlyMap<string, Article>): string {
  const stored: [number, StoredPassage][] = [];
  for (const [label, passage] of passages) {
    const article = articles.get(passage.article);
    const rebuildable = article !== undefined && joinedSentences(article, passage) === passage.text;
    stored.push([label, rebuildable ? withoutText(passage) : passage]);
  }
  return JSON.stringify(stored);
}

/** Throws when the JSON is not a list of labelled passages of known articles. */
export function decodePassages(json: string, articles: ReadonlyMap<string, Article>): Map<number, Passage> {
  const stored = JSON.parse(json) as [number, StoredPassage][];
  if (!Array.isArray(stored)) throw new Error('the passages file is not a list');
  for (let i = 0; i < stored.length; i++) {
    const label = stored[i]?.[0];
    const passage = stored[i]?.[1];
    const article = typeof passage?.article === 'string' ? articles.get(passage.article) : undefined;
    if (!Number.isInteger(label) || !passage || !article || !(passage.sentenceStart >= 0 && passage.sentenceEnd <= article.sentences.length)) {
      throw new Error(`passage entry ${i} lacks its label or names sentences of no indexed article`);
    }
    passage.text ??= joinedSentences(article, passage);
  }
  return new Map(stored as [number, Passage][]);
}

function joinedSentences(article: Article, passage: Pick<Passage, 'sentenceStart' | 'sentenceEnd'>): string {
  let text = '';
  for (let i = passage.sentenceStart; i < passage.sentenceEnd; i++) text += (i > passage.sentenceStart ? ' ' : '') + article.sentences[i]!.text;
  return text;
}

function withoutText({ text: _text, ...passage }: Passage): StoredPassage {
  return passage;
}
