import type { Span } from './types.js';

export interface Line extends Span {
  /** True when the line holds only whitespace. */
  blank: boolean;
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Lines of `text` from `from` on, each ending before its `\n` (and before a `\r` of a CRLF ending),
 * so offsets stay into the original text whatever the line endings; a leading BOM is not content.
 */
export function splitLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  let start = from === 0 && text.startsWith(BYTE_ORDER_MARK) ? 1 : from;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 ? text.length : newline;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    lines.push({ start, end, blank: text.slice(start, end).trim() === '' });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** `span` shrunk to exclude surrounding whitespace (an empty span at `span.start` when all blank). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && (code === 0xfeff || /\s/.test(String.fromCharCode(code)));
}
