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

describe('reason and list spans', () => {
  it.each([
    ['Why did the firm sack staff?', 'The firm sacked about 100 employees due to a severe cash crisis.', 'due to a severe cash crisis'],
    ['Why was the plan dropped?', 'The agency has been abandoned in the wake of stiff opposition.', 'in the wake of stiff opposition'],
    ['Why did Blair reject it?', 'Mr Blair said the powers were renewable because it was annually renewable, he said.', 'because it was annually renewable'],
    ['Why does Shevchenko miss the game?', 'He misses the first leg after fracturing his cheekbone.', 'after fracturing his cheekbone'],
  ])('%s → the reason clause "%s"', (question, sentence, expected) => {
    expect(spanFor(question, sentence)).toBe(expected);
  });

  it('gives no reason span when the sentence gives no reason', () => {
    expect(spanFor('Why did the shares fall?', 'The shares fell sharply on Monday.')).toBeNull();
  });

  it('marks the enumerated items of a list question as one span', () => {
    expect(
      spanFor(
        'Which three directors were voted off the board?',
        'Legal adviser Maurice Watkins, commercial director Andy Anson and non-executive director Philip Yea were voted out.',
      ),
    ).toBe('Maurice Watkins, commercial director Andy Anson and non-executive director Philip Yea');
  });
});
