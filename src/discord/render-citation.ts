/** One citation line: title — publisher, date, ¶ paragraph (with "unknown" where the article does not say). */
import type { Citation } from '../answer/types.js';
import { escapeText } from './escape.js';

const UNKNOWN = 'unknown';

/** A masked link only for http(s) URLs; parentheses are encoded so they cannot end the link early. */
function linkedTitle(title: string, url: string | null): string {
  const shown = `*${escapeText(title)}*`;
  if (url === null || !/^https?:\/\//i.test(url)) return shown;
  return `[${shown}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** Title — publisher, date: the article without a place in it. A borrowed date says where it comes from. */
export function formatSource(source: Pick<Citation, 'title' | 'publisher' | 'date' | 'url'> & Partial<Pick<Citation, 'dateKind' | 'dateFrom'>>): string {
  const publisher = source.publisher === null ? UNKNOWN : escapeText(source.publisher);
  const borrowed = source.dateKind === 'borrowed' ? ` (dated from ${escapeText(source.dateFrom ?? 'another article')}, same story)` : '';
  return `${linkedTitle(source.title, source.url)} — ${publisher}, ${source.date ?? UNKNOWN}${borrowed}`;
}

export function formatCitation(citation: Pick<Citation, 'title' | 'publisher' | 'date' | 'url' | 'paragraph'> & Partial<Pick<Citation, 'dateKind' | 'dateFrom'>>): string {
  return `${formatSource(citation)}, ¶ ${citation.paragraph}`;
}
