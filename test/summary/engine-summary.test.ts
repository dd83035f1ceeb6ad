import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import type { Candidate } from '../../src/search/retrieve.js';
import { topicCandidates } from '../../src/summary/engine-summary.js';
import { makeArticle, makeSource, unit } from './make-article.js';

const article = makeArticle('a.txt', ['The parade filled Beijing. Markets were closed. Tanks led the military parade.']);
const passage: Passage = { index: 0, article: 'a.txt', sentenceStart: 0, sentenceEnd: 3, start: 0, end: article.text.length, text: article.text };
const candidate = (fused: number): Candidate => ({ label: 0, passage, article, fused, denseRank: 0, lexicalRank: 0, dense: 0, lexical: 0 });

describe('topicCandidates', () => {
  it.each([
    // Topic terms {militari, parad}: sentence 0 holds 1 of 2, sentence 1 none, sentence 2 both.
    { why: 'lexical coverage only: fused 2 × coverage', vectors: new Map<string, Float32Array>(), expected: [1, 0, 2] },
    // Sentence 1's vector matches the topic's exactly: its match becomes 1 though it shares no term.
    { why: 'a sentence vector close to the topic lifts a sentence without the words', vectors: new Map([['a.txt#1', unit(1, 0)]]), expected: [1, 2, 2] },
  ])('$why', ({ vectors, expected }) => {
    const found = topicCandidates(makeSource([article], vectors), 'military parade', unit(1, 0), [candidate(2)]);
    expect(found.map((c) => c.sentenceIndex)).toEqual([0, 1, 2]);
    found.forEach((c, i) => expect(c.relevance).toBeCloseTo(expected[i]!, 10));
  });
});
