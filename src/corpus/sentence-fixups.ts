/**
 * Small corrections to sbd's boundaries, matching the gold segmentation of the seed Q&A set.
 * A boundary is an offset into the text where one sentence ends (whitespace may follow).
 */

/** `?”` / `!”` / `.”` + space + capital or opening quote ends a sentence; sbd keeps `“Why?” Then…` together. */
const CLOSING_QUOTE_END = /[.?!]["”’»]+(?=\s+["“‘«]?\p{Lu})/gu;

/** A credit line such as `– CNN` or `- Reuters` (at most four capitalised words after a dash). */
const TRAILING_CREDIT = /^[–—-]\s*\p{Lu}[\p{L}&.'’]*(?:\s+\p{Lu}[\p{L}&.'’]*){0,3}$/u;

export function addQuoteBoundaries(text: string, from: number, to: number, boundaries: number[]): number[] {
  const added = new Set(boundaries);
  CLOSING_QUOTE_END.lastIndex = 0;
  const segment = text.slice(from, to);
  for (let match = CLOSING_QUOTE_END.exec(segment); match; match = CLOSING_QUOTE_END.exec(segment)) {
    added.add(from + match.index + match[0].length);
  }
  return [...added].sort((a, b) => a - b);
}

/** No whitespace after a boundary means no boundary: `treaty...North`, `U.S.-led`. */
export function dropGluedBoundaries(text: string, boundaries: number[]): number[] {
  return boundaries.filter((at) => /\s/.test(text[at] ?? ' '));
}

/** A trailing credit (`…Beijing.” – CNN`) stays with the sentence before it. */
export function dropCreditBoundaries(text: string, to: number, boundaries: number[]): number[] {
  const last = boundaries.at(-1);
  if (last === undefined) return boundaries;
  return TRAILING_CREDIT.test(text.slice(last, to).trim()) ? boundaries.slice(0, -1) : boundaries;
}
