/**
 * The time rules end to end, on a small corpus written for them (bench/lib/time-fixtures, shared with bench:time): two meetings of the same
 * people in different years (2019 Lisbon, 2024 Oslo), a follow-up story (the rail vote, four days after Oslo), an
 * undated re-run of the Oslo story and an undated profile. The real offline embedder (USE lite), files store.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import type { AskResult, Quote } from '../../src/answer/types.js';
import { tempDir } from '../../bench/lib/seed-corpus.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/lib/time-fixtures');
const LISBON = '2019-lisbon-talks.md';
const OSLO = '2024-oslo-summit.md';
const VOTE = '2024-rail-vote.md';
const RERUN = 'oslo-summit-rerun.txt';
const PROFILE = 'ferro-profile.txt';

let engine: Engine;
let corpusDir: string;

beforeAll(async () => {
  corpusDir = await tempDir('verbatim-time-corpus-');
  for (const file of await fs.readdir(FIXTURES)) await fs.copyFile(path.join(FIXTURES, file), path.join(corpusDir, file));
  // The clock is far past the corpus: relative words count from its newest article (an archive).
  engine = createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir('verbatim-time-index-'), EMBEDDER: 'use' }), { now: () => new Date('2026-12-06T00:00:00Z') });
  await engine.warmUp();
});

afterAll(async () => {
  await engine?.close();
});

const quotes = (r: AskResult): Quote[] => [...r.answers, ...r.nearest, ...r.more];
const top = (r: AskResult): Quote => r.answers[0] ?? r.nearest[0]!;

describe('article dates', () => {
  it('cites the stated date of a dated article, and says it is stated', async () => {
    const result = await engine.ask('What did Kovac and Ferro agree in 2019?');
    expect(top(result).citation).toMatchObject({ article: LISBON, date: '2019-06-14', dateKind: 'stated' });
  });

  it('lends the undated re-run the date of the story it re-runs, and says where it comes from', async () => {
    const result = await engine.ask('What did Ferro call the rail link?', { maxAnswers: 3 });
    const cited = quotes(result).flatMap((q) => [q.citation, ...q.alsoReportedBy]).find((c) => c.article === RERUN);
    expect(cited).toMatchObject({ date: '2024-03-08', dateKind: 'borrowed', dateFrom: OSLO });
  });

  it('cites the borrowed date in summaries too', async () => {
    const summary = await engine.summarize({ article: RERUN });
    expect(summary.sentences[0]?.citation).toMatchObject({ article: RERUN, date: '2024-03-08', dateKind: 'borrowed', dateFrom: OSLO });
  });

  it('leaves an article of no dated story undated (never invented)', async () => {
    const result = await engine.ask('What did Luis Ferro train as before politics?');
    expect(top(result).citation).toMatchObject({ article: PROFILE, date: null, dateKind: null });
  });
});

describe('dates in quotes', () => {
  it('gives a "when" question the span "Wednesday" and the day it was, in the span and in dates[]', async () => {
    const result = await engine.ask('When did Kovac and Ferro meet in Oslo?');
    const quote = result.answers[0]!;
    expect([OSLO, RERUN]).toContain(quote.citation.article);
    expect(quote.span).toMatchObject({ text: 'Wednesday' });
    // The re-run's date is borrowed, known only to within its story: its weekday stays unresolved.
    const expected = quote.citation.article === OSLO ? '2024-03-06' : null;
    expect(quote.span?.date).toBe(expected);
    expect(quote.dates).toContainEqual(expect.objectContaining({ text: 'Wednesday', date: expected }));
  });

  it('resolves the follow-up\'s "Monday" against its own date', async () => {
    const result = await engine.ask('When did the Norland parliament approve the rail link funding?');
    const quote = quotes(result).find((q) => q.citation.article === VOTE)!;
    expect(quote.dates).toContainEqual(expect.objectContaining({ text: 'Monday', date: '2024-03-11' }));
  });
});

describe('the question\'s time', () => {
  it('answers a question about 2019 from the 2019 meeting and one about 2024 from the 2024 one', async () => {
    const in2019 = await engine.ask('What did Kovac and Ferro agree in 2019?');
    expect(in2019.status).toBe('answered');
    expect(in2019.answers[0]!.sentence).toContain('fishing quota');
    expect(in2019.trace.time).toMatchObject({ applied: 'period', period: '2019-01-01 – 2019-12-31', words: ['in 2019'] });
    const in2024 = await engine.ask('What did Kovac and Ferro agree in 2024?');
    expect(in2024.status).toBe('answered');
    expect(in2024.answers[0]!.sentence).toContain('rail link');
    expect(quotes(in2024).every((q) => q.citation.article !== LISBON)).toBe(true);
  });

  it('is not_found with no-match-in-period when nothing from the period answers', async () => {
    const result = await engine.ask('What did Kovac and Ferro agree in 2021?');
    expect(result.status).toBe('not_found');
    expect(result.reason).toBe('no-match-in-period');
    // Every passage shown as nearest is undated (not ruled out): none is dated outside 2021.
    for (const q of result.nearest) expect(q.citation.date === null || q.citation.date.startsWith('2021')).toBe(true);
  });

  it('counts "last year" from the newest article on an archive, and says so in the trace', async () => {
    const result = await engine.ask('What did Kovac and Ferro agree last year?');
    expect(result.trace.time?.reference).toEqual({ date: '2024-03-12', from: 'newest-article' });
    expect(result.trace.time?.period).toBe('2023-01-01 – 2023-12-31');
    expect(result.status).toBe('not_found');
  });

  it('puts the newest article first for "latest"', async () => {
    const result = await engine.ask('What is the latest on the rail link?');
    expect(result.trace.time?.applied).toBe('latest');
    expect(top(result).citation.article).toBe(VOTE);
  });

  it('reads an occasion\'s day from the passages that name it: "after the Oslo summit" is the week after 6 March 2024', async () => {
    const result = await engine.ask('What did the Norland parliament approve after the Oslo summit?');
    expect(result.trace.time?.words).toEqual(['after the Oslo summit (2024-03-06)']);
    expect(result.trace.time?.period).toBe('2024-03-07 – 2024-03-13');
    expect(top(result).citation.article).toBe(VOTE);
  });

  it('takes since/until as a period, and refuses a bad date with DATE_INVALID', async () => {
    const since = await engine.ask('What did Kovac and Ferro agree?', { since: '2024' });
    expect(since.answers[0]?.sentence).toContain('rail link');
    expect(since.trace.time?.words).toEqual(['since 2024']);
    const until = await engine.ask('What did Kovac and Ferro agree?', { until: '2019-12' });
    expect(until.answers[0]?.sentence).toContain('fishing quota');
    await expect(engine.ask('What did Kovac and Ferro agree?', { since: 'March' })).rejects.toMatchObject({ code: 'DATE_INVALID' });
  });

  it('names the rule applied without time words: newer articles win ties', async () => {
    const result = await engine.ask('What did Kovac and Ferro agree?');
    expect(result.trace.time).toMatchObject({ applied: 'newer-wins-ties', period: null, words: [] });
  });

  it('ignores the time when asked to (the benchmark\'s "off" column)', async () => {
    const result = await engine.ask('What did Kovac and Ferro agree in 2021?', { timeConstraint: false });
    expect(result.trace.time).toBeUndefined();
    expect(result.reason).not.toBe('no-match-in-period');
  });
});
