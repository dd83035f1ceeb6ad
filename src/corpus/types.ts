/** Types produced by the corpus step and read by everything after it. */

/** A half-open character range [start, end) into `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** 'credit' is a trailing publisher/agency line (e.g. `Athens News Agency`): quotable, but not story text for summaries. */
export type ParagraphKind = 'body' | 'heading' | 'caption' | 'credit';

export interface Paragraph extends Span {
  /** 0-based position among the article's kept paragraphs. */
  index: number;
  kind: ParagraphKind;
}

export interface Sentence extends Span {
  /** 0-based position among the article's sentences (its reading order). */
  index: number;
  /** 0-based index into `Article.paragraphs`. */
  paragraph: number;
  /** Always equals `article.text.slice(start, end)`. */
  text: string;
  kind: ParagraphKind;
}

/** Page furniture left out of the index (kept for transparency, never quoted). */
export interface Furniture extends Span {
  reason: 'section-label' | 'duplicate-caption' | 'view-count' | 'relative-time' | 'also-read' | 'related-headlines' | 'date-line' | 'publisher-line' | 'title' | 'subtitle' | 'front-matter' | 'other';
}

export interface ArticleMeta {
  /** Path relative to the corpus folder with '/' separators; `records.jsonl#3` for the 4th record of a JSON file. */
  id: string;
  title: string;
  /** Where the title came from: the file's own title line/field, or the first sentence shortened. */
  titleSource: 'given' | 'first-sentence';
  subtitle: string | null;
  /** Publisher or agency when the text or metadata says it; null means unknown (never invented). */
  publisher: string | null;
  /** ISO date `YYYY-MM-DD` when the text or metadata says it; null means unknown. */
  date: string | null;
  url: string | null;
  /** The dateline place opening the first paragraph (`BEIJING` in `BEIJING – …`), when there is one; it stays in the sentence text. */
  dateline?: string;
  /** sha256 of the article's raw source, used for incremental ingest. */
  contentHash: string;
}

export interface Article extends ArticleMeta {
  /** The text every offset points into: the file text (or the JSON record's `text` field). */
  text: string;
  paragraphs: Paragraph[];
  /** The article's sentences in reading order, furniture excluded. */
  sentences: Sentence[];
  furniture: Furniture[];
}

/** A retrieval window: consecutive sentences of one article. */
export interface Passage extends Span {
  /** Index of this passage within its article. */
  index: number;
  article: string;
  /** First sentence index (inclusive) and last (exclusive), into `Article.sentences`. */
  sentenceStart: number;
  sentenceEnd: number;
  /** The text used for lexical and dense matching (the sentences joined; may differ from a raw slice where furniture was skipped). */
  text: string;
}

/** A file or record that could not be read, reported instead of stopping the ingest. */
export interface CorpusProblem {
  path: string;
  code: import('../errors.js').ErrorCode;
  message: string;
  hint: string;
}
