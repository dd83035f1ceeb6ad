/**
 * Committing an index generation crash-safely: every file is written under a new generation-suffixed name (each
 * atomically), then manifest.json is replaced atomically (the commit), then files no manifest refers to are deleted.
 * A crash before the commit leaves the previous manifest and all of its files untouched.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EmbedderInfo } from '../embedding/embedder.js';
import { encodeArticles, encodePassages } from './corpus-codec.js';
import { describeIndexFile, writeIndexFile } from './index-files.js';
import type { IndexState } from './index-state.js';
import { INDEX_FORMAT_VERSION, MANIFEST_FILE, MANIFEST_FORMAT, manifestFiles, serializeManifest, type FileEntry, type Manifest, type ManifestArticle } from './manifest.js';
import { packSentenceVectors, planSentenceVectors } from './sentence-vectors.js';
import { writeFileAtomic } from './atomic-file.js';

const STORE_FILE = String.raw`(articles|passages|lexical|dense|sentences)-(\d+)\.(json|hnsw|f32|bm25)`;
/** Files this store writes (and may delete once no manifest names them). */
const GENERATION_FILE = new RegExp(`^${STORE_FILE}$`);
/** Temporaries a crashed write can leave: ours (`.name.pid.random.tmp`) and write-file-atomic's (`name.<number>`). */
const TEMPORARY_FILE = new RegExp(String.raw`^(\.${STORE_FILE}\..+\.tmp|(manifest\.json|${STORE_FILE})\.\d+)$`);

/** Writes `state` as a new generation of `dir`, commits it and returns its manifest; `onStep` counts finished files. */
export async function writeGeneration(
  dir: string,
  state: IndexState,
  embedder: EmbedderInfo,
  onStep: (done: number, total: number) => void = () => {},
): Promise<Manifest> {
  const generation = (await highestGeneration(dir)) + 1;
  const name = (kind: string, extension: string): string => `${kind}-${generation}.${extension}`;
  const steps = 6;
  let done = 0;
  const step = (): void => onStep(++done, steps);

  const vectorFiles = await writeSentenceVectors(dir, state, embedder.dimension, name('sentences', 'f32'));
  step();
  const articles = await writeIndexFile(dir, name('articles', 'json'), encodeArticles(state.articles.values()));
  step();
  const passages = await writeIndexFile(dir, name('passages', 'json'), encodePassages(state.passages, state.articles));
  step();
  const lexical = await writeIndexFile(dir, name('lexical', 'bm25'), state.lexical.serialize());
  step();
  await state.dense.save(path.join(dir, name('dense', 'hnsw')));
  const dense = await describeIndexFile(dir, name('dense', 'hnsw'));
  step();

  const { manifest, text } = serializeManifest({
    format: MANIFEST_FORMAT,
    version: INDEX_FORMAT_VERSION,
    generation,
    writtenAt: new Date().toISOString(),
    embedder: { id: embedder.id, name: embedder.name, dimension: embedder.dimension },
    hnsw: { m: state.dense.parameters.m, efConstruction: state.dense.parameters.efConstruction },
    counts: { articles: state.articles.size, passages: state.passages.size, sentences: countSentences(state) },
    nextLabel: state.nextLabel,
    files: { articles, passages, dense, lexical, sentenceVectors: vectorFiles },
    articles: manifestArticles(state),
  });
  await writeFileAtomic(path.join(dir, MANIFEST_FILE), text);
  step();
  await removeUnreferenced(dir, manifest);
  return manifest;
}

/** Writes the rows not yet on disk (or all rows, when compacting) and updates the state's vector locations and files. */
async function writeSentenceVectors(dir: string, state: IndexState, dimension: number, fileName: string): Promise<FileEntry[]> {
  const located = new Map([...state.articles.values()].map((a) => [a.id, { sentences: a.sentences.length, location: state.vectorLocations.get(a.id) ?? null }]));
  const plan = planSentenceVectors(located, state.vectorFiles, dimension);
  for (const [id, { sentences }] of located) if (sentences === 0) state.vectorLocations.set(id, null);
  const files = [...plan.keep];
  if (plan.write.length > 0) {
    const { data, rows } = packSentenceVectors(plan.write, state.sentenceVectors, dimension);
    files.push(await writeIndexFile(dir, fileName, data));
    for (const [id, row] of rows) state.vectorLocations.set(id, { file: fileName, row });
  }
  state.vectorFiles = files;
  return files;
}

function manifestArticles(state: IndexState): Record<string, ManifestArticle> {
  const entries: Record<string, ManifestArticle> = {};
  for (const article of state.articles.values()) {
    entries[article.id] = {
      contentHash: article.contentHash,
      labels: state.labelsOf.get(article.id) ?? [],
      sentences: article.sentences.length,
      vectors: state.vectorLocations.get(article.id) ?? null,
    };
  }
  return entries;
}

function countSentences(state: IndexState): number {
  let total = 0;
  for (const article of state.articles.values()) total += article.sentences.length;
  return total;
}

async function highestGeneration(dir: string): Promise<number> {
  let highest = 0;
  for (const file of await readdir(dir)) {
    const match = GENERATION_FILE.exec(file);
    if (match) highest = Math.max(highest, Number(match[2]));
  }
  return highest;
}

/** Deletes older generations' files and temporaries left by crashed writes (the write lock rules out live ones). */
async function removeUnreferenced(dir: string, manifest: Manifest): Promise<void> {
  const referenced = new Set(manifestFiles(manifest).map((entry) => entry.name));
  const stale = (await readdir(dir)).filter((file) => (GENERATION_FILE.test(file) || TEMPORARY_FILE.test(file)) && !referenced.has(file));
  await Promise.all(stale.map((file) => rm(path.join(dir, file), { force: true })));
}
