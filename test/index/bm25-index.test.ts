import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/index/bm25-index.js';

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

  it('returns at most k hits', () => {
    expect(indexOf({ 1: 'parade', 2: 'parade', 3: 'parade' }).search('parade', 2)).toHaveLength(2);
  });

  it('drops removed passages and survives a JSON round trip', () => {
    const corpus = { 1: 'Tanks in the parade.', 2: 'Missiles in the parade.', 3: 'Crowds cheered.' };
    const index = indexOf(corpus);
    index.remove(2);
    index.remove(42);
    const restored = Bm25Index.fromJSON(index.toJSON(), new Map([[1, corpus[1]], [3, corpus[3]]]));
    expect(restored.size).toBe(2);
    expect(restored.search('parade missiles', 10)).toEqual(index.search('parade missiles', 10));
    expect(restored.search('missiles', 10)).toEqual([]);
  });

  it('rejects persisted forms that are unreadable or disagree with the passages', () => {
    const json = indexOf({ 1: 'Tanks.', 2: 'Missiles.' }).toJSON();
    expect(() => Bm25Index.fromJSON('{not json', new Map())).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    expect(() => Bm25Index.fromJSON(json, new Map([[1, 'Tanks.']]))).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    expect(() => Bm25Index.fromJSON(json, new Map([[1, 'Tanks.'], [3, 'Other.']]))).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
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
