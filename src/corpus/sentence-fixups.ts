/**
 * Small corrections to sbd's boundaries, matching the gold segmentation of the seed Q&A set.
 * A boundary is an offset into the text where one sentence ends (whitespace may follow).
 */

/** `?”` / `!”` / `.”` + space + capital or opening quote ends a sentence; sbd keeps `“Why?” Then…` together. */
const CLOSING_QUOTE_END = /[.?!]["”’»]+(?=\s+["“‘«]?\p{Lu})/gu;

/** A credit line such as `– CNN` or `- Reuters` (at most four capitalised words after a dash). */
const TRAILING_CREDIT = /^[–—-]\s*\p{Lu}[\p{L}&.'’]*(?:\s+\p{Lu}[\p{L}&.'’]*){0,3}$/u;

/** `U.S.`, `U.K.`, `U.N.`: a dotted initialism just before a boundary. */
const DOTTED_INITIALISM = /(?:^|[^\p{L}.])(?:\p{Lu}\.){2,}$/u;
/** Words that usually open a sentence; after `U.S.` anything else (`President`, `Army`) continues it. */
const SENTENCE_OPENER =
  /^["“‘]?(?:The|A|An|He|She|It|They|We|I|You|This|That|These|Those|There|His|Her|Its|Their|Our|But|And|Yet|So|In|On|At|As|After|Before|When|While|If|Since|Some|Many|Most|Both|No|Not|Still|Meanwhile|However|Last|Other)\b/;

export function addQuoteBoundaries(text: string, from: number, to: number, boundaries: number[]): number[] {
  const added = new Set(boundaries);
  CLOSING_QUOTE_END.lastIndex = 0;
  const segment = text.slice(from, to);
  for (let match = CLOSING_QUOTE_END.exec(segment); match; match = CLOSING_QUOTE_END.exec(segment)) {
    added.add(from + match.index + match[0].length);
  }
  return [...added].sort((a, b) => a - b);
}

/** What a sentence ends with: terminal punctuation, then any closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["”’'»)\]]*$/;
/** The end of a sentence followed by one more word: where a drifted boundary belongs. */
const END_THEN_ONE_WORD = /[.!?…]["”’'»)\]]*(?=\s+\S+$)/;

/**
 * A boundary must follow sentence-final punctuation. After some tokens (`through .png files.`) sbd's
 * boundaries drift one word late (`files. Microsoft|`); such a boundary moves back to the punctuation
 * one word earlier, or is dropped when there is none (`Joy Division.Those|`).
 */
export function repairDriftedBoundaries(text: string, from: number, boundaries: number[]): number[] {
  const repaired: number[] = [];
  for (const at of boundaries) {
    const windowStart = Math.max(from, at - 200);
    const before = text.slice(windowStart, at).trimEnd();
    if (SENTENCE_END.test(before)) {
      repaired.push(at);
      continue;
    }
    const earlier = END_THEN_ONE_WORD.exec(before);
    if (earlier !== null) repaired.push(windowStart + earlier.index + earlier[0].length);
  }
  return [...new Set(repaired)].sort((a, b) => a - b);
}

/** No whitespace after a boundary means no boundary: `treaty...North`, `U.S.-led`. */
export function dropGluedBoundaries(text: string, boundaries: number[]): number[] {
  return boundaries.filter((at) => /\s/.test(text[at] ?? ' '));
}

/** `U.S. President Biden` is one sentence; `…in the U.S. The talks…` is two. */
export function dropInitialismBoundaries(text: string, boundaries: number[]): number[] {
  return boundaries.filter((at) => !DOTTED_INITIALISM.test(text.slice(Math.max(0, at - 12), at)) ||
    SENTENCE_OPENER.test(text.slice(at, at + 20).trimStart()));
}

/** A trailing credit (`…Beijing.” – CNN`) stays with the sentence before it. */
export function dropCreditBoundaries(text: string, to: number, boundaries: number[]): number[] {
  const last = boundaries.at(-1);
  if (last === undefined) return boundaries;
  return TRAILING_CREDIT.test(text.slice(last, to).trim()) ? boundaries.slice(0, -1) : boundaries;
}
