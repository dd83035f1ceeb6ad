import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/index/bm25-index.js';
import { DEFAULT_BM25_PARAMETERS, bm25TermScore } from '../../src/index/bm25-score.js';
import { terms } from '../../src/index/tokenize.js';

interface RankingCase {
  name: string;
  corpus: Record<number, string>;
  query: string;
  /** Expected labels of all hits, best first. */
  expected: number[];
  why: string;
}

const rankingCases: RankingCase[] = [
  {
    name: 'stems match',
    corpus: { 1: 'Putin called Xi a dear friend.', 2: 'The weather in Beijing was mild.' },
    query: 'What did Putin call Xi?',
    expected: [1],
    why: '"called" and "call" share the stem "call"; passage 2 shares no content term',
  },
  {
    name: 'rarer term weighs more',
    corpus: { 1: 'The parade began at dawn.', 2: 'The parade ended at noon.', 3: 'Tanks rolled through the square.' },
    query: 'parade tanks',
    expected: [3, 1, 2],
    why: '"tanks" is in one passage, "parade" in two, so its inverse document frequency is higher; 1 and 2 tie and keep insertion order',
  },
  {
    name: 'covering more query terms wins',
    corpus: { 1: 'Putin spoke. Putin smiled. Putin left.', 2: 'Putin greeted Xi.' },
    query: 'Putin Xi',
    expected: [2, 1],
    why: 'passage 2 matches both terms; repeating "Putin" saturates (k = 1.2) and cannot make up for the missing "Xi"',
  },
  {
    name: 'shorter passage wins on equal matches',
    corpus: {
      1: 'Leaders attended the summit.',
      2: 'Leaders attended the summit alongside ministers, generals, envoys, bankers, farmers and reporters from distant provinces.',
    },
    query: 'summit',
    expected: [1, 2],
    why: 'both contain "summit" once; length normalisation (b = 0.7) favours the shorter passage',
  },
  {
    name: 'possessives and case fold',
    corpus: { 1: "XI'S SPEECH drew applause.", 2: 'The speech was long.' },
    query: 'xi speech',
    expected: [1, 2],
    why: '"XI\'S" analyses to "xi" and "SPEECH" to "speech", so passage 1 matches both terms',
  },
  {
    name: 'stop words alone match nothing',
    corpus: { 1: 'What did they say about the parade?', 2: 'It was there.' },
    query: 'what did the',
    expected: [],
    why: 'every query word is a stop word, so the query has no terms',
  },
];

function indexOf(corpus: Record<number, string>): Bm25Index {
  const index = new Bm25Index();
  for (const [label, text] of Object.entries(corpus)) index.add(Number(label), text);
  return index;
}

describe('Bm25Index ranking', () => {
  it.each(rankingCases)('$name: $why', ({ corpus, query, expected }) => {
    expect(indexOf(corpus).search(query, 10).map((hit) => hit.label)).toEqual(expected);
  });

  it('reports document frequencies and the live vocabulary, also after a save and load', () => {
    const index = indexOf({ 1: 'Putin called Xi.', 2: 'Xi waved.', 3: 'Tanks rolled.' });
    index.remove(3);
    for (const candidate of [index, Bm25Index.deserialize(index.serialize(), new Map([[1, 'Putin called Xi.'], [2, 'Xi waved.']]))]) {
      expect(candidate.documentsWith('xi')).toBe(2);
      expect(candidate.documentsWith('call')).toBe(1);
      expect(candidate.documentsWith('tank')).toBe(0);
      expect([...candidate.vocabulary()].sort()).toEqual(['call', 'putin', 'wave', 'xi']);
    }
  });

  it('returns at most k hits', () => {
    expect(indexOf({ 1: 'parade', 2: 'parade', 3: 'parade' }).search('parade', 2)).toHaveLength(2);
  });

  it('drops removed passages and survives a save and load', () => {
    const corpus = { 1: 'Tanks in the parade.', 2: 'Missiles in the parade.', 3: 'Crowds cheered.' };
    const index = indexOf(corpus);
    index.remove(2);
    index.remove(42);
    const restored = Bm25Index.deserialize(index.serialize(), new Map([[1, corpus[1]], [3, corpus[3]]]));
    expect(restored.size).toBe(2);
    expect(restored.search('parade missiles', 10)).toEqual(index.search('parade missiles', 10));
    expect(restored.search('missiles', 10)).toEqual([]);
  });

  it('rejects persisted forms that are unreadable, truncated or disagree with the passages', () => {
    const bytes = indexOf({ 1: 'Tanks.', 2: 'Missiles.' }).serialize();
    const texts = new Map([[1, 'Tanks.'], [2, 'Missiles.']]);
    const corrupt = expect.objectContaining({ code: 'INDEX_CORRUPT' });
    expect(() => Bm25Index.deserialize(Buffer.from('not an index'), texts)).toThrow(corrupt);
    expect(() => Bm25Index.deserialize(bytes.subarray(0, bytes.length - 2), texts)).toThrow(corrupt);
    expect(() => Bm25Index.deserialize(bytes, new Map([[1, 'Tanks.']]))).toThrow(corrupt);
    expect(() => Bm25Index.deserialize(bytes, new Map([[1, 'Tanks.'], [3, 'Other.']]))).toThrow(corrupt);
    expect(Bm25Index.deserialize(bytes, texts).search('missiles', 5)).toEqual([{ label: 2, score: expect.any(Number) }]);
  });
});

describe('bm25TermScore', () => {
  // idf = ln(1 + (N − df + 0.5) / (df + 0.5)); score = idf × (d + tf(k + 1) / (tf + k(1 − b + b·len/avg))), k 1.2, b 0.7, d 0.5.
  it.each([
    { tf: 1, df: 1, n: 1, len: 5, avg: 5, expected: Math.log(1 + 0.5 / 1.5) * (0.5 + 2.2 / 2.2), why: 'one passage, average length: tf part is exactly 1' },
    { tf: 1, df: 1, n: 10, len: 5, avg: 5, expected: Math.log(1 + 9.5 / 1.5) * 1.5, why: 'a rarer term (1 in 10) weighs more than in the 1-passage case' },
    { tf: 3, df: 1, n: 10, len: 5, avg: 5, expected: Math.log(1 + 9.5 / 1.5) * (0.5 + 6.6 / 4.2), why: 'three occurrences add less than three times one (saturation)' },
    { tf: 1, df: 1, n: 10, len: 10, avg: 5, expected: Math.log(1 + 9.5 / 1.5) * (0.5 + 2.2 / (1 + 1.2 * 1.7)), why: 'twice the average length lowers the tf part' },
  ])('$why', ({ tf, df, n, len, avg, expected }) => {
    expect(bm25TermScore(tf, df, n, len, avg, DEFAULT_BM25_PARAMETERS)).toBeCloseTo(expected, 12);
  });
});

const VOCABULARY = ['parade', 'tanks', 'missile', 'putin', 'xi', 'beijing', 'called', 'calling', 'friend', 'summit', 'the', 'crowd', 'square'];
const texts = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const QUERIES = ['parade tanks', 'putin call xi', 'friend', 'beijing summit square', 'crowd missile the'];

describe('Bm25Index incremental changes equal a rebuild', () => {
  it('gives the same hits and scores after any adds and removes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.tuple(fc.constant('add' as const), fc.integer({ min: 0, max: 30 }), texts), fc.tuple(fc.constant('remove' as const), fc.integer({ min: 0, max: 30 }))), { maxLength: 80 }),
        (ops) => {
          const incremental = new Bm25Index();
          const live = new Map<number, string>();
          for (const op of ops) {
            if (op[0] === 'add') {
              incremental.add(op[1], op[2]);
              live.set(op[1], op[2]);
            } else {
              incremental.remove(op[1]);
              live.delete(op[1]);
            }
          }
          const rebuilt = new Bm25Index();
          for (const [label, text] of live) rebuilt.add(label, text);
          expect(incremental.size).toBe(rebuilt.size);
          for (const query of QUERIES) {
            const byLabel = (hits: { label: number; score: number }[]): [number, number][] => hits.map((hit): [number, number] => [hit.label, hit.score]).sort((a, b) => a[0] - b[0]);
            const got = byLabel(incremental.search(query, 100));
            const want = byLabel(rebuilt.search(query, 100));
            expect(got.map(([label]) => label)).toEqual(want.map(([label]) => label));
            got.forEach(([, score], i) => expect(score).toBeCloseTo(want[i]![1], 9));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** MiniSearch configured as the index it replaced: the oracle for scores. */
function miniSearchOracle(corpus: ReadonlyMap<number, string>): MiniSearch<{ id: number; text: string }> {
  const engine = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: (text) => terms(text),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [...new Set(terms(text))], prefix: false, fuzzy: false, combineWith: 'OR', bm25: DEFAULT_BM25_PARAMETERS },
  });
  for (const [id, text] of corpus) engine.add({ id, text });
  return engine;
}

describe('Bm25Index against MiniSearch', () => {
  it('scores every passage as MiniSearch does, also after a save and load', () => {
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 10 }), (docs, removals) => {
        const index = new Bm25Index();
        const corpus = new Map<number, string>();
        docs.forEach((text, label) => {
          index.add(label, text);
          corpus.set(label, text);
        });
        for (const label of removals) {
          index.remove(label);
          corpus.delete(label);
        }
        const restored = Bm25Index.deserialize(index.serialize(), corpus);
        const oracle = miniSearchOracle(corpus);
        for (const query of QUERIES) {
          const expected = new Map(oracle.search(query).map((result) => [result.id as number, result.score]));
          for (const candidate of [index, restored]) {
            const hits = candidate.search(query, 1000);
            expect(hits.map((hit) => hit.label).sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
            for (const hit of hits) expect(hit.score).toBeCloseTo(expected.get(hit.label)!, 9);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
