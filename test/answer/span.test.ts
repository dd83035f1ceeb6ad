import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question.js';
import { findEntities } from '../../src/answer/entities.js';
import { chooseSpan } from '../../src/answer/span.js';
import { terms } from '../../src/index/tokenize.js';

function spanFor(question: string, sentence: string): string | null {
  const q = analyzeQuestion(question);
  const span = chooseSpan(q, sentence, findEntities(sentence), new Set(terms(question)));
  return span ? sentence.slice(span.start, span.end) : null;
}

describe('chooseSpan', () => {
  it.each([
    [
      'What did Putin call Xi?',
      'In response, Mr Putin called Mr Xi a “dear friend” and said that ties are “at an unprecedentedly high level”.',
      'dear friend',
      'the quoted phrase nearest to "called"',
    ],
    [
      'What day did Kim reach Beijing?',
      'While Mr Putin arrived in China on Sunday, the North Korean leader reached Beijing on Tuesday after leaving home.',
      'Tuesday',
      'the date nearest to "reached Beijing", not Putin’s Sunday',
    ],
    [
      'how long was the putin-kim sit-down?',
      'After the parade, Kim and Putin met for two and a half hours on the sidelines.',
      'two and a half hours',
      'a duration',
    ],
    [
      'What was the trade number between China and Russia for 2023?',
      'The meeting underscored the ties between China and Russia, with bilateral trade reaching $240 billion in 2023.',
      '$240 billion',
      'the figure, not the year the question already names',
    ],
    [
      'Who said China wants to show it is overtaking the US?',
      '“China is catching up,” said Shin Kawashima, a China expert at the University of Tokyo.',
      'Shin Kawashima',
      'a person name the tagger does not know, found as a proper-noun run',
    ],
  ])('%s → %s', (question, sentence, expected) => {
    expect(spanFor(question, sentence)).toBe(expected);
  });

  it('gives no span when the sentence holds nothing of the asked-for type', () => {
    expect(spanFor('How many tanks were in the parade?', 'The military parade showcased China’s military might.')).toBeNull();
  });

  it('every span lies inside its sentence (offsets are sentence-relative)', () => {
    const sentence = 'Xi and Kim met in Pyongyang in 2019, during Xi’s first state visit to North Korea.';
    const q = analyzeQuestion('When did Xi and Kim last meet?');
    const span = chooseSpan(q, sentence, findEntities(sentence), new Set(terms('Xi Kim meet')))!;
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(sentence.length);
    expect(sentence.slice(span.start, span.end)).toBe('2019');
  });
});
