/**
 * `BEIJING –`, `BEIJING:`, `WASHINGTON (AP) —`, `LONDON, Sept 3 (Reuters) -` opening the first paragraph:
 * the place in capitals, an optional date, an optional agency in brackets, then a colon or a dash.
 */
const DATELINE =
  /^(\p{Lu}[\p{Lu}.'’]+(?:[ -]\p{Lu}[\p{Lu}.'’]+){0,3})(?:,\s*[^:–—()\n-]{1,40}?)?\s*(?:\(([^)\n]{1,40})\))?\s*(?::|[–—-])\s+(?=\S)/u;

export interface Dateline {
  place: string;
  /** The agency named in brackets, as in `(AP)`. */
  agency: string | null;
  /** Characters the dateline takes, separator and following space included. */
  length: number;
}

export function readDateline(firstParagraph: string): Dateline | null {
  const match = DATELINE.exec(firstParagraph);
  const place = match?.[1];
  if (match === null || place === undefined || place.replace(/[^\p{Lu}]/gu, '').length < 2) return null;
  return { place, agency: match[2]?.trim() ?? null, length: match[0].length };
}
