/** Composing an answer: the threshold decides, and further quotes join only when they add an answer of their own. */
import { describe, expect, it } from 'vitest';
import rankerFile from '../../src/answer/models/ranker.json' with { type: 'json' };
import { composeAnswer } from '../../src/answer/compose.js';
import { loadRanker, rankSentences, type RankerFile } from '../../src/answer/rank.js';
import { fixture } from './answer-fixture.js';

const ranker = loadRanker(rankerFile as RankerFile);
/** Confidence pinned (a logit), so these tests look at composing alone. */
const pinned = (logit: number) => ({ score: () => logit, threshold: 0.5, high: 0.8 });

function compose(question: string, articles: Record<string, readonly string[]>, logit = 2) {
  const f = fixture(question, articles);
  const ranked = rankSentences(f.rows, ranker, f.addEntities);
  return composeAnswer({ question: f.question, ranked, unknown: 0, confidence: pinned(logit), maxAnswers: 3 });
}

describe('composeAnswer', () => {
  it('adds no off-topic figure: another country’s surplus lacks the word that picks the story', () => {
    const result = compose('What was Japan’s trade surplus in December?', {
      japan: ['Japan’s trade surplus grew to 1.14 trillion yen in December, the ministry said.', 'Exports to Asia rose strongly.'],
      china: ['China’s trade surplus reached $32bn in December.', 'Imports of oil fell.'],
    });
    expect(result.status).toBe('answered');
    expect(result.answers).toHaveLength(1);
    expect(result.answers[0]!.citation.article).toBe('japan');
  });

  it('gives a list question several quotes when each names items of its own', () => {
    const result = compose('Which banks has Parmalat sued?', {
      parmalat: [
        'Parmalat has sued Bank of America over its role in the collapse.',
        'The dairy firm has also sued Deutsche Bank and UBS over the scandal.',
        'Parmalat went bust in 2003.',
      ],
    });
    expect(result.answers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(result.answers.map((a) => a.span?.text)).size).toBe(result.answers.length);
  });

  it('says not_found below the threshold, with the nearest passages and no spans marked in them', () => {
    const result = compose('Who will lead the inquiry into the rail crash?', { crash: ['The inquiry will be led by retired judge John Smith.', 'Twelve people were hurt.'] }, -2);
    expect(result).toMatchObject({ status: 'not_found', reason: 'below-threshold', confidenceWord: 'low', answers: [] });
    expect(result.nearest.length).toBeGreaterThan(0);
    expect(result.nearest.every((q) => q.span === null)).toBe(true);
  });

  it('words the confidence by the model’s bands', () => {
    expect(compose('Who will lead the inquiry?', { crash: ['The inquiry will be led by retired judge John Smith.'] }, 3).confidenceWord).toBe('high');
    expect(compose('Who will lead the inquiry?', { crash: ['The inquiry will be led by retired judge John Smith.'] }, 0.5).confidenceWord).toBe('medium');
  });
});
