import { describe, expect, it } from 'vitest';
import { analyzeQuestion, cleanQuestion } from '../../src/answer/question.js';

describe('analyzeQuestion', () => {
  it.each([
    ['Who attended the parade?', 'person', 'who asks for a person'],
    ["who's the oxford guy who said it", 'person', 'contracted who’s'],
    ['Which analysts get quoted?', 'person', 'which + a person noun'],
    ['Where did they meet?', 'place', 'where asks for a place'],
    ['which city was Putin heading to?', 'place', 'which + a place noun'],
    ['When did Putin land in China', 'date', 'when asks for a date'],
    ['wen did xi and kim last meet', 'date', 'the common typo of when'],
    ['What day did Kim reach Beijing?', 'date', 'what + a date noun'],
    ['What year was the treaty signed?', 'date', 'what year'],
    ['How many tanks were there?', 'number', 'how many'],
    ['yo whats the trade number for 2023', 'number', 'what’s … number'],
    ['how long was the sit-down?', 'duration', 'how long'],
    ['Which news agency published the story?', 'org', 'which + an organisation noun; "news" is not a plural'],
    ['which outlet is the story credited to?', 'org', 'outlet'],
    ['Why have they been called pariahs?', 'reason', 'why, though "called" appears too'],
    ['what did putin call xi?', 'quote', 'call asks for the words used'],
    ['What did Xi say the stance was when Putin visited?', 'other', 'the first wh-word decides, not the later "when"'],
    ['What is China’s only formal ally?', 'other', 'no typed head noun'],
  ])('%s → %s (%s)', (question, type) => {
    expect(analyzeQuestion(question).type).toBe(type);
  });

  it.each([
    ['When will Xi visit Pyongyang?', true],
    ['when is kim going to russia', true],
    ['When did Xi last visit Moscow?', false],
  ])('future tense of %s is %s', (question, future) => {
    expect(analyzeQuestion(question).future).toBe(future);
  });

  it('marks list questions', () => {
    expect(analyzeQuestion('who attended the parade?').list).toBe(true);
    expect(analyzeQuestion('Which news agency published it?').list).toBe(false);
  });
});

describe('cleanQuestion', () => {
  it('removes mentions and markdown so they never reach search', () => {
    expect(cleanQuestion('<@123456789012345678> **what** did @everyone say? `x`')).toBe('what did say? x');
  });
});

describe('the occasion clause (setting terms)', () => {
  const setting = (q: string) => new Set(analyzeQuestion(q).setting);
  const termsOf = (text: string) => analyzeQuestion(text).terms;

  it('takes a leading clause ended by a comma before the wh-word', () => {
    const found = setting('After the 2024 Beijing talks, which city was Putin heading to for a trade fair?');
    for (const t of termsOf('2024 Beijing talks')) expect(found.has(t)).toBe(true);
    for (const t of termsOf('city Putin heading trade fair')) expect(found.has(t)).toBe(false);
  });

  it('leaves a trailing when/ahead of clause in the question: answers often repeat it', () => {
    expect(setting('What did Xi say about the war when Putin visited in May 2024?').size).toBe(0);
    expect(setting('where did they sit down for talks ahead of the parade?').size).toBe(0);
  });

  it('is empty for a question with no occasion clause', () => {
    expect(setting('When did Putin arrive in Beijing?').size).toBe(0);
    expect(setting('Who attended the parade?').size).toBe(0);
    expect(setting('What did Putin call Xi on the phone?').size).toBe(0);
    expect(setting('In Beijing what did Putin call Xi?').size).toBe(0);
  });
});
