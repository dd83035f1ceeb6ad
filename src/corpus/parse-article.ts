import { groupBlocks, type Block, type TextFormat } from './blocks.js';
import { readDateLine, isoDateFromMeta } from './dates.js';
import { readDateline } from './dateline.js';
import { readFrontMatter, type ArticleMetaInput } from './front-matter.js';
import { layOut, type Layout } from './layout.js';
import { publisherFromLead, publisherFromLine, publisherFromTrailingCredit } from './publisher.js';
import { splitSentences } from './sentences.js';
import { splitLines, trimSpan } from './text-lines.js';
import { titleFromSentence } from './title.js';
import type { Article, Furniture, Paragraph, Sentence } from './types.js';

export type { ArticleMetaInput } from './front-matter.js';

export interface ParseArticleInput {
  id: string;
  /** The whole text offsets will point into (a file's text, or a JSON record's `text`). */
  text: string;
  contentHash: string;
  /** Metadata from outside the text (JSON fields); it wins over what the text says. */
  meta?: ArticleMetaInput;
  /** 'markdown' reads YAML front matter and `#` headings; default 'text'. */
  format?: TextFormat;
}

/**
 * Turns one article's text into paragraphs, sentences and metadata, leaving page furniture out of the
 * sentences. Pure: the same input always gives the same article. Throws VerbatimError ARTICLE_MALFORMED
 * only for markdown whose front matter is not valid YAML.
 */
export function parseArticle(input: ParseArticleInput): Article {
  const { text } = input;
  const format = input.format ?? 'text';
  const frontMatter = format === 'markdown' ? readFrontMatter(text) : null;
  const meta: ArticleMetaInput = { ...frontMatter?.meta, ...input.meta };
  const blocks = groupBlocks(text, splitLines(text, frontMatter?.bodyStart ?? 0), format);
  const layout = layOut({ text, blocks, givenTitle: meta.title ?? null });
  const { paragraphs, sentences } = readParagraphs(text, blocks, layout);
  const furniture = collectFurniture(text, blocks, layout, frontMatter?.span);
  const blockText = (index: number): string | null => {
    const block = blocks[index];
    return block === undefined ? null : oneLine(text.slice(block.start, block.end));
  };
  const dateline = datelineOf(paragraphs, sentences);
  const article: Article = {
    id: input.id,
    ...titleOf(meta.title ?? blockText(layout.title), sentences, text),
    subtitle: blockText(layout.subtitle),
    publisher: meta.publisher ?? publisherFromText(text, paragraphs, sentences),
    date: (meta.date === undefined ? null : isoDateFromMeta(meta.date)) ?? dateFromLines(text, furniture) ?? datelineDate(paragraphs, sentences),
    url: meta.url ?? null,
    contentHash: input.contentHash,
    text,
    paragraphs,
    sentences,
    furniture,
  };
  if (dateline !== null) article.dateline = dateline;
  return article;
}

function readParagraphs(text: string, blocks: Block[], layout: Layout): { paragraphs: Paragraph[]; sentences: Sentence[] } {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  blocks.forEach((block, i) => {
    const role = layout.roles[i];
    if (role?.type !== 'paragraph') return;
    const index = paragraphs.length;
    paragraphs.push({ start: block.start, end: block.end, index, kind: role.kind });
    const spans = role.kind === 'heading' ? [block] : splitSentences(text, block.start, block.end);
    for (const { start, end } of spans) {
      sentences.push({ start, end, index: sentences.length, paragraph: index, text: text.slice(start, end), kind: role.kind });
    }
  });
  return { paragraphs, sentences };
}

function collectFurniture(text: string, blocks: Block[], layout: Layout, frontMatter: { start: number; end: number } | undefined): Furniture[] {
  const found: Furniture[] = frontMatter === undefined ? [] : [{ ...trimSpan(text, frontMatter), reason: 'front-matter' }];
  blocks.forEach((block, i) => {
    const role = layout.roles[i];
    if (role?.type === 'furniture') found.push({ start: block.start, end: block.end, reason: role.reason });
  });
  return found;
}

function titleOf(given: string | null, sentences: Sentence[], text: string): Pick<Article, 'title' | 'titleSource'> {
  if (given !== null) return { title: given, titleSource: 'given' };
  const first = sentences[0]?.text ?? text.trim().split('\n')[0] ?? '';
  return { title: titleFromSentence(first), titleSource: 'first-sentence' };
}

/** The date a dateline gives with its year (`LONDON, Sept 3, 2025 (Reuters) -`), else null. */
function datelineDate(paragraphs: Paragraph[], sentences: Sentence[]): string | null {
  const lead = paragraphs.find((p) => p.kind === 'body');
  const opening = lead === undefined ? undefined : sentences.find((s) => s.paragraph === lead.index);
  return opening === undefined ? null : (readDateline(opening.text)?.date ?? null);
}

/** The dateline place, read from the first body paragraph's opening. */
function datelineOf(paragraphs: Paragraph[], sentences: Sentence[]): string | null {
  const lead = paragraphs.find((p) => p.kind === 'body');
  const opening = lead === undefined ? undefined : sentences.find((s) => s.paragraph === lead.index);
  return opening === undefined ? null : readDateline(opening.text)?.place ?? null;
}

/**
 * The publisher the text itself states, in order of certainty: a trailing publisher line, a dash
 * credit closing the story, an agency in the dateline, an agency credit in the lead sentence.
 */
function publisherFromText(text: string, paragraphs: Paragraph[], sentences: Sentence[]): string | null {
  const credit = lastOfKind(paragraphs, 'credit');
  if (credit !== undefined) return publisherFromLine(text.slice(credit.start, credit.end));
  const lastStory = lastOfKind(paragraphs, 'body');
  const trailing = lastStory === undefined ? null : publisherFromTrailingCredit(text.slice(lastStory.start, lastStory.end));
  if (trailing !== null) return trailing;
  const lead = sentences.find((s) => s.kind === 'body');
  if (lead === undefined) return null;
  return readDateline(lead.text)?.agency ?? publisherFromLead(lead.text);
}

function lastOfKind(paragraphs: Paragraph[], kind: Paragraph['kind']): Paragraph | undefined {
  for (let i = paragraphs.length - 1; i >= 0; i--) if (paragraphs[i]?.kind === kind) return paragraphs[i];
  return undefined;
}

function dateFromLines(text: string, furniture: Furniture[]): string | null {
  for (const item of furniture) {
    if (item.reason !== 'date-line') continue;
    const iso = readDateLine(text.slice(item.start, item.end));
    if (iso) return iso;
  }
  return null;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
