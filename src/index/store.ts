/** Opening an index folder: one per embedder and dimension under the index root, committed by its manifest. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article, Passage } from '../corpus/types.js';
import type { EmbedderInfo } from '../embedding/embedder.js';
import { VerbatimError, isVerbatimError } from '../errors.js';
import { Bm25Index } from './bm25-index.js';
import { decodeArticles, decodePassages } from './corpus-codec.js';
import { HnswVectorIndex } from './hnsw-index.js';
import { CheckedFileReader, parseIndexFile } from './index-files.js';
import { sentenceVectorOf, type IndexState } from './index-state.js';
import type { LexicalIndex } from './lexical-index.js';
import { MANIFEST_FILE, parseManifest, type FileEntry, type Manifest } from './manifest.js';
import { asFloat32, sliceSentenceVectors } from './sentence-vectors.js';
import type { ServingIndex } from './serving-index.js';
import type { VectorIndex } from './vector-index.js';

/** The files store's index: everything in memory, searched in process. */
export interface LoadedIndex extends ServingIndex {
  /** The per-embedder folder. */
  dir: string;
  manifest: Manifest;
  /** Full articles by id: quotes are sliced from exactly the text that was indexed. */
  articles: Map<string, Article>;
  /** Passages by label. */
  passages: Map<number, Passage>;
  dense: VectorIndex;
  lexical: LexicalIndex;
}

/** The folder of one embedder's index, e.g. `<root>/use-lite-en-512` or `<root>/transformers-xenova-all-minilm-l6-v2-q8-384`. */
export function indexDirFor(indexRoot: string, info: EmbedderInfo): string {
  const slug = info.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return path.join(indexRoot, `${slug || 'embedder'}-${info.dimension}`);
}

/**
 * Opens the index built with `info`'s embedder. Throws VerbatimError INDEX_MISSING (no manifest),
 * INDEX_VERSION_MISMATCH, INDEX_MODEL_MISMATCH or INDEX_CORRUPT (a file missing, truncated, altered or unparsable).
 */
export async function openIndex(indexRoot: string, info: EmbedderInfo): Promise<LoadedIndex> {
  const dir = indexDirFor(indexRoot, info);
  const { manifest, state } = await readIndexState(dir, info);
  return toLoadedIndex(dir, manifest, state);
}

export function toLoadedIndex(dir: string, manifest: Manifest, state: IndexState): LoadedIndex {
  const dimension = manifest.embedder.dimension;
  return {
    dir,
    manifest,
    articles: state.articles,
    passages: state.passages,
    counts: manifest.counts,
    writtenAt: manifest.writtenAt,
    dense: state.dense,
    lexical: state.lexical,
    search: {
      dense: async (vector, k) => state.dense.search(vector, k),
      lexical: async (query, k) => state.lexical.search(query, k),
    },
    sentenceVector: (articleId, sentenceIndex) => sentenceVectorOf(state, dimension, articleId, sentenceIndex),
  };
}

/**
 * Reads the committed generation. A writer deletes the previous generation's files right after committing, so a
 * file that vanishes while we read means a newer manifest: read again rather than call the index corrupt.
 */
export async function readIndexState(dir: string, info: EmbedderInfo): Promise<{ manifest: Manifest; state: IndexState }> {
  for (let attempt = 0; ; attempt++) {
    const manifest = await readManifest(dir, info);
    try {
      return { manifest, state: await readGeneration(dir, manifest) };
    } catch (error) {
      const newer = attempt < 2 && isVerbatimError(error) && error.code === 'INDEX_CORRUPT' && (await committedGeneration(dir)) !== manifest.generation;
      if (!newer) throw error;
    }
  }
}

async function readManifest(dir: string, info: EmbedderInfo): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new VerbatimError('INDEX_MISSING', `No index for ${info.name} in ${dir}.`);
    throw new VerbatimError('INDEX_CORRUPT', `The index manifest ${file} cannot be read.`, { cause: error });
  }
  const manifest = parseManifest(text, file);
  const built = manifest.embedder;
  if (built.id !== info.id || built.dimension !== info.dimension) {
    throw new VerbatimError(
      'INDEX_MODEL_MISMATCH',
      `The index in ${dir} was built with ${built.id} (${built.dimension}-d), config says ${info.id} (${info.dimension}-d).`,
    );
  }
  return manifest;
}

async function committedGeneration(dir: string): Promise<number | null> {
  try {
    return (JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as { generation?: number }).generation ?? null;
  } catch {
    return null;
  }
}

async function readGeneration(dir: string, manifest: Manifest): Promise<IndexState> {
  const { files, embedder } = manifest;
  const reader = new CheckedFileReader(dir);
  const parsed = <T>(entry: FileEntry, bytes: Buffer, parse: (text: string) => T): T => parseIndexFile(dir, entry, bytes, parse);
  // All requests are queued now, in this order; each file is parsed here while the worker reads and hashes the next.
  const articleBytes = reader.read(files.articles);
  const passageBytes = reader.read(files.passages);
  const lexicalBytes = reader.read(files.lexical);
  const denseChecked = reader.check(files.dense);
  const vectorBytes = Promise.all(files.sentenceVectors.map((entry) => reader.read(entry)));

  const articlesLoaded = articleBytes.then((bytes) => parsed(files.articles, bytes, decodeArticles));
  const passagesLoaded = Promise.all([articlesLoaded, passageBytes]).then(([articles, bytes]) => parsed(files.passages, bytes, (json) => decodePassages(json, articles)));
  const lexicalLoaded = Promise.all([passagesLoaded, lexicalBytes]).then(([passages, bytes]) =>
    Bm25Index.deserialize(bytes, new Map([...passages].map(([label, passage]) => [label, passage.text]))),
  );
  const denseLoaded = denseChecked.then(() =>
    HnswVectorIndex.load(path.join(dir, files.dense.name), embedder.dimension, {
      parameters: { m: manifest.hnsw.m, efConstruction: manifest.hnsw.efConstruction },
      liveLabels: Object.values(manifest.articles).flatMap((entry) => entry.labels),
    }),
  );
  let loaded: [Map<string, Article>, Map<number, Passage>, Bm25Index, HnswVectorIndex, Buffer[]];
  try {
    loaded = await Promise.all([articlesLoaded, passagesLoaded, lexicalLoaded, denseLoaded, vectorBytes]);
  } finally {
    await reader.close();
  }
  const [articles, passages, lexical, dense, vectorFileBytes] = loaded;
  const vectorFiles = new Map(files.sentenceVectors.map((entry, i) => [entry.name, asFloat32(vectorFileBytes[i]!)]));
  const sentenceVectors = inconsistentUnless(dir, () => sliceSentenceVectors(manifest.articles, vectorFiles, embedder.dimension));

  const state: IndexState = {
    articles,
    passages,
    labelsOf: new Map(Object.entries(manifest.articles).map(([id, entry]) => [id, entry.labels])),
    dense,
    lexical,
    sentenceVectors,
    vectorLocations: new Map(Object.entries(manifest.articles).map(([id, entry]) => [id, entry.vectors])),
    vectorFiles: files.sentenceVectors,
    nextLabel: manifest.nextLabel,
  };
  inconsistentUnless(dir, () => checkConsistency(manifest, state));
  return state;
}

/** The files each passed their checksum; this checks they agree with each other and with the manifest. */
function checkConsistency(manifest: Manifest, state: IndexState): void {
  const entries = Object.entries(manifest.articles);
  if (entries.length !== state.articles.size || entries.length !== manifest.counts.articles) throw new Error('article counts differ');
  let passages = 0;
  let sentences = 0;
  for (const [id, entry] of entries) {
    const article = state.articles.get(id);
    if (!article || article.contentHash !== entry.contentHash || article.sentences.length !== entry.sentences) {
      throw new Error(`article ${id} differs from its manifest entry`);
    }
    for (const label of entry.labels) {
      if (state.passages.get(label)?.article !== id || !state.dense.has(label) || label >= manifest.nextLabel) {
        throw new Error(`passage ${label} of ${id} is missing or misplaced`);
      }
    }
    passages += entry.labels.length;
    sentences += entry.sentences;
  }
  if (passages !== state.passages.size || passages !== state.dense.size || passages !== manifest.counts.passages) {
    throw new Error('passage counts differ between the manifest, the passages and the vector index');
  }
  if (sentences !== manifest.counts.sentences) throw new Error('sentence counts differ');
}

function inconsistentUnless<T>(dir: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new VerbatimError('INDEX_CORRUPT', `The index in ${dir} is inconsistent: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
}
