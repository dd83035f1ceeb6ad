/**
 * The pure time rules: borrowing an article date within a story, a candidate's fit to a period, newest first
 * among near ties, and where the doors put a resolved date.
 */
import { describe, expect, it } from 'vitest';
import { datesOfArticles } from '../../src/time/article-dates.js';
import { dayOf, periodOf } from '../../src/time/calendar.js';
import { dateNotes, quotePieces } from '../../src/time/date-notes.js';
import { fitToPeriod, type CandidateTime } from '../../src/time/period-fit.js';
import { newerWithin } from '../../src/time/time-step.js';
import { readOccasion } from '../../src/time/occasion.js';

describe('datesOfArticles', () => {
  const articles = new Map<string, { date: string | null }>([
    ['a-first.txt', { date: '2025-09-04' }],
    ['b-later.txt', { date: '2025-09-06' }],
    ['c-rerun.txt', { date: null }],
    ['d-alone.txt', { date: null }],
  ]);

  it('lends an undated article the earliest date of its story and names the lender', () => {
    const dates = datesOfArticles(articles, [['a-first.txt', 'b-later.txt', 'c-rerun.txt'], ['d-alone.txt']]);
    expect(dates.get('c-rerun.txt')).toEqual({ date: '2025-09-04', kind: 'borrowed', from: 'a-first.txt' });
    expect(dates.get('b-later.txt')).toEqual({ date: '2025-09-06', kind: 'stated' });
  });

  it('leaves an article undated when no article of its story is dated (never invented)', () => {
    expect(datesOfArticles(articles, [['a-first.txt'], ['c-rerun.txt', 'd-alone.txt']]).get('c-rerun.txt')).toEqual({ date: null, kind: null });
  });
});

describe('fitToPeriod', () => {
  const sep2025 = periodOf('2025-09')!;
  const y2023 = periodOf('2023')!;
  const at = (iso: string) => periodOf(iso)!.from;
  const time = (articleDay: number | null, sentenceDates: string[] = [], named: string[] = []): CandidateTime => ({ articleDay, sentenceDates, articleDates: () => named });

  it.each<[string, ReturnType<typeof periodOf>, CandidateTime, string]>([
    ['the article is dated inside the period', sep2025, time(at('2025-09-04')), 'in'],
    ['the article is dated outside it', y2023, time(at('2025-09-04')), 'out'],
    ['the sentence names a date inside it, whatever the article date', periodOf('2019')!, time(at('2025-09-04'), ['2019']), 'in'],
    ['dated inside, but the sentence recalls an earlier time', sep2025, time(at('2025-09-04'), ['2022-02']), 'unchecked'],
    ['dated inside, the sentence sets a later deadline', periodOf('2024')!, time(at('2024-03-08'), ['2031']), 'in'],
    ['undated, the sentence names only a later date', y2023, time(null, ['2031']), 'unchecked'],
    ['dated outside, the sentence names a date partly in it', sep2025, time(at('2024-05-16'), ['2025']), 'unchecked'],
    ['undated, the sentence names only other years (maybe a comparison: "up from $66m in 2003")', y2023, time(null, ['2022-02']), 'unchecked'],
    ['undated, nothing says when', y2023, time(null), 'unchecked'],
    ['undated, the article names a date years after the period: written well after it', periodOf('2019')!, time(null, [], ['2022-02', '2023']), 'out'],
    ['undated, the article names the next year: may report on the period ("2004 sales … 2005 outlook")', periodOf('2004')!, time(null, [], ['2005']), 'unchecked'],
  ])('%s', (_rule, period, candidate, expected) => {
    expect(fitToPeriod(period!, candidate)).toBe(expected);
  });
});

describe('newerWithin', () => {
  const day = (iso: string | null) => (iso === null ? null : dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))));
  const row = (name: string, score: number, date: string | null) => ({ name, score, date });
  const order = (rows: ReturnType<typeof row>[], gap: number) => newerWithin(rows, gap, (r) => day(r.date)).map((r) => r.name);

  it('puts the newest article first among candidates within the gap, undated ones after dated', () => {
    const rows = [row('old-best', 5, '2024-05-16'), row('undated', 4.5, null), row('new', 4, '2025-09-04'), row('far', 1, '2025-09-05')];
    expect(order(rows, 2)).toEqual(['new', 'old-best', 'undated', 'far']);
  });

  it('with a tiny gap only breaks ties', () => {
    const rows = [row('old', 3, '2024-05-16'), row('new', 3, '2025-09-04'), row('lower', 2.9, '2026-01-01')];
    expect(order(rows, 0.05)).toEqual(['new', 'old', 'lower']);
  });
});

describe('date notes', () => {
  const sentence = 'Xi, Putin and Kim took center stage on Wednesday, as in 2019.';
  const start = 100;
  const mention = (text: string, date: string | null) => ({ text, start: start + sentence.indexOf(text), end: start + sentence.indexOf(text) + text.length, date });
  const quote = {
    sentence,
    span: { text: 'Wednesday', start: start + sentence.indexOf('Wednesday'), end: start + sentence.indexOf('Wednesday') + 9 },
    dates: [mention('Wednesday', '2025-09-03'), mention('2019', '2019')],
    citation: { start, end: start + sentence.length } as never,
  };

  it('notes a resolved date after its words unless they state the year', () => {
    expect(dateNotes(quote)).toEqual([{ at: sentence.indexOf('Wednesday') + 9, note: '3 Sep 2025' }]);
  });

  it('cuts the sentence so every character appears once, in order, with the span marked', () => {
    const pieces = quotePieces(quote);
    expect(pieces.map((p) => p.text).join('')).toBe(sentence);
    expect(pieces.find((p) => p.bold)).toEqual({ text: 'Wednesday', bold: true, note: '3 Sep 2025' });
  });
});

describe('occasions', () => {
  it.each<[string, { relation: string; head: string } | null]>([
    ['what did putin call xi at their meeting before the parade?', { relation: 'before', head: 'parade' }],
    ['What did Kim and Putin do after the parade in Beijing?', { relation: 'after', head: 'parade' }],
    ['What happened in Norland following the Oslo summit?', { relation: 'after', head: 'summit' }],
    // A dated occasion is the question reader's (a period), not a noun to look up.
    ['wen did xi and kim last meet before their sept 2025 talks', null],
    ['What did Xi say before the war?', null],
  ])('%s', (question, expected) => {
    const found = readOccasion(question);
    expect(found === null ? null : { relation: found.relation, head: found.head }).toEqual(expected);
  });
});
