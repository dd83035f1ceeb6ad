import { isHardWrapped } from './hard-wrap.js';
import { markdownLine } from './markdown-lines.js';
import { trimSpan, type Line } from './text-lines.js';
import type { Span } from './types.js';

/** A paragraph candidate: one line, a hard-wrapped run of lines, or a markdown paragraph. */
export interface Block extends Span {
  /** A blank line (or the start of the body) comes right before it. */
  blankBefore: boolean;
  /** Markdown heading level (`## X` is 2), 0 when not a markdown heading. */
  headingLevel: number;
}

export type TextFormat = 'text' | 'markdown';

/**
 * Paragraph candidates in reading order. Plain text: each non-blank line is a paragraph, unless a
 * blank-line-separated run of lines is hard-wrapped, when the run is one paragraph. Markdown: runs join
 * into paragraphs; headings and list items stand alone, without their `#`/`-` markers.
 */
export function groupBlocks(text: string, lines: Line[], format: TextFormat): Block[] {
  const blocks: Block[] = [];
  for (const run of nonBlankRuns(lines)) {
    const spans = format === 'markdown' ? markdownBlocks(text, run) : plainBlocks(text, run);
    spans.forEach((block, i) => blocks.push({ ...block, blankBefore: i === 0 }));
  }
  return blocks.filter((block) => block.end > block.start);
}

function nonBlankRuns(lines: Line[]): Line[][] {
  const runs: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (!line.blank) {
      current.push(line);
    } else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

type BlockShape = Omit<Block, 'blankBefore'>;

function plainBlocks(text: string, run: Line[]): BlockShape[] {
  const first = run[0];
  const last = run.at(-1);
  if (first !== undefined && last !== undefined && isHardWrapped(run.map((line) => text.slice(line.start, line.end)))) {
    return [{ ...trimSpan(text, { start: first.start, end: last.end }), headingLevel: 0 }];
  }
  return run.map((line) => ({ ...trimSpan(text, line), headingLevel: 0 }));
}

function markdownBlocks(text: string, run: Line[]): BlockShape[] {
  const blocks: BlockShape[] = [];
  let open: BlockShape | null = null;
  for (const line of run) {
    const markup = markdownLine(text, line);
    if (markup.headingLevel > 0 || markup.startsBlock || open === null) {
      open = { ...markup.content, headingLevel: markup.headingLevel };
      blocks.push(open);
      if (markup.headingLevel > 0) open = null;
    } else {
      open.end = markup.content.end;
    }
  }
  return blocks;
}
