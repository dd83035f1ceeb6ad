/**
 * One contract for every IndexStore: the files store (folders, hnswlib, BM25) and the PostgreSQL store (pgvector
 * HNSW, full-text search) on a real throwaway server. Dense search is checked against the brute-force oracle (an
 * exact scan over the same passage vectors). The PostgreSQL runs are skipped, with the reason printed, only when
 * PostgreSQL or pgvector is not installed (.ci/install-postgres installs both).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { BruteForceVectorIndex } from '../../src/index/brute-force-index.js';
import { filesStore, type IndexStore } from '../../src/index/index-store.js';
import { passageVector } from '../../src/index/passage-vector.js';
import { postgresStore } from '../../src/index/postgres/pg-store.js';
import type { ServingIndex } from '../../src/index/serving-index.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { postgresMissing, startThrowawayPostgres, type ThrowawayPostgres } from '../../bench/lib/postgres-cluster.js';
import { ARTICLES, DIMENSION, embeddedTexts, temporaryRoot, testEmbedder, vectorOf } from './index-fixture.js';
import { makeArticle, windowPassages } from './make-article.js';

interface StoreUnderTest {
  name: string;
  skip: string | null;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A new store on empty storage. */
  fresh(): Promise<IndexStore>;
  /** Another store on the same storage as the last `fresh()` (a second process). */
  again(): IndexStore;
}

let cleanup: (() => Promise<void>) | null = null;
let root = '';
const filesUnderTest: StoreUnderTest = {
  name: 'files',
  skip: null,
  setUp: async () => {},
  tearDown: async () => {},
  async fresh() {
    await cleanup?.();
    ({ root, cleanup } = await temporaryRoot());
    return filesStore(root);
  },
  again: () => filesStore(root),
};

let cluster: ThrowawayPostgres | null = null;
let databaseUrl = '';
const opened: IndexStore[] = [];
const pgMissing = postgresMissing();
const postgresUnderTest: StoreUnderTest = {
  name: 'postgres',
  skip: pgMissing,
  async setUp() {
    cluster = await startThrowawayPostgres();
  },
  async tearDown() {
    await cluster?.stop();
  },
  async fresh() {
    databaseUrl = await cluster!.createDatabase();
    return track(postgresStore(databaseUrl));
  },
  again: () => track(postgresStore(databaseUrl)),
};

function track(store: IndexStore): IndexStore {
  opened.push(store);
  return store;
}

const params = (articles: Article[], embedder = testEmbedder()) => ({ embedder, articles, buildPassages: (a: Article) => windowPassages(a) });

/** The exact scan the dense search must agree with: every passage's vector, rebuilt from the stored sentence vectors. */
function bruteForceOracle(index: ServingIndex): BruteForceVectorIndex {
  const oracle = new BruteForceVectorIndex(DIMENSION);
  for (const [label, passage] of index.passages) {
    const article = index.articles.get(passage.article)!;
    const rows = new Float32Array(article.sentences.length * DIMENSION);
    article.sentences.forEach((_, i) => rows.set(index.sentenceVector(article.id, i)!, i * DIMENSION));
    oracle.add(label, passageVector(rows, DIMENSION, passage));
  }
  return oracle;
}

describe.each([filesUnderTest, postgresUnderTest])('IndexStore contract: $name', (under) => {
  describe.skipIf(under.skip !== null)(under.skip ? `skipped: ${under.skip}` : 'on real storage', () => {
    beforeAll(() => under.setUp());
    afterAll(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await cleanup?.();
      cleanup = null;
      await under.tearDown();
    });
    let store: IndexStore;
    beforeEach(async () => {
      store = await under.fresh();
    });
    afterEach(() => store.close());

    it('says INDEX_MISSING before anything is ingested', async () => {
      await expect(store.open(testEmbedder().info)).rejects.toMatchObject({ code: 'INDEX_MISSING' });
    });

    it('keeps articles, sentences with offsets and passages exactly, so every quote slices back', async () => {
      const { report } = await store.ingest(params(ARTICLES));
      expect(report).toMatchObject({ articles: 3, added: 3, changed: 0, removed: 0, unchanged: 0, passages: 5, sentences: 8, embedded: 8, rebuilt: null });
      const index = await under.again().open(testEmbedder().info);
      expect(index.counts).toEqual({ articles: 3, passages: 5, sentences: 8 });
      for (const article of ARTICLES) {
        expect(index.articles.get(article.id)).toEqual(article);
        for (const sentence of index.articles.get(article.id)!.sentences) expect(sentence.text).toBe(article.text.slice(sentence.start, sentence.end));
      }
      const passages = [...index.passages.values()].sort((a, b) => a.article.localeCompare(b.article) || a.index - b.index);
      expect(passages).toEqual(ARTICLES.flatMap((a) => windowPassages(a)).sort((a, b) => a.article.localeCompare(b.article) || a.index - b.index));
    });

    it('stores each sentence vector as the embedder made it', async () => {
      await store.ingest(params(ARTICLES));
      const index = await under.again().open(testEmbedder().info);
      const sentence = ARTICLES[1]!.sentences[2]!;
      expect([...index.sentenceVector(ARTICLES[1]!.id, 2)!]).toEqual([...(await vectorOf(sentence.text))]);
      expect(index.sentenceVector(ARTICLES[1]!.id, 99)).toBeUndefined();
      expect(index.sentenceVector('nope.txt', 0)).toBeUndefined();
    });

    it('finds a passage by its own vector first, scores by cosine best first, and agrees with the exact scan', async () => {
      const many = Array.from({ length: 40 }, (_, i) => makeArticle(`a${i}.txt`, [`Story ${i} about topic ${i % 7} in city ${i % 5}.`, `Officials number ${i} said item ${i * 3} was ready.`]));
      const { index } = await store.ingest(params(many));
      const oracle = bruteForceOracle(index);
      let agreed = 0;
      let asked = 0;
      for (const [label] of [...index.passages].slice(0, 20)) {
        const article = index.articles.get(index.passages.get(label)!.article)!;
        const query = passageVector(Float32Array.from(article.sentences.flatMap((_, i) => [...index.sentenceVector(article.id, i)!])), DIMENSION, index.passages.get(label)!);
        const hits = await index.search.dense(query, 10);
        expect(hits[0]!.score).toBeCloseTo(1, 4);
        expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
        const exact = new Set(oracle.search(query, 10).map((h) => h.label));
        agreed += hits.filter((h) => exact.has(h.label)).length;
        asked += 10;
      }
      // Approximate search on 40 passages with ef ≥ 128 should be all but exact.
      expect(agreed / asked).toBeGreaterThanOrEqual(0.95);
    });

    it('finds keyword matches on any question term, and nothing for words no passage holds', async () => {
      const { index } = await store.ingest(params(ARTICLES));
      const hits = await index.search.lexical('Which tanks rolled through the square?', 10);
      expect(index.passages.get(hits[0]!.label)!.article).toBe('parade.txt'); // the only passage naming tanks
      const any = await index.search.lexical('energy zeppelin', 10); // "energy" alone matches the summit deal
      expect(any.map((h) => index.passages.get(h.label)!.article)).toEqual(['summit.txt']);
      expect(await index.search.lexical('zeppelin quasar', 10)).toEqual([]);
    });

    it('ingests incrementally: unchanged articles are not embedded again, changed and removed ones leave the index', async () => {
      await store.ingest(params(ARTICLES));
      const embedder = testEmbedder();
      const edited = makeArticle('summit.txt', ['Putin called Xi an old friend.', 'The two leaders met in Beijing.']);
      const { index, report } = await under.again().ingest(params([ARTICLES[0]!, edited], embedder));
      expect(report).toMatchObject({ added: 0, changed: 1, removed: 1, unchanged: 1, articles: 2, embedded: 2 });
      expect(embeddedTexts(embedder)).toEqual(edited.sentences.map((s) => s.text));
      expect([...index.articles.keys()].sort()).toEqual(['parade.txt', 'summit.txt']);
      expect(index.articles.get('summit.txt')!.text).toBe(edited.text);
      const found = await index.search.lexical('sunny mild dear', 10);
      expect(found).toEqual([]); // the weather article and the old summit wording are gone
      const again = await under.again().ingest(params([ARTICLES[0]!, edited], embedder));
      expect(again.report).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 2, embedded: 0 });
    });

    it('serves another embedder after ingesting with it, never mixing dimensions', async () => {
      await store.ingest(params(ARTICLES));
      const other = new HashEmbedderTestDouble(48);
      const { index } = await under.again().ingest(params(ARTICLES, other));
      expect(index.sentenceVector('parade.txt', 0)).toHaveLength(48);
      expect((await index.search.dense((await other.embed(['Kim Jong Un also attended.']))[0]!, 1))[0]!.score).toBeGreaterThan(0.5);
      expect((await under.again().open(other.info)).counts.passages).toBe(5);
      // The files store keeps one folder per embedder; PostgreSQL keeps one embedder's index at a time.
      const old = await under.again().open(testEmbedder().info).catch((error: unknown) => error);
      if (old instanceof Error) expect(old).toMatchObject({ code: 'INDEX_MODEL_MISMATCH' });
      else expect((old as ServingIndex).sentenceVector('parade.txt', 0)).toHaveLength(DIMENSION);
    });
  });
});
