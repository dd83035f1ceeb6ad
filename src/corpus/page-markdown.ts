/**
 * An extracted web page as a markdown article the reader takes: YAML front matter with the title, publisher, date,
 * address and author, then the paragraphs. Fetched pages are stored in this form (snapshot files), and `.html`
 * files in the corpus folder are read through it, so both are quoted from the same text.
 */
export interface PageMarkdownMeta {
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  author: string | null;
}

export function pageMarkdown(meta: PageMarkdownMeta, text: string): string {
  const lines = ['---'];
  // JSON strings are valid YAML double-quoted scalars: no title can break the front matter.
  if (meta.title) lines.push(`title: ${JSON.stringify(meta.title)}`);
  if (meta.publisher) lines.push(`publisher: ${JSON.stringify(meta.publisher)}`);
  if (meta.date) lines.push(`date: ${JSON.stringify(meta.date)}`);
  if (meta.url) lines.push(`url: ${JSON.stringify(meta.url)}`);
  if (meta.author) lines.push(`author: ${JSON.stringify(meta.author)}`);
  lines.push('---', '', text, '');
  return lines.join('\n');
}
