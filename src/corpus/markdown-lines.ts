import { trimSpan } from './text-lines.js';
import type { Span } from './types.js';

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+/;
const CLOSING_HASHES = /[ \t]+#+[ \t]*$/;
const BLOCK_MARKER = /^ {0,3}(?:[-*+]|\d{1,9}[.)]|>)[ \t]+/;

export interface MarkdownLine {
  /** The line's text without heading hashes, list bullets or a quote mark. */
  content: Span;
  headingLevel: number;
  /** A list item or block quote starts a new paragraph instead of continuing the previous line. */
  startsBlock: boolean;
}

export function markdownLine(text: string, line: Span): MarkdownLine {
  const raw = text.slice(line.start, line.end);
  const heading = ATX_HEADING.exec(raw);
  if (heading !== null) {
    const closing = CLOSING_HASHES.exec(raw);
    const end = closing !== null && closing.index >= heading[0].length ? line.start + closing.index : line.end;
    return { content: trimSpan(text, { start: line.start + heading[0].length, end }), headingLevel: heading[1]?.length ?? 1, startsBlock: true };
  }
  const marker = BLOCK_MARKER.exec(raw);
  const start = marker === null ? line.start : line.start + marker[0].length;
  return { content: trimSpan(text, { start, end: line.end }), headingLevel: 0, startsBlock: marker !== null };
}
