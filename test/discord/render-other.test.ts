import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src/engine-types.js';
import { VerbatimError } from '../../src/errors.js';
import { decodeButton } from '../../src/discord/custom-ids.js';
import { limitViolations } from '../../src/discord/payload-limits.js';
import { renderArticles } from '../../src/discord/render-articles.js';
import { GENERIC_FAILURE, renderError } from '../../src/discord/render-error.js';
import { renderIngestReport } from '../../src/discord/render-reindex.js';
import { renderSummary } from '../../src/discord/render-summary.js';
import { citation } from './results.js';

const item = (n: number) => ({ id: `00${n}_article.txt`, title: `Article ${n}`, publisher: n % 2 === 0 ? 'AP' : null, date: null, url: null, sentences: 10 + n });

describe('renderArticles', () => {
  it('lists a page with numbers, sources and ids', () => {
    const payload = renderArticles({ total: 5, offset: 0, items: [item(1), item(2)] }, 2);
    expect(payload.embeds[0]!.description).toBe('**1.** *Article 1* — unknown, unknown · 11 sentences\n`001_article.txt`\n**2.** *Article 2* — AP, unknown · 12 sentences\n`002_article.txt`');
    expect(payload.embeds[0]!.footer!.text).toBe('Page 1 of 3 · 5 articles');
  });

  it.each([
    ['first page: previous disabled, next to offset 2', 0, [{ offset: 0, disabled: true }, { offset: 2, disabled: false }]],
    ['middle page: both enabled', 2, [{ offset: 0, disabled: false }, { offset: 4, disabled: false }]],
    ['last page: next disabled', 4, [{ offset: 2, disabled: false }, { offset: 6, disabled: true }]],
  ])('%s', (_why, offset, expected) => {
    const buttons = renderArticles({ total: 5, offset, items: [item(1)] }, 2).components[0]!.components;
    expect(buttons.map((b) => ({ offset: (decodeButton(b.custom_id) as { offset: number }).offset, disabled: b.disabled }))).toEqual(expected);
  });

  it('has no buttons when everything is on one page', () => {
    expect(renderArticles({ total: 2, offset: 0, items: [item(1), item(2)] }, 10).components).toEqual([]);
  });
});

describe('renderSummary', () => {
  const s = (sentence: string, paragraph: number, title = 'Parade day') => ({ sentence, citation: citation({ title, paragraph }), alsoReportedBy: [], score: 1 });

  it('shows an article summary as its verbatim sentences with paragraph numbers and one source line', () => {
    const payload = renderSummary({ kind: 'article', target: 'a.txt', sentences: [s('First *point*.', 1), s('Second point.', 4)], stories: [], omitted: { sentences: 3, articles: 0 } });
    expect(payload.embeds[0]!.title).toBe('Summary: Parade day');
    expect(payload.embeds[0]!.description).toBe('**Source:** *Parade day* — unknown, unknown\n\n> First \\*point\\*. (¶ 1)\n> Second point. (¶ 4)');
    expect(payload.embeds[0]!.footer!.text).toBe('Left out: 3 candidate sentences not shown');
  });

  it('shows a corpus summary story by story, with dates and sources', () => {
    const story = { headline: s('Leaders met.', 1, 'A'), sentences: [s('They talked.', 2, 'B')], sources: [citation({ title: 'A' }), citation({ title: 'B', publisher: 'CNN' })], dates: ['2025-09-02', '2025-09-04'] };
    const text = renderSummary({ kind: 'corpus', target: 'corpus', sentences: [], stories: [story], omitted: { sentences: 0, articles: 0 } }).embeds[0]!.description;
    expect(text).toBe('**Story 1** (2025-09-02 – 2025-09-04)\n> Leaders met. — *A*, ¶ 1\n> They talked. — *B*, ¶ 2\nSources: *A* — unknown, unknown; *B* — CNN, unknown');
  });

  it('says so when there is nothing to summarise', () => {
    expect(renderSummary({ kind: 'topic', target: 'tanks', sentences: [], stories: [], omitted: { sentences: 0, articles: 0 } }).content).toBe('The articles have nothing to summarise for that.');
  });
});

describe('renderError', () => {
  it.each([
    ['a catalog error shows its message and hint', new VerbatimError('QUESTION_EMPTY', 'The question is empty'), '**The question is empty**\nAsk a question in words, for example: "What did Putin call Xi?"'],
    ['a summary not built yet says "not available yet"', new VerbatimError('SUMMARY_NOT_AVAILABLE', 'Corpus summaries are not built'), '**Not available yet.** **Corpus summaries are not built**\nThis kind of summary is not available in this version.'],
    ['an internal error gets the generic message (details are logged)', new VerbatimError('INTERNAL', 'index pointer was null'), GENERIC_FAILURE],
    ['anything else gets the generic message', new TypeError('x is undefined'), GENERIC_FAILURE],
  ])('%s', (_why, error, expected) => {
    expect(renderError(error).content).toBe(expected);
  });
});

describe('renderIngestReport', () => {
  const report: IngestReport = { corpusDir: '/c', indexDir: '/i', articles: 7, added: 1, changed: 0, removed: 0, unchanged: 6, passages: 60, sentences: 180, embedded: 4, capped: 0, rebuilt: null, problems: [], ms: 1234 };

  it('says what changed', () => {
    expect(renderIngestReport(report).embeds[0]!.description).toBe('**7 articles** indexed: 1 added, 0 changed, 0 removed, 6 unchanged.\n60 passages, 180 sentences; 4 passages embedded in 1.2 s.');
  });

  it('lists unreadable files within the limits', () => {
    const problems = Array.from({ length: 400 }, (_, i) => ({ path: `bad_${i}.bin`, code: 'ARTICLE_BINARY' as const, message: 'The file is binary', hint: 'Only text articles are read.' }));
    const payload = renderIngestReport({ ...report, problems });
    expect(payload.embeds[0]!.description).toContain('**400 files could not be read:**');
    expect(payload.embeds[0]!.description).toMatch(/\*…and \d+ more \(see the log\)\.\*$/);
    expect(limitViolations(payload)).toEqual([]);
  });
});
