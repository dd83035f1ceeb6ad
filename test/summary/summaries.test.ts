import { describe, expect, it } from 'vitest';
import { summarizeArticle } from '../../src/summary/article-summary.js';
import { summarizeCorpus } from '../../src/summary/corpus-summary.js';
import { groupStories } from '../../src/summary/story-grouping.js';
import { summarizeTopic } from '../../src/summary/topic-summary.js';
import { summarize } from '../../src/summary/summarize.js';
import { makeArticle, makeSource, unit } from './make-article.js';

const parade = makeArticle('parade.txt', [
  { text: 'Beijing parade', kind: 'heading' },
  'China held a huge military parade in Beijing on Wednesday. Xi Jinping watched the parade with Putin and Kim.',
  { text: 'Troops march past Tiananmen during the parade in Beijing.', kind: 'caption' },
  'The parade in Beijing marked eighty years since the war ended. Tanks and missiles rolled through Beijing in the parade.',
  'Analysts said the parade showed China and its partners united. Xi Jinping watched the parade alongside Putin and Kim.',
  'Separately, a funicular crashed in Lisbon on Wednesday evening.',
]);

describe('summarizeArticle', () => {
  it('quotes only body sentences, in article order, within the sentence budget', () => {
    const summary = summarizeArticle(makeSource([parade]), 'parade.txt', { maxSentences: 3, maxChars: 10_000 });
    const kinds = summary.sentences.map((s) => parade.sentences[s.citation.sentence - 1]!.kind);
    expect(kinds.every((k) => k === 'body')).toBe(true);
    const order = summary.sentences.map((s) => s.citation.start);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(summary.sentences).toHaveLength(3);
    expect(summary.omitted).toEqual({ sentences: 7 - 3, articles: 0 });
  });

  it('leaves out the off-topic sentence (no overlap with the rest, and last)', () => {
    const summary = summarizeArticle(makeSource([parade]), 'parade.txt', { maxSentences: 4, maxChars: 10_000 });
    expect(summary.sentences.map((s) => s.sentence)).not.toContain('Separately, a funicular crashed in Lisbon on Wednesday evening.');
  });

  it('does not say the same thing twice: of the two "Xi watched the parade with Putin and Kim" sentences, one is chosen', () => {
    const summary = summarizeArticle(makeSource([parade]), 'parade.txt', { maxSentences: 4, maxChars: 10_000 });
    expect(summary.sentences.filter((s) => /watched the parade/.test(s.sentence))).toHaveLength(1);
  });

  it('uses captions when the article has nothing else', () => {
    const photos = makeArticle('photos.txt', [{ text: 'Tanks roll through Beijing on Wednesday morning.', kind: 'caption' }]);
    expect(summarizeArticle(makeSource([photos]), 'photos.txt').sentences.map((s) => s.sentence)).toEqual(['Tanks roll through Beijing on Wednesday morning.']);
  });

  it('keeps within a character budget', () => {
    const summary = summarizeArticle(makeSource([parade]), 'parade.txt', { maxChars: 120, maxSentences: 10 });
    expect(summary.sentences.reduce((n, s) => n + s.sentence.length, 0)).toBeLessThanOrEqual(120);
    expect(summary.sentences.length).toBeGreaterThan(0);
  });
});

const dated = (id: string, date: string | null, text: string, publisher: string) => makeArticle(id, [text], { date, publisher, title: id });
const wireA = dated('a.txt', '2025-09-03', 'Xi Jinping hosted a military parade in Beijing with Putin and Kim. The parade featured new missiles.', 'AFP');
const wireB = dated('b.txt', '2025-09-02', 'Xi Jinping hosted a military parade in Beijing with Putin and Kim! Crowds gathered early.', 'CNN');
const later = dated('c.txt', '2025-09-04', 'Xi met Kim for talks the day after the parade.', 'Reuters');

describe('summarizeTopic', () => {
  const source = makeSource([wireA, wireB, later]);
  const candidates = [
    { articleId: 'a.txt', sentenceIndex: 0, relevance: 9 },
    { articleId: 'b.txt', sentenceIndex: 0, relevance: 8 },
    { articleId: 'a.txt', sentenceIndex: 1, relevance: 5 },
    { articleId: 'c.txt', sentenceIndex: 0, relevance: 6 },
    { articleId: 'missing.txt', sentenceIndex: 0, relevance: 10 },
  ];

  it('merges the same sentence from two outlets into one quote with both sources', () => {
    const summary = summarizeTopic(source, 'the parade', candidates, { maxSentences: 5, maxChars: 10_000 });
    const merged = summary.sentences.find((s) => s.citation.article === 'a.txt' && s.citation.sentence === 1)!;
    expect(merged.alsoReportedBy.map((c) => c.article)).toEqual(['b.txt']);
    expect(summary.sentences.filter((s) => s.sentence.startsWith('Xi Jinping hosted'))).toHaveLength(1);
  });

  it('orders quotes by article date', () => {
    const summary = summarizeTopic(source, 'the parade', candidates, { maxSentences: 5, maxChars: 10_000 });
    const dates = summary.sentences.map((s) => s.citation.date!);
    expect(dates).toEqual([...dates].sort());
  });

  it('counts what the budget left out', () => {
    const summary = summarizeTopic(source, 'the parade', candidates, { maxSentences: 1, maxChars: 10_000 });
    // Shown: a#0 with b#0 merged into it; left out: a#1 and c#0, and article c entirely.
    expect(summary.sentences).toHaveLength(1);
    expect(summary.omitted).toEqual({ sentences: 2, articles: 1 });
  });
});

describe('corpus stories', () => {
  const may = dated('may.txt', '2024-05-16', 'Putin arrived in Beijing for a state visit and talks with Xi Jinping.', 'AFP');
  const vectors = new Map([
    ['a.txt#0', unit(1, 0, 0)],
    ['a.txt#1', unit(1, 0.1, 0)],
    ['b.txt#0', unit(1, 0, 0)],
    ['b.txt#1', unit(1, 0, 0.1)],
    ['c.txt#0', unit(0.2, 1, 0)],
    ['may.txt#0', unit(1, 0, 0.05)],
  ]);
  const source = makeSource([wireA, wireB, later, may], vectors);

  // may.txt points the same way as a and b, but lies more than maxDayGap days away; c.txt is another event.
  it('groups same-event articles and keeps articles months apart in separate stories', () => {
    const stories = groupStories(source, { threshold: 0.45 });
    expect(stories).toContainEqual(['a.txt', 'b.txt']);
    expect(stories).toContainEqual(['may.txt']);
    expect(groupStories(source, { threshold: 0.45, maxDayGap: 10_000 })).toContainEqual(['a.txt', 'b.txt', 'may.txt']);
  });

  it('gives each story a headline, its sources and its dates', () => {
    const summary = summarizeCorpus(source, { maxSentences: 8, maxChars: 10_000 }, { grouping: { threshold: 0.45 } });
    const parade = summary.stories[0]!;
    expect(parade.sources.map((s) => s.article)).toEqual(['b.txt', 'a.txt']);
    expect(parade.dates).toEqual(['2025-09-02', '2025-09-03']);
    expect(parade.headline.sentence).toMatch(/^Xi Jinping hosted a military parade/);
    expect(summary.sentences).toEqual(summary.stories.map((s) => s.headline));
    expect(summary.omitted.articles).toBe(0);
  });

  it('shows fewer stories when the budget holds fewer headlines', () => {
    const summary = summarizeCorpus(source, { maxSentences: 1, maxChars: 10_000 }, { grouping: { threshold: 0.45 } });
    expect(summary.stories).toHaveLength(1);
    expect(summary.omitted.articles).toBe(2);
  });
});

describe('summarize', () => {
  const deps = { source: makeSource([parade, wireA]), retrieveTopic: async () => [{ articleId: 'a.txt', sentenceIndex: 0, relevance: 1 }] };
  it('resolves title words to the article', async () => {
    expect((await summarize({ article: 'parade' }, deps)).target).toBe('parade.txt');
  });
  it('rejects an empty topic with TOPIC_EMPTY', async () => {
    await expect(summarize({ topic: '  ' }, deps)).rejects.toMatchObject({ code: 'TOPIC_EMPTY' });
  });
  it('summarizes a topic from the retrieved candidates', async () => {
    expect((await summarize({ topic: 'parade' }, deps)).sentences.map((s) => s.citation.article)).toEqual(['a.txt']);
  });
});
