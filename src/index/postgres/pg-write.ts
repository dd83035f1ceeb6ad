/**
 * Ingest into PostgreSQL. Ingests are serialised by a session advisory lock held from reading what is indexed to the
 * commit, so two processes never embed or write at once. Only new and changed articles are embedded (before any
 * write); everything the new generation changes is then written in ONE transaction: a crash or a lost connection
 * at any point leaves the previous generation committed and queryable, and a rebuild (another embedder, or asked
 * for) replaces the whole index in that same transaction.
 */
import type pg from 'pg';
import type { Article, Passage } from '../../corpus/types.js';
import type { IngestProgress, IngestReport } from '../ingest-report.js';
import type { StoreIngestParams } from '../index-store.js';
import { checkPassage, embedSentences } from '../ingest.js';
import { planIngest } from '../ingest-plan.js';
import { passageVector } from '../passage-vector.js';
import { LOCK_KEYS } from './migrate.js';
import { readMeta, type StoreMeta } from './pg-read.js';
import { vectorLiteral } from './vector-literal.js';

export type PgIngestParams = Omit<StoreIngestParams, 'onProgress' | 'onLockTakenOver'> & {
  /** The writer awaits what this returns, so a test can act at a chosen point of the write. */
  onProgress?: (progress: IngestProgress) => void | Promise<void>;
};

export interface PgIngestResult {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  embedded: number;
  /** Sentences embedded from their first MAX_EMBED_CHARS characters only. */
  capped: number;
  generation: number;
  rebuilt: IngestReport['rebuilt'];
}

/** Rows per INSERT … SELECT unnest(…): large enough for few round trips, small enough for modest messages. */
const WRITE_BATCH = 500;
/** Beyond this many new passages (or on a rebuild) the HNSW index is dropped and rebuilt after the load, which is faster. */
const REBUILD_HNSW_AFTER = 5_000;

export async function ingestIntoPg(pool: pg.Pool, params: PgIngestParams): Promise<PgIngestResult> {
  const client = await pool.connect();
  // A checked-out client whose server process dies emits 'error' outside any query; the failing query reports it.
  const ignore = (): void => {};
  client.on('error', ignore);
  try {
    await client.query("SET application_name = 'verbatim-ingest'");
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEYS.ingest]);
    let result: PgIngestResult;
    try {
      result = await ingestLocked(client, params);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEYS.ingest]).catch(() => {});
    }
    client.off('error', ignore);
    client.release();
    return result;
  } catch (error) {
    // A connection that died mid-write is discarded, not returned to the pool.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

async function ingestLocked(client: pg.PoolClient, params: PgIngestParams): Promise<PgIngestResult> {
  const info = params.embedder.info;
  const meta = await readMeta(client);
  const otherEmbedder = meta !== null && (meta.embedderId !== info.id || meta.dimension !== info.dimension);
  const fresh = meta === null || otherEmbedder || params.rebuild === true;
  const rebuilt: IngestReport['rebuilt'] = params.rebuild
    ? { code: 'REBUILD_REQUESTED', message: 'The index was rebuilt from scratch as requested.' }
    : otherEmbedder
      ? { code: 'INDEX_MODEL_MISMATCH', message: `The index was built with ${meta!.embedderId} (${meta!.dimension}-d), config says ${info.id} (${info.dimension}-d). It was rebuilt from scratch.` }
      : null;
  const indexed = fresh ? new Map<string, string>() : await indexedHashes(client);
  const plan = planIngest(indexed, params.articles);
  const incoming = [...plan.added, ...plan.changed];
  const vectors = await embedSentences(params.embedder, incoming, params.onProgress, params.checkpoint);
  const built = incoming.map((article) => ({ article, passages: params.buildPassages(article) }));
  const newPassages = built.reduce((n, b) => n + b.passages.length, 0);
  const dirty = fresh || incoming.length > 0 || plan.removed.length > 0;
  if (!dirty) return { ...counts(plan), embedded: 0, capped: 0, generation: meta!.generation, rebuilt };

  const generation = (meta?.generation ?? 0) + 1;
  await client.query('BEGIN');
  try {
    const rebuildHnsw = fresh || newPassages > REBUILD_HNSW_AFTER;
    if (fresh) await resetFor(client, info.dimension, meta);
    if (rebuildHnsw) await client.query('DROP INDEX IF EXISTS passages_embedding_hnsw');
    const gone = [...plan.removed, ...plan.changed.map((a) => a.id)];
    if (gone.length > 0) await client.query('DELETE FROM articles WHERE id = ANY($1::text[])', [gone]);
    let nextLabel = fresh ? 0 : meta!.nextLabel;
    let done = 0;
    await params.onProgress?.({ phase: 'saving', done, total: incoming.length });
    for (let i = 0; i < built.length; i += WRITE_BATCH) {
      const batch = built.slice(i, i + WRITE_BATCH);
      nextLabel = await writeBatch(client, batch, vectors, info.dimension, generation, nextLabel);
      done += batch.length;
      await params.onProgress?.({ phase: 'saving', done, total: incoming.length });
    }
    if (rebuildHnsw) {
      params.onProgress?.({ phase: 'indexing', done: 0, total: 1 });
      await client.query('CREATE INDEX passages_embedding_hnsw ON passages USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 100)');
    }
    await client.query(
      `INSERT INTO store_meta (singleton, embedder_id, dimension, generation, next_label) VALUES (true, $1, $2, $3, $4)
       ON CONFLICT (singleton) DO UPDATE SET embedder_id = $1, dimension = $2, generation = $3, next_label = $4, committed_at = now()`,
      [info.id, info.dimension, generation, nextLabel],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  return { ...counts(plan), embedded: vectors.embedded, capped: vectors.capped, generation, rebuilt };
}

function counts(plan: ReturnType<typeof planIngest>) {
  return { added: plan.added.length, changed: plan.changed.length, removed: plan.removed.length, unchanged: plan.unchanged.length };
}

async function indexedHashes(client: pg.PoolClient): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM articles');
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

/** Empties the index and, when the embedder's dimension differs, retypes the vector columns (all inside the transaction). */
async function resetFor(client: pg.PoolClient, dimension: number, meta: StoreMeta | null): Promise<void> {
  await client.query('TRUNCATE articles, sentences, passages');
  if (meta?.dimension !== dimension || !(await hasTypedColumns(client, dimension))) {
    await client.query('DROP INDEX IF EXISTS passages_embedding_hnsw');
    await client.query(`ALTER TABLE sentences ALTER COLUMN embedding TYPE vector(${dimension})`);
    await client.query(`ALTER TABLE passages ALTER COLUMN embedding TYPE vector(${dimension})`);
  }
}

async function hasTypedColumns(client: pg.PoolClient, dimension: number): Promise<boolean> {
  const { rows } = await client.query<{ type: string }>(
    "SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'passages'::regclass AND attname = 'embedding'",
  );
  return rows[0]?.type === `vector(${dimension})`;
}

async function writeBatch(
  client: pg.PoolClient,
  batch: readonly { article: Article; passages: Passage[] }[],
  vectors: { rows: Map<string, Float32Array> },
  dimension: number,
  generation: number,
  firstLabel: number,
): Promise<number> {
  const a = { id: [] as string[], hash: [] as string[], text: [] as string[], meta: [] as string[] };
  const s = { article: [] as string[], idx: [] as number[], start: [] as number[], end: [] as number[], paragraph: [] as number[], kind: [] as string[], vector: [] as string[] };
  const p = { label: [] as number[], article: [] as string[], idx: [] as number[], from: [] as number[], to: [] as number[], start: [] as number[], end: [] as number[], text: [] as string[], vector: [] as string[] };
  let label = firstLabel;
  for (const { article, passages } of batch) {
    const { text, sentences: sentenceList, ...meta } = article;
    a.id.push(article.id);
    a.hash.push(article.contentHash);
    a.text.push(text);
    a.meta.push(JSON.stringify(meta));
    const rows = vectors.rows.get(article.id)!;
    for (const sentence of sentenceList) {
      s.article.push(article.id);
      s.idx.push(sentence.index);
      s.start.push(sentence.start);
      s.end.push(sentence.end);
      s.paragraph.push(sentence.paragraph);
      s.kind.push(sentence.kind);
      s.vector.push(vectorLiteral(rows.subarray(sentence.index * dimension, (sentence.index + 1) * dimension)));
    }
    for (const passage of passages) {
      checkPassage(article, passage);
      p.label.push(label++);
      p.article.push(article.id);
      p.idx.push(passage.index);
      p.from.push(passage.sentenceStart);
      p.to.push(passage.sentenceEnd);
      p.start.push(passage.start);
      p.end.push(passage.end);
      p.text.push(passage.text);
      p.vector.push(vectorLiteral(passageVector(rows, dimension, passage)));
    }
  }
  await client.query(
    'INSERT INTO articles (id, content_hash, text, meta, generation) SELECT id, h, t, m::jsonb, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(id, h, t, m)',
    [a.id, a.hash, a.text, a.meta, generation],
  );
  await client.query(
    `INSERT INTO sentences (article_id, idx, start_offset, end_offset, paragraph, kind, embedding)
     SELECT a, i, s, e, p, k, v::vector FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[]) AS x(a, i, s, e, p, k, v)`,
    [s.article, s.idx, s.start, s.end, s.paragraph, s.kind, s.vector],
  );
  await client.query(
    `INSERT INTO passages (label, article_id, idx, sentence_start, sentence_end, start_offset, end_offset, text, embedding)
     SELECT l, a, i, f, t, s, e, x, v::vector FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[], $9::text[]) AS y(l, a, i, f, t, s, e, x, v)`,
    [p.label, p.article, p.idx, p.from, p.to, p.start, p.end, p.text, p.vector],
  );
  return label;
}
