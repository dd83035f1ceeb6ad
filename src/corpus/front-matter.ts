import matter from 'gray-matter';
import { VerbatimError } from '../errors.js';
import type { Span } from './types.js';
import { isoDateFromMeta } from './dates.js';

export interface ArticleMetaInput {
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
}

export interface FrontMatter {
  meta: ArticleMetaInput;
  /** The front-matter block, delimiters included (page furniture, never quoted). */
  span: Span;
  /** Where the markdown body starts. */
  bodyStart: number;
}

/** An opening `---` line and a closing one: without the closing line it is not front matter. */
const FENCED = /^---\r?\n(?:[\s\S]*?\n)?---/;

/** YAML front matter of a markdown text (`---` … `---`), or null when it has none. */
export function readFrontMatter(text: string): FrontMatter | null {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  if (!FENCED.test(text.slice(start))) return null;
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's global cache, which would keep every file's text alive.
    parsed = matter(text.slice(start), {});
  } catch (error) {
    throw new VerbatimError('ARTICLE_MALFORMED', `The front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      hint: 'Fix the YAML between the opening and closing --- lines (quote a value that holds a colon), then run `verbatim ingest` again.',
    });
  }
  if (!text.endsWith(parsed.content)) return null;
  const bodyStart = text.length - parsed.content.length;
  return { meta: metaFromRecord(parsed.data), span: { start, end: bodyStart }, bodyStart };
}

/** Metadata fields from a front-matter or JSON record: `source` is accepted for `publisher`. */
export function metaFromRecord(data: Record<string, unknown>): ArticleMetaInput {
  const meta: ArticleMetaInput = {};
  const title = nonEmptyString(data['title']);
  const publisher = nonEmptyString(data['publisher']) ?? nonEmptyString(data['source']);
  const date = isoDateFromMeta(data['date']);
  const url = nonEmptyString(data['url']);
  if (title !== undefined) meta.title = title;
  if (publisher !== undefined) meta.publisher = publisher;
  if (date !== null) meta.date = date;
  if (url !== undefined) meta.url = url;
  return meta;
}

function nonEmptyString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}
