import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestProgress } from '../../src/engine-types.js';
import { HnswVectorIndex } from '../../src/index/hnsw-index.js';
import { MANIFEST_FILE, type Manifest } from '../../src/index/manifest.js';
import { indexDirFor, openIndex, type LoadedIndex } from '../../src/index/store.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { ARTICLES, embeddedTexts, ingest, temporaryRoot, testEmbedder, vectorOf } from './index-fixture.js';
import { makeArticle } from './make-article.js';
import { unit } from './seeded-vectors.js';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ root, cleanup } = await temporaryRoot());
});
afterEach(() => cleanup());

const info = testEmbedder().info;
const dirOf = (): string => indexDirFor(root, info);
const manifestOf = async (): Promise<Manifest> => JSON.parse(await readFile(path.join(dirOf(), MANIFEST_FILE), 'utf8')) as Manifest;

/** Articles any search (dense or keyword) for one of their sentences can still return. */
async function searchableArticles(index: LoadedIndex): Promise<Set<string>> {
  const found = new Set<string>();
  for (const article of index.articles.values()) {
    for (const sentence of article.sentences) {
      for (const hit of index.dense.search(await vectorOf(sentence.text), 100)) found.add(index.passages.get(hit.label)!.article);
      for (const hit of index.lexical.search(sentence.text, 100)) found.add(index.passages.get(hit.label)!.article);
    }
  }
  return found;
}

describe('ingestArticles', () => {
  it('embeds each sentence once and reports what it built', async () => {
    const embedder = testEmbedder();
    const { report } = await ingest(root, ARTICLES, { embedder });
    expect(embeddedTexts(embedder)).toEqual(ARTICLES.flatMap((a) => a.sentences.map((s) => s.text)));
    expect(report).toEqual({
      indexDir: dirOf(),
      articles: 3,
      added: 3,
      changed: 0,
      removed: 0,
      unchanged: 0,
      passages: 5,
      sentences: 8,
      embedded: 8,
      capped: 0,
      rebuilt: null,
    });
  });

  it('gives each passage the normalised mean of its sentence vectors', async () => {
    const { index } = await ingest(root, ARTICLES);
    const [first, second] = await Promise.all(ARTICLES[1]!.sentences.map((s) => vectorOf(s.text)));
    const mean = unit(first!.map((value, i) => value + second![i]!));
    const [hit] = index.dense.search(mean, 1);
    expect(index.passages.get(hit!.label)).toMatchObject({ article: 'summit.txt', sentenceStart: 0, sentenceEnd: 2 });
    expect(hit!.score).toBeCloseTo(1, 5);
  });

  it('embeds nothing and writes nothing on a second run over the same articles', async () => {
    await ingest(root, ARTICLES);
    const before = await manifestOf();
    const embedder = testEmbedder();
    const { report, index } = await ingest(root, ARTICLES, { embedder });
    expect(embeddedTexts(embedder)).toEqual([]);
    expect(report).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 3, embedded: 0 });
    expect((await manifestOf()).generation).toBe(before.generation);
    expect(index.lexical.search('Putin', 5)).toHaveLength(1);
  });

  it('re-embeds only a changed article and replaces its passages', async () => {
    const { index: first } = await ingest(root, ARTICLES);
    const oldLabels = [...first.passages].filter(([, p]) => p.article === 'weather.txt').map(([label]) => label);
    const changed = makeArticle('weather.txt', ['Beijing was stormy.', 'Flights were cancelled.']);
    const embedder = testEmbedder();
    const { report, index } = await ingest(root, [ARTICLES[0]!, ARTICLES[1]!, changed], { embedder });

    expect(embeddedTexts(embedder)).toEqual(['Beijing was stormy.', 'Flights were cancelled.']);
    expect(report).toMatchObject({ added: 0, changed: 1, removed: 0, unchanged: 2, embedded: 2, sentences: 9 });
    for (const label of oldLabels) {
      expect(index.passages.has(label)).toBe(false);
      expect(index.dense.has(label)).toBe(false);
    }
    expect(index.lexical.search('sunny mild', 10)).toEqual([]);
    const [hit] = index.lexical.search('flights cancelled', 1);
    expect(index.passages.get(hit!.label)!.article).toBe('weather.txt');
    const reopened = await openIndex(root, info);
    expect(reopened.articles.get('weather.txt')).toEqual(changed);
    expect(Array.from(reopened.sentenceVector('weather.txt', 1)!)).toEqual(Array.from(await vectorOf('Flights were cancelled.')));
    expect(Array.from(reopened.sentenceVector('summit.txt', 3)!)).toEqual(Array.from(await vectorOf('Kim Jong Un also attended.')));
  });

  it('removes a deleted article from both indexes and the store', async () => {
    await ingest(root, ARTICLES);
    const { report } = await ingest(root, [ARTICLES[0]!, ARTICLES[2]!]);
    expect(report).toMatchObject({ removed: 1, unchanged: 2, passages: 3, embedded: 0 });
    const index = await openIndex(root, info);
    expect(index.articles.has('summit.txt')).toBe(false);
    expect([...index.passages.values()].some((p) => p.article === 'summit.txt')).toBe(false);
    expect(index.lexical.search('Putin Kim energy deal', 10)).toEqual([]);
    expect(await searchableArticles(index)).toEqual(new Set(['parade.txt', 'weather.txt']));
    expect(index.sentenceVector('summit.txt', 0)).toBeUndefined();
  });

  it('never reuses a label, even for an article that comes back', async () => {
    const { index: first } = await ingest(root, ARTICLES);
    await ingest(root, ARTICLES.slice(0, 2));
    const { index } = await ingest(root, ARTICLES);
    const firstLabels = new Set(first.passages.keys());
    const weatherLabel = [...index.passages].find(([, p]) => p.article === 'weather.txt')![0];
    expect(firstLabels.has(weatherLabel)).toBe(false);
    expect(index.manifest.nextLabel).toBe(6);
  });

  it.each([
    ['INDEX_CORRUPT', async (m: Manifest) => truncate(path.join(dirOf(), m.files.dense.name), 64)],
    ['INDEX_VERSION_MISMATCH', async (m: Manifest) => writeFile(path.join(dirOf(), MANIFEST_FILE), JSON.stringify({ ...m, version: 0 }))],
    ['INDEX_CORRUPT', async () => writeFile(path.join(dirOf(), MANIFEST_FILE), 'not json')],
  ])('rebuilds from scratch and says why (%s)', async (code, damage) => {
    await ingest(root, ARTICLES);
    await damage(await manifestOf());
    const embedder = testEmbedder();
    const { report } = await ingest(root, ARTICLES, { embedder });
    expect(report.rebuilt).toMatchObject({ code, message: expect.stringContaining('rebuilt from scratch') });
    expect(report).toMatchObject({ added: 3, embedded: 8 });
    expect(embeddedTexts(embedder)).toHaveLength(8);
    expect((await openIndex(root, info)).passages.size).toBe(5);
  });

  it('rebuilds everything when asked, in new files', async () => {
    await ingest(root, ARTICLES);
    const embedder = testEmbedder();
    const { report } = await ingest(root, ARTICLES, { embedder, rebuild: true });
    expect(report.rebuilt).toMatchObject({ code: 'REBUILD_REQUESTED' });
    expect(embeddedTexts(embedder)).toHaveLength(8);
    expect((await manifestOf()).generation).toBe(2);
    expect((await openIndex(root, info)).manifest.counts.passages).toBe(5);
  });

  it('builds an empty index from zero articles, and it opens', async () => {
    const { report } = await ingest(root, []);
    expect(report).toMatchObject({ articles: 0, passages: 0, sentences: 0, embedded: 0 });
    const index = await openIndex(root, info);
    expect(index.dense.size).toBe(0);
    expect(index.lexical.search('anything', 5)).toEqual([]);
    expect(index.dense.search(new Float32Array(info.dimension).fill(1), 5)).toEqual([]);
  });

  it('keeps another embedder’s index in its own folder, untouched', async () => {
    await ingest(root, ARTICLES);
    const before = await manifestOf();
    const wide = new HashEmbedderTestDouble(48);
    const { report } = await ingest(root, ARTICLES, { embedder: wide });
    expect(report.indexDir).toBe(indexDirFor(root, wide.info));
    expect(report.rebuilt).toBeNull();
    expect(await manifestOf()).toEqual(before);
    expect((await openIndex(root, wide.info)).manifest.embedder.dimension).toBe(48);
  });

  it('reports progress through embedding, indexing and saving, in that order', async () => {
    const events: IngestProgress[] = [];
    await ingest(root, ARTICLES, { onProgress: (p) => events.push(p) });
    const phases = events.map((e) => e.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['embedding', 'indexing', 'saving']);
    expect(events.filter((e) => e.phase === 'embedding').at(-1)).toEqual({ phase: 'embedding', done: 8, total: 8 });
    expect(events.filter((e) => e.phase === 'indexing').at(-1)).toEqual({ phase: 'indexing', done: 5, total: 5 });
    const saving = events.filter((e) => e.phase === 'saving').at(-1)!;
    expect(saving.done).toBe(saving.total);
  });

  it('rewrites sentence vectors into one file once most stored rows are dead', async () => {
    await ingest(root, ARTICLES);
    await ingest(root, [...ARTICLES, makeArticle('extra.txt', ['An extra sentence.'])]);
    expect((await manifestOf()).files.sentenceVectors).toHaveLength(2);
    await ingest(root, [ARTICLES[2]!, makeArticle('extra.txt', ['An extra sentence.'])]);
    const manifest = await manifestOf();
    expect(manifest.files.sentenceVectors).toHaveLength(1);
    expect(manifest.files.sentenceVectors[0]!.bytes).toBe(2 * 4 * info.dimension);
    const index = await openIndex(root, info);
    expect(Array.from(index.sentenceVector('weather.txt', 0)!)).toEqual(Array.from(await vectorOf('Beijing was sunny and mild.')));
    expect(Array.from(index.sentenceVector('extra.txt', 0)!)).toEqual(Array.from(await vectorOf('An extra sentence.')));
    expect((await readdir(dirOf())).filter((f) => f.endsWith('.f32'))).toEqual([manifest.files.sentenceVectors[0]!.name]);
  });

  it('rebuilds the vector graph once removed vectors far outnumber live ones', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => makeArticle(`a${i}.txt`, [`Story number ${i} about topic ${i % 37}.`]));
    await ingest(root, many);
    const { index } = await ingest(root, many.slice(0, 20));
    expect(index.dense).toBeInstanceOf(HnswVectorIndex);
    expect((index.dense as HnswVectorIndex).deletedCount).toBe(0);
    expect(index.dense.size).toBe(20);
    const reopened = await openIndex(root, info);
    expect((await searchableArticles(reopened)).size).toBe(20);
  });

  it('rejects a passage builder that points outside the article', async () => {
    const { ingestArticles } = await import('../../src/index/ingest.js');
    await expect(
      ingestArticles({
        indexRoot: root,
        embedder: testEmbedder(),
        articles: ARTICLES.slice(2),
        buildPassages: (a) => [{ index: 0, article: a.id, sentenceStart: 0, sentenceEnd: 5, start: 0, end: 1, text: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
