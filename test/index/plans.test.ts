import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '../../src/index/columns.js';
import { planIngest } from '../../src/index/ingest-plan.js';
import type { FileEntry } from '../../src/index/manifest.js';
import { planSentenceVectors, type VectorLocation } from '../../src/index/sentence-vectors.js';
import { TopK } from '../../src/index/top-k.js';
import { makeArticle } from './make-article.js';

describe('planIngest', () => {
  const a = makeArticle('a.txt', ['Alpha.']);
  const b = makeArticle('b.txt', ['Beta.']);
  const bEdited = makeArticle('b.txt', ['Beta, edited.']);
  const c = makeArticle('c.txt', ['Gamma.']);
  const ids = (plan: ReturnType<typeof planIngest>): Record<string, string[]> => ({
    added: plan.added.map((x) => x.id),
    changed: plan.changed.map((x) => x.id),
    removed: plan.removed,
    unchanged: plan.unchanged,
  });

  it.each([
    ['everything is new in an empty index', [], [a, b], { added: ['a.txt', 'b.txt'], changed: [], removed: [], unchanged: [] }],
    ['same hashes change nothing', [a, b], [a, b], { added: [], changed: [], removed: [], unchanged: ['a.txt', 'b.txt'] }],
    ['a new hash under a known id is a change', [a, b], [a, bEdited], { added: [], changed: ['b.txt'], removed: [], unchanged: ['a.txt'] }],
    ['an id no longer given is removed', [a, b], [b, c], { added: ['c.txt'], changed: [], removed: ['a.txt'], unchanged: ['b.txt'] }],
    ['zero articles removes everything', [a], [], { added: [], changed: [], removed: ['a.txt'], unchanged: [] }],
    ['a repeated id counts once, the last version winning', [b], [b, bEdited], { added: [], changed: ['b.txt'], removed: [], unchanged: [] }],
  ])('%s', (_why, indexed, incoming, expected) => {
    expect(ids(planIngest(new Map(indexed.map((x) => [x.id, x.contentHash])), incoming))).toEqual(expected);
  });
});

describe('planSentenceVectors', () => {
  const DIM = 2;
  const file = (name: string, rows: number): FileEntry => ({ name, bytes: rows * 4 * DIM, sha256: '0'.repeat(64) });
  const at = (name: string, row: number): VectorLocation => ({ file: name, row });

  it.each([
    {
      why: 'only unwritten articles go to the new file while old files are mostly live',
      located: [['a', 3, at('s-1', 0)], ['b', 2, null]] as const,
      existing: [file('s-1', 4)],
      keep: ['s-1'],
      write: ['b'],
    },
    {
      why: 'a file with no live rows is dropped',
      located: [['a', 3, at('s-2', 0)], ['b', 2, null]] as const,
      existing: [file('s-1', 4), file('s-2', 3)],
      keep: ['s-2'],
      write: ['b'],
    },
    {
      why: 'more dead rows than live ones rewrites every article into the new file',
      located: [['a', 1, at('s-1', 9)], ['b', 2, null], ['empty', 0, null]] as const,
      existing: [file('s-1', 10)],
      keep: [],
      write: ['a', 'b'],
    },
    {
      why: 'articles without sentences store nothing',
      located: [['empty', 0, null]] as const,
      existing: [],
      keep: [],
      write: [],
    },
  ])('$why', ({ located, existing, keep, write }) => {
    const plan = planSentenceVectors(new Map(located.map(([id, sentences, location]) => [id, { sentences, location }])), existing, DIM);
    expect(plan.keep.map((entry) => entry.name)).toEqual(keep);
    expect(plan.write).toEqual(write);
  });
});

describe('TopK', () => {
  it('keeps the same items as sorting everything, best first, lower label first on ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), fc.integer({ min: 0, max: 20 }), (scores, k) => {
        const top = new TopK(k);
        scores.forEach((score, label) => top.push(label, score));
        const expected = scores
          .map((score, label) => ({ label, score }))
          .sort((x, y) => y.score - x.score || x.label - y.label)
          .slice(0, k);
        expect(top.sorted()).toEqual(expected);
      }),
    );
  });
});

describe('columns', () => {
  it('round-trips rows that share their keys, whatever the keys are', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer(), kind: fc.string(), note: fc.option(fc.string(), { nil: null }) })), (rows) => {
        expect(fromColumns(JSON.parse(JSON.stringify(toColumns(rows))))).toEqual(rows);
      }),
    );
  });

  it('refuses rows whose keys differ, so a new field cannot be dropped silently', () => {
    expect(() => toColumns([{ a: 1, b: 2 }, { a: 1 }])).toThrow(/keys/);
    expect(() => toColumns([{ a: 1 }, { b: 1 }])).toThrow(/lacks key a/);
    expect(() => fromColumns({ keys: ['a', 'b'], values: [[1, 2], [3]] })).toThrow(/length/);
  });
});
