/** The date resolver (src/time/resolve-dates.ts) on a table of sentences and reference dates; each row says its rule. */
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/time/calendar.js';
import { findDates, type DateReference } from '../../src/time/resolve-dates.js';

/** Thursday 4 September 2025: the date of seed 003. */
const THU = { day: dayOf(2025, 9, 4), kind: 'stated' } as const satisfies DateReference;
const JAN = { day: dayOf(2025, 1, 20), kind: 'stated' } as const satisfies DateReference;
const BORROWED = { day: dayOf(2025, 9, 4), kind: 'borrowed' } as const satisfies DateReference;

describe('findDates', () => {
  it.each<[string, string, DateReference | null, Array<[string, string | null]>]>([
    ['a weekday before the reference is the latest such day', 'Xi, Putin and Kim took center stage on Wednesday.', THU, [['Wednesday', '2025-09-03']]],
    ['the reference weekday itself is that day', 'Xi and Kim began their meeting on Thursday.', THU, [['Thursday', '2025-09-04']]],
    ['a weekday after it under future wording is the next one', 'Putin will fly home on Friday.', THU, [['Friday', '2025-09-05']]],
    ['"last Friday" is strictly before', 'The talks ended last Friday.', THU, [['last Friday', '2025-08-29']]],
    ['"last year" counts from the article date', 'Trade grew last year.', THU, [['last year', '2024']]],
    ['"yesterday" too', 'Yesterday the ministers spoke.', THU, [['Yesterday', '2025-09-03']]],
    ['"two years ago" is a year', 'Two years ago they met.', THU, [['Two years ago', '2023']]],
    ['a past month without a year is in the article year', 'He was re-elected in March.', THU, [['March', '2025-03']]],
    ['a month more than three months ahead is the year before', 'He was re-elected in December.', JAN, [['December', '2024-12']]],
    ['a day and month without a year', 'They met on 3 September.', THU, [['3 September', '2025-09-03']]],
    ['a bare year is a year', 'The two leaders last met in Pyongyang in 2019.', THU, [['2019', '2019']]],
    ['a range within one month is that month', 'Talks ran from 3 to 5 September 2025.', THU, [['3 to 5 September 2025', '2025-09']]],
    ['a month joined to a dated one takes its year', 'Between March and May 2024 prices rose.', THU, [['March', '2024-03'], ['May 2024', '2024-05']]],
    ['… in an undated article too', 'Between March and May 2024 prices rose.', null, [['March', '2024-03'], ['May 2024', '2024-05']]],
    ['an ambiguous numeric date stays unresolved', 'The deal was signed on 03/09/2025.', THU, [['03/09/2025', null]]],
    ['a numeric date with one valid reading is resolved', 'The deal was signed on 25/09/2025.', THU, [['25/09/2025', '2025-09-25']]],
    ['a distance from an event is found, never dated', 'Xi met Kim a day after the parade.', THU, [['a day after the parade', null]]],
    ['a week is not one of the precisions', 'They met this week.', THU, [['this week', null]]],
    ['an undated article resolves no weekday', 'They met on Wednesday.', null, [['Wednesday', null]]],
    ['a borrowed date resolves no weekday (known to within the story)', 'They met on Wednesday.', BORROWED, [['Wednesday', null]]],
    ['a borrowed date still gives month names their year', 'He arrived in May.', BORROWED, [['May', '2025-05']]],
    ['an undated article resolves dates that carry their year', 'The invasion began in February 2022.', null, [['February 2022', '2022-02']]],
    ['a money figure is no year', 'Bilateral trade reached $240 billion in 2023.', null, [['2023', '2023']]],
    ['a count is no year', 'The parade had 2024 troops.', null, []],
    ['"now" names no date', 'Right now the mood is tense.', THU, []],
    ['"sat down" is no Saturday: weekdays are read only when written out', 'Xi and Kim have sat down for formal talks.', THU, []],
  ])('%s', (_rule, sentence, reference, expected) => {
    const found = findDates(sentence, reference);
    expect(found.map((m) => [m.text, m.date])).toEqual(expected);
    for (const m of found) expect(sentence.slice(m.start, m.end)).toBe(m.text);
  });

  it('adds the offset to every start and end, so mentions point into the article text', () => {
    const article = 'Lead. Xi, Putin and Kim took center stage on Wednesday.';
    const at = article.indexOf('Xi');
    const [mention] = findDates(article.slice(at), THU, at);
    expect(article.slice(mention!.start, mention!.end)).toBe('Wednesday');
  });
});
