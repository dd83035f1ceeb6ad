import { cp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, type Manifest } from '../../src/index/manifest.js';
import { indexDirFor, openIndex } from '../../src/index/store.js';
import { LOCK_FILE, acquireWriteLock } from '../../src/index/write-lock.js';
import { ARTICLES, ingest, temporaryRoot, testEmbedder, vectorOf } from './index-fixture.js';
import { makeArticle } from './make-article.js';

const info = testEmbedder().info;

let root: string;
let cleanup: () => Promise<void>;
let dir: string;
beforeEach(async () => {
  ({ root, cleanup } = await temporaryRoot());
  dir = indexDirFor(root, info);
});
afterEach(() => cleanup());

async function manifestOf(): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
}

describe('indexDirFor', () => {
  it.each([
    [{ id: 'use-lite:en', name: 'USE lite', dimension: 512 }, 'use-lite-en-512', 'punctuation becomes dashes, dimension appended'],
    [{ id: 'transformers:Xenova/all-MiniLM-L6-v2:q8', name: 'MiniLM', dimension: 384 }, 'transformers-xenova-all-minilm-l6-v2-q8-384', 'lower case, so case-insensitive file systems agree'],
  ])('%o → %s (%s)', (embedder, folder) => {
    expect(indexDirFor('/idx', embedder)).toBe(path.join('/idx', folder));
  });
});

describe('openIndex', () => {
  it('opens exactly what was ingested: full articles, passages, sentence vectors and both indexes', async () => {
    await ingest(root, ARTICLES);
    const index = await openIndex(root, info);
    expect(index.dir).toBe(dir);
    expect([...index.articles.values()]).toEqual(ARTICLES);
    expect(index.passages.size).toBe(5);
    expect(index.manifest.counts).toEqual({ articles: 3, passages: 5, sentences: 8 });
    const sentence = ARTICLES[1]!.sentences[0]!;
    expect(Array.from(index.sentenceVector('summit.txt', 0)!)).toEqual(Array.from(await vectorOf(sentence.text)));
    expect(index.sentenceVector('summit.txt', 4)).toBeUndefined();
    expect(index.sentenceVector('absent.txt', 0)).toBeUndefined();
    const [lexicalHit] = index.lexical.search('Putin call Xi', 1);
    expect(index.passages.get(lexicalHit!.label)!.text).toBe('Putin called Xi a dear friend. The two leaders met in Beijing.');
    expect(index.dense.search(index.sentenceVector('weather.txt', 0)!, 1)[0]).toMatchObject({ score: expect.closeTo(1, 5) });
  });

  it('keeps a passage text that is not simply its sentences joined by spaces', async () => {
    const { ingestArticles } = await import('../../src/index/ingest.js');
    const article = ARTICLES[1]!;
    await ingestArticles({
      indexRoot: root,
      embedder: testEmbedder(),
      articles: [article],
      buildPassages: (a) => [{ index: 0, article: a.id, sentenceStart: 0, sentenceEnd: 2, start: 0, end: 10, text: 'Putin called Xi a dear friend.\nThe two leaders met in Beijing.' }],
    });
    const index = await openIndex(root, info);
    expect([...index.passages.values()].map((p) => p.text)).toEqual(['Putin called Xi a dear friend.\nThe two leaders met in Beijing.']);
  });

  it('throws INDEX_MISSING when nothing was built', async () => {
    await expect(openIndex(root, info)).rejects.toMatchObject({ code: 'INDEX_MISSING' });
  });

  it('still opens the old generation after a crash that wrote new files but not the manifest', async () => {
    await ingest(root, ARTICLES);
    // A second writer gets as far as every new file, then dies before replacing manifest.json.
    const { root: other, cleanup: cleanupOther } = await temporaryRoot();
    try {
      await cp(root, other, { recursive: true });
      await ingest(other, [makeArticle('new.txt', ['Something else entirely.'])]);
      const otherDir = indexDirFor(other, info);
      for (const file of await readdir(otherDir)) {
        if (file !== MANIFEST_FILE) await cp(path.join(otherDir, file), path.join(dir, file));
      }
      await writeFile(path.join(dir, '.dense-3.hnsw.1234.abcd.tmp'), 'half-written');
      await writeFile(path.join(dir, 'manifest.json.3847562910'), '{"half": ');
    } finally {
      await cleanupOther();
    }
    const index = await openIndex(root, info);
    expect([...index.articles.keys()]).toEqual(ARTICLES.map((a) => a.id));

    // The next successful write commits and clears the dead writer's leftovers.
    await ingest(root, ARTICLES.slice(0, 2));
    const manifest = await manifestOf();
    const referenced = [manifest.files.articles, manifest.files.passages, manifest.files.dense, manifest.files.lexical, ...manifest.files.sentenceVectors].map((f) => f.name);
    expect((await readdir(dir)).sort()).toEqual([...referenced, MANIFEST_FILE].sort());
  });

  it.each([
    ['a truncated vector index', async () => truncate(path.join(dir, (await manifestOf()).files.dense.name), 100)],
    ['a missing passages file', async () => rm(path.join(dir, (await manifestOf()).files.passages.name))],
    [
      'a flipped byte in the keyword index',
      async () => {
        const file = path.join(dir, (await manifestOf()).files.lexical.name);
        const bytes = await readFile(file);
        bytes[10] = bytes[10]! ^ 1;
        await writeFile(file, bytes);
      },
    ],
    ['a garbage manifest', async () => writeFile(path.join(dir, MANIFEST_FILE), '{"format": "verbatim-in')],
    ['a manifest of the right version but wrong shape', async () => writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...(await manifestOf()), counts: null }))],
    ['a manifest whose counts disagree with its files', async () => writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...(await manifestOf()), counts: { articles: 3, passages: 4, sentences: 8 } }))],
  ])('throws INDEX_CORRUPT for %s', async (_name, damage) => {
    await ingest(root, ARTICLES);
    await damage();
    await expect(openIndex(root, info)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });

  it('throws INDEX_VERSION_MISMATCH for another format version', async () => {
    await ingest(root, ARTICLES);
    await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...(await manifestOf()), version: 999 }));
    await expect(openIndex(root, info)).rejects.toMatchObject({ code: 'INDEX_VERSION_MISMATCH', message: expect.stringContaining('999') });
  });

  it('throws INDEX_MODEL_MISMATCH naming both embedders when the folder holds another embedder’s index', async () => {
    await ingest(root, ARTICLES);
    // "Test/Hash:32" maps to the same folder as the double's "test-hash:32" but is another embedder id.
    const other = { id: 'Test/Hash:32', name: 'other', dimension: 32 };
    expect(indexDirFor(root, other)).toBe(dir);
    await expect(openIndex(root, other)).rejects.toMatchObject({
      code: 'INDEX_MODEL_MISMATCH',
      message: expect.stringContaining('built with test-hash:32 (32-d), config says Test/Hash:32 (32-d)'),
    });
  });
});

describe('write lock', () => {
  it('stops a second writer with INDEX_LOCKED while the first holds the lock', async () => {
    await ingest(root, ARTICLES);
    const release = await acquireWriteLock(dir);
    try {
      await expect(ingest(root, ARTICLES)).rejects.toMatchObject({ code: 'INDEX_LOCKED', message: expect.stringContaining(`pid ${process.pid}`) });
    } finally {
      await release();
    }
    await expect(ingest(root, ARTICLES)).resolves.toBeDefined();
  });

  it('takes over a lock left by a process that has exited', async () => {
    await ingest(root, ARTICLES);
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: exited, host: hostname(), since: '2020-01-01T00:00:00Z' }));
    const { report } = await ingest(root, ARTICLES.slice(0, 1));
    expect(report.removed).toBe(2);
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });
});
