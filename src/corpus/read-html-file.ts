/**
 * An `.html`/`.htm` file in the corpus folder, read through the same extraction as a fetched page: the main text
 * by Readability, the metadata from the page, rendered as a markdown article (page-markdown.ts). The article's
 * text is that rendering, so every quote slices it; the content hash is the file's bytes, so an edit re-ingests.
 */
import { readFile, stat } from 'node:fs/promises';
import { VerbatimError } from '../errors.js';
import { decodeBody } from './decode-bytes.js';
import { extractPage } from './extract-html.js';
import { contentHash } from './hash.js';
import { pageMarkdown } from './page-markdown.js';
import { tooLarge, type TextFile } from './read-text-file.js';

export async function readHtmlFile(absolute: string, id: string, maxBytes: number): Promise<TextFile> {
  let bytes: Buffer;
  try {
    const info = await stat(absolute);
    if (info.size > maxBytes) throw tooLarge(id, info.size, maxBytes);
    bytes = await readFile(absolute);
  } catch (error) {
    if (error instanceof VerbatimError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new VerbatimError('ARTICLE_UNREADABLE', `${id} could not be read (${reason}); it may have been moved or deleted.`, { cause: error });
  }
  // No Content-Type on disk: the charset comes from a BOM or the page's own <meta charset>, else UTF-8.
  const page = extractPage(decodeBody(bytes, ''), null);
  if (page.text.trim() === '') throw new VerbatimError('ARTICLE_EMPTY', `${id} has no article text that could be extracted from its HTML.`, { hint: 'Check that the page holds the article itself (not a script that loads it), or save the text as .txt.' });
  return { text: pageMarkdown({ ...page.meta, url: page.meta.canonical }, page.text), contentHash: contentHash(bytes) };
}
