/** Opening an index folder: one per embedder and dimension under the index root, committed by its manifest. */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
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
import { OnDiskSentenceVectors } from './vector-rows.js';
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
  /**
   * Checks the files an open with `verify: 'deferred'` checked by size only (the vector index and the sentence
   * vectors) against their checksums; throws INDEX_CORRUPT on a mismatch. Files a newer generation has replaced meanwhile
   * are skipped. Resolves at once when everything was verified at open.
   */
  verify(): Promise<void>;
  /** Closes the sentence-vector files (the engine's close); the index must not be asked afterwards. */
  release(): void;
}

/**
 * How an open checks file contents. `full`: every file against its sha256 before the index is returned (ingest, tools).
 * `deferred`: the files quotes and keyword search come from (articles, passages, keyword index) fully; the vector index
 * and the sentence vectors (ranking only, ~90% of the bytes) by size, their checksums by `verify()` once the first answer
 * is out. Parsing and the consistency checks run either way.
 */
export type VerifyMode = 'full' | 'deferred';

/** The folder of one embedder's index, e.g. `<root>/use-lite-en-512` or `<root>/transformers-xenova-all-minilm-l6-v2-q8-384`. */
export function indexDirFor(indexRoot: string, info: EmbedderInfo): string {
  const slug = info.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return path.join(indexRoot, `${slug || 'embedder'}-${info.dimension}`);
}

/**
 * Opens the index built with `info`'s embedder. Throws VerbatimError INDEX_MISSING (no manifest),
 * INDEX_VERSION_MISMATCH, INDEX_MODEL_MISMATCH or INDEX_CORRUPT (a file missing, truncated, altered or unparsable).
 */
export async function openIndex(indexRoot: string, info: EmbedderInfo, options: { verify?: VerifyMode } = {}): Promise<LoadedIndex> {
  const dir = indexDirFor(indexRoot, info);
  const verify = options.verify ?? 'full';
  const { manifest, state } = await readIndexState(dir, info, verify);
  return toLoadedIndex(dir, manifest, state, verify === 'deferred' ? [manifest.files.dense, ...manifest.files.sentenceVectors] : []);
}

/** `unverified`: files whose checksums `verify()` is still to check. */
export function toLoadedIndex(dir: string, manifest: Manifest, state: IndexState, unverified: readonly FileEntry[] = []): LoadedIndex {
  const dimension = manifest.embedder.dimension;
  let verified: Promise<void> | null = unverified.length === 0 ? Promise.resolve() : null;
  let checker: CheckedFileReader | null = null;
  return {
    verify: () =>
      (verified ??= (async () => {
        checker = new CheckedFileReader(dir, { background: true });
        try {
          await verifyChecksums(checker, dir, unverified);
        } finally {
          await checker.close();
        }
      })()),
    release: () => {
      void checker?.close();
      (state.sentenceVectors as Partial<OnDiskSentenceVectors>).close?.();
    },
    dir,
    manifest,
    articles: state.articles,
    passages: state.passages,
    counts: manifest.counts,
    writtenAt: manifest.writtenAt,
    generation: manifest.generation,
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
export async function readIndexState(dir: string, info: EmbedderInfo, verify: VerifyMode = 'full'): Promise<{ manifest: Manifest; state: IndexState }> {
  for (let attempt = 0; ; attempt++) {
    const manifest = await readManifest(dir, info);
    try {
      return { manifest, state: await readGeneration(dir, manifest, verify) };
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

/** The generation number in the committed manifest, or null when there is none (one small file read). */
export async function committedGeneration(dir: string): Promise<number | null> {
  try {
    return (JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as { generation?: number }).generation ?? null;
  } catch {
    return null;
  }
}

async function readGeneration(dir: string, manifest: Manifest, verify: VerifyMode): Promise<IndexState> {
  const { files, embedder } = manifest;
  const reader = new CheckedFileReader(dir);
  const parsed = <T>(entry: FileEntry, bytes: Buffer, parse: (text: string) => T): T => parseIndexFile(dir, entry, bytes, parse);
  // All requests are queued now, in this order; each file is parsed here while the worker reads and hashes the next.
  const articleBytes = reader.read(files.articles);
  const passageBytes = reader.read(files.passages);
  const lexicalBytes = reader.read(files.lexical);
  const denseChecked = verify === 'full' ? reader.check(files.dense) : checkSize(dir, files.dense);
  const vectorsChecked = verify === 'full' ? Promise.all(files.sentenceVectors.map((entry) => reader.check(entry))) : Promise.resolve([]);

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
  let loaded: [Map<string, Article>, Map<number, Passage>, Bm25Index, HnswVectorIndex, unknown];
  try {
    loaded = await Promise.all([articlesLoaded, passagesLoaded, lexicalLoaded, denseLoaded, vectorsChecked]);
  } finally {
    await reader.close();
  }
  const [articles, passages, lexical, dense] = loaded;
  // Read row by row when asked for (vector-rows.ts); opening checks each file's size and every article's row range.
  const sentenceVectors = OnDiskSentenceVectors.open(dir, files.sentenceVectors, manifest.articles, embedder.dimension);

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
  try {
    inconsistentUnless(dir, () => checkConsistency(manifest, state));
  } catch (error) {
    sentenceVectors.close();
    throw error;
  }
  return state;
}

/** INDEX_CORRUPT unless the file exists with the size its manifest entry records. */
async function checkSize(dir: string, entry: FileEntry): Promise<void> {
  const file = path.join(dir, entry.name);
  const size = await stat(file).then((info) => info.size, (error: NodeJS.ErrnoException) => {
    throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} cannot be read (${error.code ?? error.message}).`);
  });
  if (size !== entry.bytes) throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} is ${size} bytes; the manifest says ${entry.bytes} (truncated or overwritten).`);
}

/** Hashes `entries` off the main thread; INDEX_CORRUPT for one that differs, unless a newer generation removed it. */
async function verifyChecksums(reader: CheckedFileReader, dir: string, entries: readonly FileEntry[]): Promise<void> {
  for (const entry of entries) {
    try {
      await reader.check(entry);
    } catch (error) {
      // Generation files are never rewritten in place: a missing one was deleted by a writer that committed after us.
      if (isVerbatimError(error) && error.code === 'INDEX_CORRUPT' && !existsSync(path.join(dir, entry.name))) continue;
      throw error;
    }
  }
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
