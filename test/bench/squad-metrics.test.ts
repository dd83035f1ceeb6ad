import { describe, expect, it } from 'vitest';
import type { SquadQuestion } from '../../bench/squad/data.js';
import { contextIdOf, selectSquad } from '../../bench/squad/data.js';
import { aggregate, containsAnswer, scoreQuestion, type SquadPrediction } from '../../bench/squad/metrics.js';

const answerable: SquadQuestion = { id: 'a', contextId: 'Normans#0', question: 'In what country is Normandy?', answers: ['France', 'France', 'the country of France'], impossible: false };
const unanswerable: SquadQuestion = { id: 'u', contextId: 'Normans#1', question: 'Who gave their name to Normandy in the 1000s?', answers: [], impossible: true };
const predict = (p: Partial<SquadPrediction>): SquadPrediction => ({ ranked: [], firstSentence: '', answered: true, answer: '', ...p });

describe('scoreQuestion (SQuAD 2.0 conventions)', () => {
  it.each([
    { why: 'an exact answer scores EM 1, F1 1', q: answerable, p: predict({ answer: 'France' }), em: 1, f1: 1 },
    { why: 'the article "the" is normalised away, and the best gold answer counts', q: answerable, p: predict({ answer: 'The Country of France.' }), em: 1, f1: 1 },
    { why: 'a longer span earns partial F1 and no EM: 1 of 4 tokens (normandy is in france) → P 1/4, R 1, F1 0.4', q: answerable, p: predict({ answer: 'Normandy is in France' }), em: 0, f1: 0.4 },
    { why: 'abstaining on an answerable question scores 0', q: answerable, p: predict({ answered: false }), em: 0, f1: 0 },
    { why: 'abstaining on an unanswerable question scores 1', q: unanswerable, p: predict({ answered: false }), em: 1, f1: 1 },
    { why: 'answering an unanswerable question scores 0, however plausible the answer', q: unanswerable, p: predict({ answer: 'Rollo' }), em: 0, f1: 0 },
  ])('$why', ({ q, p, em, f1 }) => {
    const score = scoreQuestion(q, p);
    expect(score.em).toBe(em);
    expect(score.f1).toBeCloseTo(f1, 10);
  });

  it.each([
    { why: 'gold paragraph first: hit@1 and hit@5', ranked: ['Normans#0', 'x'], hit1: true, hit5: true },
    { why: 'gold paragraph fifth: hit@5 only', ranked: ['a', 'b', 'c', 'd', 'Normans#0'], hit1: false, hit5: true },
    { why: 'gold paragraph sixth: neither', ranked: ['a', 'b', 'c', 'd', 'e', 'Normans#0'], hit1: false, hit5: false },
  ])('retrieval hits: $why', ({ ranked, hit1, hit5 }) => {
    expect(scoreQuestion(answerable, predict({ ranked }))).toMatchObject({ hit1, hit5 });
  });

  it('counts a sentence hit when a gold answer is inside the first quoted sentence, and null when nothing is quoted', () => {
    expect(scoreQuestion(answerable, predict({ firstSentence: 'The Normans gave their name to Normandy, a region in France.' })).sentenceHit).toBe(true);
    expect(scoreQuestion(answerable, predict({ firstSentence: 'Normandy is a region.' })).sentenceHit).toBe(false);
    expect(scoreQuestion(answerable, predict({ firstSentence: null })).sentenceHit).toBeNull();
  });
});

describe('containsAnswer', () => {
  it.each([
    { why: 'whole words after normalisation', haystack: 'It lies in France.', needle: 'france', expected: true },
    { why: 'not inside another word', haystack: 'Franceville is in Gabon', needle: 'France', expected: false },
    { why: 'an answer that normalises to nothing never matches', haystack: 'the a an', needle: 'the', expected: false },
  ])('$why', ({ haystack, needle, expected }) => {
    expect(containsAnswer(haystack, needle)).toBe(expected);
  });
});

describe('aggregate', () => {
  it('splits retrieval and answer rates by answerable and unanswerable questions', () => {
    const scores = [
      scoreQuestion(answerable, predict({ ranked: ['Normans#0'], firstSentence: 'France.', answer: 'France' })),
      scoreQuestion(answerable, predict({ ranked: ['x'], answered: false })),
      scoreQuestion(unanswerable, predict({ answered: false })),
      scoreQuestion(unanswerable, predict({ answer: 'Rollo' })),
    ];
    expect(aggregate(scores)).toEqual({
      questions: 4,
      answerable: 2,
      unanswerable: 2,
      hit1: 0.5,
      hit5: 0.5,
      sentenceHit1: 0.5,
      em: 0.5,
      f1: 0.5,
      hasAnsEm: 0.5,
      hasAnsF1: 0.5,
      abstainRate: 0.5,
      answeredRate: 0.5,
    });
  });

  it('reports sentence hit@1 as NaN for a system that quotes no sentences', () => {
    expect(aggregate([scoreQuestion(answerable, predict({ firstSentence: null }))]).sentenceHit1).toBeNaN();
  });
});

describe('selectSquad and contextIdOf', () => {
  const set = {
    contexts: [
      { id: 'A#0', title: 'A', text: 'a0' },
      { id: 'A#1', title: 'A', text: 'a1' },
      { id: 'B#0', title: 'B', text: 'b0' },
    ],
    questions: [answerable, { ...answerable, id: 'q1', contextId: 'A#1' }, { ...answerable, id: 'q2', contextId: 'B#0' }],
  };

  it('keeps the first titles and only their questions', () => {
    const picked = selectSquad({ ...set, questions: set.questions.map((q) => (q.id === 'a' ? { ...q, contextId: 'A#0' } : q)) }, { titles: 1, sample: null });
    expect(picked.contexts.map((c) => c.id)).toEqual(['A#0', 'A#1']);
    expect(picked.questions.map((q) => q.id)).toEqual(['a', 'q1']);
  });

  it('samples a fixed subset of the questions', () => {
    const once = selectSquad(set, { titles: null, sample: 2 });
    expect(once.questions).toHaveLength(2);
    expect(selectSquad(set, { titles: null, sample: 2 }).questions).toEqual(once.questions);
    expect(once.contexts).toHaveLength(3);
  });

  it('maps an engine article id back to the SQuAD paragraph id', () => {
    expect(contextIdOf('squad.jsonl#Super Bowl 50#3')).toBe('Super Bowl 50#3');
  });
});
