/**
 * Opening the PostgreSQL index: one consistent snapshot (a repeatable-read transaction) of the articles, their
 * sentences with offsets and vectors, and the passages. Candidate searches go to the database on every question
 * (see pg-search.ts); what is read here is what the answer and summary steps read synchronously.
 */
import type pg from 'pg';
import type { Article, Passage, Sentence } from '../../corpus/types.js';
import type { EmbedderInfo } from '../../embedding/embedder.js';
import { VerbatimError } from '../../errors.js';
import { terms } from '../tokenize.js';
import type { ServingIndex } from '../serving-index.js';
import { pgSearch } from './pg-search.js';

export interface StoreMeta {
  embedderId: string;
  dimension: number;
  generation: number;
  nextLabel: number;
}

export async function readMeta(client: pg.ClientBase): Promise<StoreMeta | null> {
  const { rows } = await client.query<{ embedder_id: string; dimension: number; generation: string; next_label: string }>(
    'SELECT embedder_id, dimension, generation, next_label FROM store_meta',
  );
  const row = rows[0];
  return row ? { embedderId: row.embedder_id, dimension: row.dimension, generation: Number(row.generation), nextLabel: Number(row.next_label) } : null;
}

/** Throws INDEX_MISSING (nothing ingested yet) or INDEX_MODEL_MISMATCH (written by another embedder). */
export async function openPgIndex(pool: pg.Pool, info: EmbedderInfo, location: string): Promise<ServingIndex & { generation: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const meta = await readMeta(client);
    if (!meta) throw new VerbatimError('INDEX_MISSING', `No index for ${info.name} in ${location}.`);
    if (meta.embedderId !== info.id || meta.dimension !== info.dimension) {
      throw new VerbatimError('INDEX_MODEL_MISMATCH', `The index in ${location} was built with ${meta.embedderId} (${meta.dimension}-d), config says ${info.id} (${info.dimension}-d).`);
    }
    const articles = await readArticles(client);
    const vectors = await readSentences(client, articles, info.dimension);
    const passages = await readPassages(client);
    await client.query('COMMIT');
    const sentences = [...articles.values()].reduce((n, a) => n + a.sentences.length, 0);
    return {
      dir: location,
      generation: meta.generation,
      counts: { articles: articles.size, passages: passages.size, sentences },
      writtenAt: null,
      articles,
      passages,
      lexical: documentFrequencies(passages),
      search: pgSearch(pool, passages.size),
      sentenceVector(articleId, sentenceIndex) {
        const rows = vectors.get(articleId);
        const d = info.dimension;
        if (!rows || !Number.isInteger(sentenceIndex) || sentenceIndex < 0 || (sentenceIndex + 1) * d > rows.length) return undefined;
        return rows.subarray(sentenceIndex * d, (sentenceIndex + 1) * d);
      },
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function readArticles(client: pg.PoolClient): Promise<Map<string, Article>> {
  const { rows } = await client.query<{ id: string; text: string; meta: Omit<Article, 'text' | 'sentences'> }>('SELECT id, text, meta FROM articles ORDER BY id');
  return new Map(rows.map((row) => [row.id, { ...row.meta, id: row.id, text: row.text, sentences: [] }]));
}

/** Articles whose sentences are read per query: the whole table at once held every row's vector twice (hex text and bytes) at the peak of a shard's start-up. */
const SENTENCE_CHUNK_ARTICLES = 256;

type SentenceRow = { article_id: string; idx: number; start_offset: number; end_offset: number; paragraph: number; kind: Sentence['kind']; embedding: Buffer };

/**
 * Fills each article's sentences (text sliced from the article at the stored offsets) and returns its vector rows.
 * Vectors come in pgvector's binary form (vector_send): parsing their text form was most of a shard's start-up.
 */
async function readSentences(client: pg.PoolClient, articles: Map<string, Article>, dimension: number): Promise<Map<string, Float32Array>> {
  const vectors = new Map<string, Float32Array>();
  for (const article of articles.values()) vectors.set(article.id, new Float32Array(0));
  const ids = [...articles.keys()];
  for (let start = 0; start < ids.length; start += SENTENCE_CHUNK_ARTICLES) {
    const { rows } = await client.query<SentenceRow>(
      'SELECT article_id, idx, start_offset, end_offset, paragraph, kind, vector_send(embedding) AS embedding FROM sentences WHERE article_id = ANY($1::text[]) ORDER BY article_id, idx',
      [ids.slice(start, start + SENTENCE_CHUNK_ARTICLES)],
    );
    fillSentences(rows, articles, dimension, vectors);
  }
  return vectors;
}

/** `rows` ordered by article and index: each article's sentences and its block of vectors. */
function fillSentences(rows: readonly SentenceRow[], articles: Map<string, Article>, dimension: number, vectors: Map<string, Float32Array>): void {
  let i = 0;
  while (i < rows.length) {
    const id = rows[i]!.article_id;
    const article = articles.get(id);
    let end = i;
    while (end < rows.length && rows[end]!.article_id === id) end++;
    if (!article) throw new VerbatimError('INDEX_CORRUPT', `Sentences of an unknown article ${id} in the database.`);
    const block = new Float32Array((end - i) * dimension);
    for (let r = i; r < end; r++) {
      const row = rows[r]!;
      if (row.idx !== r - i || row.end_offset > article.text.length) throw new VerbatimError('INDEX_CORRUPT', `Sentence ${row.idx} of ${id} is out of place or outside its text.`);
      article.sentences.push({ index: row.idx, paragraph: row.paragraph, kind: row.kind, start: row.start_offset, end: row.end_offset, text: article.text.slice(row.start_offset, row.end_offset) });
      readVector(row.embedding, dimension, block, (r - i) * dimension);
    }
    vectors.set(id, block);
    i = end;
  }
}

async function readPassages(client: pg.PoolClient): Promise<Map<number, Passage>> {
  const { rows } = await client.query<{ label: string; article_id: string; idx: number; sentence_start: number; sentence_end: number; start_offset: number; end_offset: number; text: string }>(
    'SELECT label, article_id, idx, sentence_start, sentence_end, start_offset, end_offset, text FROM passages ORDER BY label',
  );
  return new Map(
    rows.map((r) => [
      Number(r.label),
      { index: r.idx, article: r.article_id, sentenceStart: r.sentence_start, sentenceEnd: r.sentence_end, start: r.start_offset, end: r.end_offset, text: r.text },
    ]),
  );
}

/** pgvector's binary form: int16 dimension, int16 unused, then the values as big-endian float4. */
function readVector(bytes: Buffer, dimension: number, into: Float32Array, offset: number): void {
  const stored = bytes.length >= 4 ? bytes.readInt16BE(0) : -1;
  if (stored !== dimension || bytes.length !== 4 + 4 * dimension) throw new VerbatimError('INDEX_CORRUPT', `A stored vector has ${stored} dimensions, expected ${dimension}.`);
  for (let i = 0; i < dimension; i++) into[offset + i] = bytes.readFloatBE(4 + 4 * i);
}

/** The answer step's IDF source, analysed exactly as the files store's BM25 index analyses passages. */
function documentFrequencies(passages: ReadonlyMap<number, Passage>): ServingIndex['lexical'] {
  const df = new Map<string, number>();
  for (const passage of passages.values()) for (const term of new Set(terms(passage.text))) df.set(term, (df.get(term) ?? 0) + 1);
  return { size: passages.size, documentsWith: (term) => df.get(term) ?? 0, vocabulary: () => df.keys() };
}
