/** A Summary as a Discord reply: verbatim sentences with citations, whole sentences or stories only. */
import type { Summary, SummarySentence, SummaryStory } from '../summary/types.js';
import { escapeText } from './escape.js';
import { fitBlocks, shortenAtWord, type BlockRenderer, NOTE_ROOM } from './fit.js';
import { EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX } from './limits.js';
import { reply, type Reply } from './payload.js';
import { formatSource } from './render-citation.js';
import { quoteText, renderQuoteBlock } from './render-quote.js';

const SUMMARY_COLOUR = 0x1565c0;

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const asQuote = (s: SummarySentence) => ({ ...s, span: null, dates: [] });

const articleSentence: BlockRenderer<SummarySentence> = (s, _position, textMax) =>
  `> ${quoteText(asQuote(s), textMax)} (¶ ${s.citation.paragraph})`;

const topicSentence: BlockRenderer<SummarySentence> = (s, position, textMax) => renderQuoteBlock(asQuote(s), position, textMax);

const storyLine = (s: SummarySentence, textMax: number): string =>
  `> ${quoteText(asQuote(s), textMax)} — *${escapeText(s.citation.title)}*, ¶ ${s.citation.paragraph}`;

const story: BlockRenderer<SummaryStory> = (item, position, textMax) => {
  const dates = item.dates.length === 0 ? '' : ` (${[...new Set([item.dates[0], item.dates.at(-1)])].join(' – ')})`;
  return [
    `**Story ${position}**${dates}`,
    storyLine(item.headline, textMax),
    ...item.sentences.map((s) => storyLine(s, textMax)),
    `Sources: ${item.sources.map(formatSource).join('; ')}`,
  ].join('\n');
};

function titleOf(summary: Summary): string {
  if (summary.kind === 'corpus') return 'Summary of all articles';
  const subject = summary.kind === 'article' ? (summary.sentences[0]?.citation.title ?? summary.target) : summary.target;
  return shortenAtWord(`Summary: ${escapeText(subject)}`, EMBED_TITLE_MAX);
}

function body(summary: Summary, budget: number): { text: string; dropped: number } {
  if (summary.kind === 'corpus') {
    const fitted = fitBlocks(summary.stories, budget, story);
    return { text: fitted.text, dropped: fitted.dropped.length };
  }
  const article = summary.kind === 'article';
  const source = article && summary.sentences[0] !== undefined ? `**Source:** ${formatSource(summary.sentences[0].citation)}` : '';
  const fitted = fitBlocks(summary.sentences, budget - source.length - 2, article ? articleSentence : topicSentence, article ? '\n' : '\n\n');
  return { text: [source, fitted.text].filter(Boolean).join('\n\n'), dropped: fitted.dropped.length };
}

export function renderSummary(summary: Summary): Reply {
  if (summary.sentences.length === 0 && summary.stories.length === 0) {
    return reply({ content: 'The articles have nothing to summarise for that.' });
  }
  const { text, dropped } = body(summary, EMBED_DESCRIPTION_MAX - NOTE_ROOM);
  const unit = summary.kind === 'corpus' ? 'stories' : 'sentences';
  const note = dropped > 0 ? `\n\n*${dropped} more ${unit} did not fit.*` : '';
  const omitted = [
    summary.omitted.sentences > 0 ? `${count(summary.omitted.sentences, 'candidate sentence')} not shown` : '',
    summary.omitted.articles > 0 ? `${count(summary.omitted.articles, 'article')} not covered` : '',
  ].filter(Boolean);
  return reply({
    embeds: [{
      title: titleOf(summary),
      description: text + note,
      color: SUMMARY_COLOUR,
      ...(omitted.length > 0 ? { footer: { text: `Left out: ${omitted.join('; ')}` } } : {}),
    }],
  });
}
