/** The question's time (src/time/question-time.ts) and the since/until options (src/time/time-constraint.ts). */
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/time/calendar.js';
import { describePeriod, readQuestionTime } from '../../src/time/question-time.js';
import { readPeriodOptions, referenceDay, timeConstraint } from '../../src/time/time-constraint.js';

const REF = dayOf(2025, 9, 4);

describe('readQuestionTime', () => {
  it.each<[string, string | null, boolean, string]>([
    ['What did Kim and Putin discuss in 2023?', '2023-01-01 – 2023-12-31', false, 'What did Kim and Putin discuss?'],
    ['What did Kim and Putin discuss in September 2025?', '2025-09-01 – 2025-09-30', false, 'What did Kim and Putin discuss?'],
    ['What did Xi say last year?', '2024-01-01 – 2024-12-31', false, 'What did Xi say?'],
    // Nothing would be left to match: the question is matched as written.
    ['what happened yesterday', '2025-09-03', false, 'what happened yesterday'],
    ['What happened this week?', '2025-09-01 – 2025-09-07', false, 'What happened this week?'],
    ['What did they agree between March and May 2024?', '2024-03-01 – 2024-05-31', false, 'What did they agree?'],
    ['What did Xi say since May 2024?', 'from 2024-05-01', false, 'What did Xi say?'],
    ['What did Xi say at the 2024 summit?', '2024-01-01 – 2024-12-31', false, 'What did Xi say at the summit?'],
    // An occasion placed before or after: the period runs up to the end of its date, or from its start.
    ['After the 2024 Beijing talks, which city was Putin heading to?', 'from 2024-01-01', false, 'After the Beijing talks, which city was Putin heading to?'],
    ['wen did xi and kim last meet before their sept 2025 talks', 'until 2025-09-30', false, 'wen did xi and kim last meet before their talks'],
    ['Back in May 2024, how did Putin characterise the alliances?', '2024-05-01 – 2024-05-31', false, 'how did Putin characterise the alliances?'],
    ['How much did GM Europe lose in the last quarter of 2004?', '2004-10-01 – 2004-12-31', false, 'How much did GM Europe lose?'],
    ['How did Ford do in Q3 2004?', '2004-07-01 – 2004-09-30', false, 'How did Ford do?'],
    ['What did sales do in the first half of 2024?', '2024-01-01 – 2024-06-30', false, 'What did sales do?'],
    ["what's the latest on the parade?", null, true, "what's on the parade?"],
    ['Is Putin still in Beijing?', null, true, 'Is Putin in Beijing?'],
    // A weekday names a day of the story, not a period counted from today.
    ['What did Xi condemn on Monday?', null, false, 'What did Xi condemn on Monday?'],
    ['What year did Beijing and Pyongyang sign their treaty?', null, false, 'What year did Beijing and Pyongyang sign their treaty?'],
  ])('%s', (question, period, latest, text) => {
    const time = readQuestionTime(question, REF);
    expect(time.period ? describePeriod(time.period) : null).toBe(period);
    expect(time.latest).toBe(latest);
    expect(time.text).toBe(text);
  });
});

describe('since and until', () => {
  it('reads YYYY, YYYY-MM and YYYY-MM-DD as the days they cover', () => {
    expect(describePeriod(readPeriodOptions({ since: '2024-05', until: '2025' })!.period)).toBe('2024-05-01 – 2025-12-31');
    expect(describePeriod(readPeriodOptions({ until: '2025-09-03' })!.period)).toBe('until 2025-09-03');
    expect(readPeriodOptions({})).toBeNull();
  });

  it.each([['since', { since: 'last tuesday' }], ['since', { since: '2025-02-30' }], ['until', { until: '2025-13' }], ['since after until', { since: '2025', until: '2024' }]])(
    'refuses a bad %s with DATE_INVALID and a hint',
    (_what, options) => {
      expect(() => readPeriodOptions(options)).toThrow(expect.objectContaining({ code: 'DATE_INVALID', hint: expect.stringMatching(/YYYY-MM-DD/) }));
    },
  );

  it('narrows the question\'s period to the days both allow', () => {
    const c = timeConstraint('What did Xi say in 2025?', { day: REF, from: 'today' }, { since: '2025-09' });
    expect(describePeriod(c.period!)).toBe('2025-09-01 – 2025-12-31');
    expect(c.words).toEqual(['in 2025', 'since 2025-09']);
  });
});

describe('referenceDay', () => {
  it('counts from today on a live corpus and from the newest article on an archive', () => {
    expect(referenceDay(REF + 3, REF)).toEqual({ day: REF + 3, from: 'today', dated: true });
    expect(referenceDay(REF + 400, REF)).toEqual({ day: REF, from: 'newest-article', dated: true });
    expect(referenceDay(REF, null)).toEqual({ day: REF, from: 'today', dated: false });
  });
});

describe('dates the question states outright', () => {
  it('stay in the dated text (the second try for archives that date their sentences), while words counted from today go', () => {
    const time = readQuestionTime('What problems hit Lufthansa in 2003, and what happened last week?', REF);
    expect(time.text).toBe('What problems hit Lufthansa, and what happened?');
    expect(time.datedText).toBe('What problems hit Lufthansa in 2003, and what happened?');
  });

  it('without a year are no period when no article has a date (they cannot be placed in a year), and stay in the words', () => {
    const undated = readQuestionTime('Which directors left at the club\'s November AGM?', REF, { datedCorpus: false });
    expect(undated.period).toBeNull();
    expect(undated.text).toBe("Which directors left at the club's November AGM?");
    expect(readQuestionTime('Which directors left at the club\'s November AGM?', REF).period).not.toBeNull();
    expect(readQuestionTime('What did Lufthansa lose in 2003?', REF, { datedCorpus: false }).period).not.toBeNull();
    expect(readQuestionTime('What did Xi say last year?', REF, { datedCorpus: false }).period).not.toBeNull();
  });
});
