/**
 * The BBC News Summary articles (../shared/data, read-only) as a news corpus: the 2,127 unique articles (98 exact
 * duplicates of the 2,225 left out) in a fixed-seed order, parsed as the engine parses a JSONL record (and as
 * bench/summary parses them, so sentence texts and their cached vectors are shared), with their USE lite vectors.
 */
import path from 'node:path';
import { parseArticle } from '../../src/corpus/parse-article.js';
import type { Article } from '../../src/corpus/types.js';
import type { CachedEmbedder } from '../../src/embedding/cached-embedder.js';
import { readBbc, type BbcRecord } from '../summary/bbc-data.js';
import type { CorpusRecord } from './jsonl-corpus.js';
import { seededSample } from './random.js';

export interface BbcBase {
  records: CorpusRecord[];
  /** Parsed like the engine parses these records (the title given apart from the text). */
  articles: Article[];
}

const ORDER_SEED = 2004;
const CHUNK = 2000;

/** The first `count` articles of the fixed order (all when null). */
export async function loadBbcBase(dataDir: string, count: number | null): Promise<BbcBase> {
  const all: BbcRecord[] = await readBbc(path.join(dataDir, 'bbc-news-summary', 'bbc-news-summary.jsonl'));
  const ordered = seededSample(all, all.length, ORDER_SEED).slice(0, count ?? all.length);
  const records = ordered.map((r) => ({ id: r.id, title: r.title, text: r.text }));
  const articles = records.map((r) => parseArticle({ id: r.id, text: r.text, contentHash: r.id, meta: { title: r.title } }));
  return { records, articles };
}

/**
 * Sentence text → vector for every sentence of the base articles, through the shared cache (the file the summary
 * benchmark fills with the same sentences), embedding only what it lacks. Chunked, with a save after each chunk,
 * so an interrupted first run keeps what it embedded.
 */
export async function bbcSentenceVectors(base: BbcBase, embedder: CachedEmbedder, log: (line: string) => void): Promise<Map<string, Float32Array>> {
  const texts = [...new Set(base.articles.flatMap((a) => a.sentences.map((s) => s.text)))];
  const byText = new Map<string, Float32Array>();
  for (let from = 0; from < texts.length; from += CHUNK) {
    const chunk = texts.slice(from, from + CHUNK);
    const vectors = await embedder.embed(chunk);
    chunk.forEach((text, i) => byText.set(text, vectors[i]!));
    await embedder.flush();
    if (embedder.stats.misses > 0) log(`BBC sentence vectors: ${Math.min(from + CHUNK, texts.length)}/${texts.length} (${embedder.stats.misses} embedded)`);
  }
  return byText;
}
