/**
 * `BEIJING –`, `BEIJING:`, `WASHINGTON (AP) —`, `LONDON, Sept 3 (Reuters) -` opening the first paragraph:
 * the place in capitals, an optional date, an optional agency in brackets, then a colon or a dash.
 */
import { isoDateFromMeta } from './dates.js';

const DATELINE =
  /^(\p{Lu}[\p{Lu}.'’]+(?:[ -]\p{Lu}[\p{Lu}.'’]+){0,3})(?:,\s*([^:–—()\n-]{1,40}?))?\s*(?:\(([^)\n]{1,40})\))?\s*(?::|[–—-])\s+(?=\S)/u;

export interface Dateline {
  place: string;
  /** The agency named in brackets, as in `(AP)`. */
  agency: string | null;
  /** The dateline's date as `YYYY-MM-DD` when it gives day, month and year (`LONDON, Sept 3, 2025 -`); else null. */
  date: string | null;
  /** Characters the dateline takes, separator and following space included. */
  length: number;
}

export function readDateline(firstParagraph: string): Dateline | null {
  const match = DATELINE.exec(firstParagraph);
  const place = match?.[1];
  if (match === null || place === undefined || place.replace(/[^\p{Lu}]/gu, '').length < 2) return null;
  // "Sept 3" alone has no year: it dates nothing (a year is never guessed).
  const date = match[2] === undefined ? null : isoDateFromMeta(match[2].trim());
  return { place, agency: match[3]?.trim() ?? null, date, length: match[0].length };
}
