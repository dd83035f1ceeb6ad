/**
 * Ingest: brings a per-embedder index up to date with a set of articles. Only new or changed articles are embedded
 * (one embedding per sentence); removed and changed articles leave both indexes; the result is committed as one
 * new generation (see store-write.ts) under a write lock.
 */
import { mkdir } from 'node:fs/promises';
import type { Article, Passage } from '../corpus/types.js';
import type { Embedder } from '../embedding/embedder.js';
import type { IngestProgress, IngestReport } from './ingest-report.js';
import { VerbatimError, isVerbatimError } from '../errors.js';
import { HnswVectorIndex } from './hnsw-index.js';
import { emptyIndexState, type IndexState } from './index-state.js';
import { planIngest } from './ingest-plan.js';
import type { Manifest } from './manifest.js';
import { passageVector } from './passage-vector.js';
import { indexDirFor, readIndexState, toLoadedIndex, type LoadedIndex } from './store.js';
import { writeGeneration } from './store-write.js';
import { acquireWriteLock } from './write-lock.js';

export interface IngestParams {
  indexRoot: string;
  embedder: Embedder;
  articles: Article[];
  /** Start from an empty index instead of updating the existing one. */
  rebuild?: boolean;
  /** Splits an article into passages (owned by the corpus step). */
  buildPassages: (article: Article) => Passage[];
  onProgress?: (progress: IngestProgress) => void;
  /** Called after each batch of sentences is embedded (the engine flushes its embedding cache): a killed build resumes from there. */
  checkpoint?: () => Promise<void>;
  /** Called once the write lock is held; a stale lock taken over is reported here. */
  onLockTakenOver?: (message: string) => void;
}

export type IngestSummary = Omit<IngestReport, 'corpusDir' | 'problems' | 'ms'>;

/** Sentences per embedder call: large enough to keep the embedder's workers busy, small enough to report progress. */
const EMBED_BATCH = 1024;
/**
 * Longest text embedded for one sentence, in characters. The offline encoder's time grows steeply with length (a
 * 100 KB unbroken line took minutes); a sentence this long is a run-on line, not prose, so its vector comes from its
 * first MAX_EMBED_CHARS characters. The stored text, BM25 and quotes keep the whole sentence.
 */
export const MAX_EMBED_CHARS = 2000;
/** Removed vectors may outnumber live ones by this much before the vector index is rebuilt from stored vectors. */
const MAX_DELETED_RATIO = 1;

export async function ingestArticles(params: IngestParams): Promise<{ index: LoadedIndex; report: IngestSummary }> {
  const info = params.embedder.info;
  const dir = indexDirFor(params.indexRoot, info);
  await mkdir(dir, { recursive: true });
  const release = await acquireWriteLock(dir, { onTakeOver: params.onLockTakenOver });
  try {
    const start = await startingPoint(dir, params);
    const { state } = start;
    const plan = planIngest(new Map([...state.articles.values()].map((a) => [a.id, a.contentHash])), params.articles);
    for (const id of [...plan.removed, ...plan.changed.map((a) => a.id)]) dropArticle(state, id);

    const incoming = [...plan.added, ...plan.changed];
    const vectors = await embedSentences(params.embedder, incoming, params.onProgress, params.checkpoint);
    addArticles(state, incoming, vectors, info.dimension, params);
    compactDenseIfSparse(state, info.dimension);

    const dirty = start.manifest === null || incoming.length > 0 || plan.removed.length > 0;
    const manifest = dirty
      ? await writeGeneration(dir, state, info, (done, total) => params.onProgress?.({ phase: 'saving', done, total }))
      : start.manifest!;
    return {
      index: toLoadedIndex(dir, manifest, state),
      report: {
        indexDir: dir,
        articles: state.articles.size,
        added: plan.added.length,
        changed: plan.changed.length,
        removed: plan.removed.length,
        unchanged: plan.unchanged.length,
        passages: state.passages.size,
        sentences: manifest.counts.sentences,
        embedded: vectors.embedded,
        capped: vectors.capped,
        rebuilt: start.rebuilt,
      },
    };
  } finally {
    await release();
  }
}

interface StartingPoint {
  state: IndexState;
  /** The committed manifest the state came from; null when starting empty. */
  manifest: Manifest | null;
  rebuilt: IngestReport['rebuilt'];
}

/** The existing index, or an empty one when asked to rebuild, when there is none, or when it cannot be trusted. */
async function startingPoint(dir: string, params: IngestParams): Promise<StartingPoint> {
  const fresh = (rebuilt: IngestReport['rebuilt']): StartingPoint => ({ state: emptyIndexState(params.embedder.info.dimension), manifest: null, rebuilt });
  if (params.rebuild) return fresh({ code: 'REBUILD_REQUESTED', message: 'The index was rebuilt from scratch as requested.' });
  try {
    return { ...(await readIndexState(dir, params.embedder.info)), rebuilt: null };
  } catch (error) {
    if (!isVerbatimError(error)) throw error;
    if (error.code === 'INDEX_MISSING') return fresh(null);
    if (error.code === 'INDEX_CORRUPT' || error.code === 'INDEX_VERSION_MISMATCH' || error.code === 'INDEX_MODEL_MISMATCH') {
      return fresh({ code: error.code, message: `${error.message} It was rebuilt from scratch.` });
    }
    throw error;
  }
}

function dropArticle(state: IndexState, id: string): void {
  for (const label of state.labelsOf.get(id) ?? []) {
    state.dense.remove(label);
    state.lexical.remove(label);
    state.passages.delete(label);
  }
  state.labelsOf.delete(id);
  state.articles.delete(id);
  state.sentenceVectors.delete(id);
  state.vectorLocations.delete(id);
}

/** Embeds every sentence of `articles` once; returns each article's rows. */
export async function embedSentences(
  embedder: Embedder,
  articles: readonly Article[],
  onProgress: IngestParams['onProgress'],
  checkpoint: IngestParams['checkpoint'],
): Promise<{ rows: Map<string, Float32Array>; embedded: number; capped: number }> {
  const dimension = embedder.info.dimension;
  let capped = 0;
  const texts = articles.flatMap((article) =>
    article.sentences.map((sentence) => {
      if (sentence.text.length <= MAX_EMBED_CHARS) return sentence.text;
      capped++;
      return sentence.text.slice(0, MAX_EMBED_CHARS);
    }),
  );
  const flat = new Float32Array(texts.length * dimension);
  onProgress?.({ phase: 'embedding', done: 0, total: texts.length });
  for (let offset = 0; offset < texts.length; offset += EMBED_BATCH) {
    const batch = texts.slice(offset, offset + EMBED_BATCH);
    const vectors = await embedder.embed(batch, {
      onProgress: (done) => onProgress?.({ phase: 'embedding', done: offset + done, total: texts.length }),
    });
    if (vectors.length !== batch.length || vectors.some((vector) => vector.length !== dimension)) {
      throw new VerbatimError('EMBEDDER_FAILED', `${embedder.info.name} returned ${vectors.length} vectors for ${batch.length} sentences, or vectors that are not ${dimension}-d.`);
    }
    vectors.forEach((vector, i) => flat.set(vector, (offset + i) * dimension));
    await checkpoint?.();
    onProgress?.({ phase: 'embedding', done: offset + batch.length, total: texts.length });
  }
  const rows = new Map<string, Float32Array>();
  let row = 0;
  for (const article of articles) {
    rows.set(article.id, flat.subarray(row * dimension, (row + article.sentences.length) * dimension));
    row += article.sentences.length;
  }
  return { rows, embedded: texts.length, capped };
}

function addArticles(state: IndexState, articles: readonly Article[], vectors: { rows: Map<string, Float32Array> }, dimension: number, params: IngestParams): void {
  const built = articles.map((article) => ({ article, passages: params.buildPassages(article) }));
  const total = built.reduce((sum, { passages }) => sum + passages.length, 0);
  let done = 0;
  params.onProgress?.({ phase: 'indexing', done, total });
  for (const { article, passages } of built) {
    const rows = vectors.rows.get(article.id)!;
    const labels: number[] = [];
    for (const passage of passages) {
      checkPassage(article, passage);
      const label = state.nextLabel++;
      state.dense.add(label, passageVector(rows, dimension, passage));
      state.lexical.add(label, passage.text);
      state.passages.set(label, passage);
      labels.push(label);
      if (++done % 1000 === 0) params.onProgress?.({ phase: 'indexing', done, total });
    }
    state.articles.set(article.id, article);
    state.labelsOf.set(article.id, labels);
    state.sentenceVectors.set(article.id, rows);
    state.vectorLocations.set(article.id, null);
  }
  params.onProgress?.({ phase: 'indexing', done, total });
}

export function checkPassage(article: Article, passage: Passage): void {
  const { sentenceStart, sentenceEnd } = passage;
  if (passage.article !== article.id || !(Number.isInteger(sentenceStart) && sentenceStart >= 0 && sentenceStart < sentenceEnd && sentenceEnd <= article.sentences.length)) {
    throw new VerbatimError('INTERNAL', `Passage ${passage.index} of ${article.id} names article ${passage.article} and sentences ${sentenceStart}–${sentenceEnd} of ${article.sentences.length}.`);
  }
}

/** After heavy removals, searching a graph of mostly deleted nodes is slow and less exact: rebuild it from stored vectors. */
function compactDenseIfSparse(state: IndexState, dimension: number): void {
  if (state.dense.deletedCount <= Math.max(1024, MAX_DELETED_RATIO * state.dense.size)) return;
  const dense = new HnswVectorIndex(dimension, { ...state.dense.parameters, initialCapacity: Math.max(1024, state.passages.size) });
  for (const [label, passage] of state.passages) dense.add(label, passageVector(state.sentenceVectors.get(passage.article)!, dimension, passage));
  state.dense = dense;
}
