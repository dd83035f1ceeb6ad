/** The calibrated confidence: its features say what they mean, its words come from one set of bands, and the shipped files load. */
import { describe, expect, it } from 'vitest';
import confidenceFile from '../../src/answer/models/confidence.json' with { type: 'json' };
import rankerFile from '../../src/answer/models/ranker.json' with { type: 'json' };
import { CONFIDENCE_FEATURES, confidenceFeatures, confidenceOf, confidenceWord, loadConfidence, type ConfidenceFile } from '../../src/answer/confidence.js';
import { linearScorer } from '../../src/answer/linear-model.js';
import { loadRanker, rankSentences, type RankerFile } from '../../src/answer/rank.js';
import { fixture } from './answer-fixture.js';

const model = loadConfidence(confidenceFile as ConfidenceFile);
const ranker = loadRanker(rankerFile as RankerFile);

function probability(question: string, sentences: readonly string[]): number {
  const f = fixture(question, { a: sentences });
  const ranked = rankSentences(f.rows, ranker, f.addEntities);
  return confidenceOf(model, { question: f.question, ranked, unknown: 0 });
}

describe('the shipped models', () => {
  it('load, name only features the code computes, and score a question', () => {
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(model.high).toBeGreaterThanOrEqual(model.threshold);
    expect((confidenceFile as ConfidenceFile).features.every((f) => (CONFIDENCE_FEATURES as readonly string[]).includes(f))).toBe(true);
    const p = probability('Who will lead the inquiry into the rail crash?', ['The inquiry will be led by retired judge John Smith.']);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(ranker.shortlist).toBeGreaterThan(0);
  });

  it('refuse a model naming a feature the code does not compute, or with mismatched weights', () => {
    expect(() => linearScorer({ features: ['lexical', 'mystery'], weights: [1, 1], bias: 0 }, ['lexical'], 'test')).toThrow(/mystery.*npm run train/);
    expect(() => linearScorer({ features: ['lexical'], weights: [1, 2], bias: 0 }, ['lexical'], 'test')).toThrow(/1 features but 2 weights/);
  });
});

describe('confidence', () => {
  it('is higher when the sentence holds the asked-for type than when it does not', () => {
    const withPerson = probability('Who will lead the inquiry into the rail crash?', ['The inquiry into the rail crash will be led by retired judge John Smith.']);
    const without = probability('Who will lead the inquiry into the rail crash?', ['The inquiry into the rail crash will be led by a retired judge.']);
    expect(withPerson).toBeGreaterThan(without);
  });

  it('reads the question kind and the first sentence into named features', () => {
    const f = fixture('Why did Argonaut Games sack 100 staff?', { a: ['Argonaut sacked 100 staff because of a cash crisis.'] });
    const ranked = rankSentences(f.rows, ranker, f.addEntities);
    const x = confidenceFeatures({ question: f.question, ranked, unknown: 0.25 });
    const at = (name: (typeof CONFIDENCE_FEATURES)[number]) => x[CONFIDENCE_FEATURES.indexOf(name)];
    expect(at('asksReason')).toBe(1);
    expect(at('top.typeMissing')).toBe(0);
    expect(at('unknown')).toBe(0.25);
    expect(at('top.lexical')).toBeGreaterThan(0.5);
  });

  it.each([
    [0.95, 'high', 'at or above the high band'],
    [0.6, 'medium', 'answered, below the high band'],
    [0.3, 'low', 'below the threshold: not answered'],
  ] as const)('%s is "%s" (%s) with bands 0.5 / 0.8', (p, word, _why) => {
    expect(confidenceWord({ threshold: 0.5, high: 0.8 }, p)).toBe(word);
  });
});
