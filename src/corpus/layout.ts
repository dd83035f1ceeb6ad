import { furniture, paragraph, standaloneFurniture, undecided, type BlockRole, type PendingRoles } from './block-roles.js';
import type { Block } from './blocks.js';
import { markHeader } from './header.js';
import { isHeadlineLike } from './line-patterns.js';
import { publisherFromLine } from './publisher.js';
import { markTrailer } from './trailer.js';

export interface LayoutInput {
  text: string;
  blocks: Block[];
  givenTitle: string | null;
}

export interface Layout {
  roles: BlockRole[];
  /** Block indexes of the title and subtitle lines, or -1. */
  title: number;
  subtitle: number;
}

const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 14;

/**
 * Decides what each block is, from the most certain evidence to the least: lines that are furniture on
 * their own, the header, the trailing chrome, a caption printed twice, subheadings, a trailing
 * publisher line; everything left is story text.
 */
export function layOut(input: LayoutInput): Layout {
  const texts = input.blocks.map((block) => input.text.slice(block.start, block.end).replace(/\s+/g, ' '));
  const roles: PendingRoles = texts.map((line, i) => {
    const reason = input.blocks[i]?.headingLevel ? null : standaloneFurniture(line);
    return reason === null ? undefined : furniture(reason);
  });
  const header = markHeader({ text: input.text, blocks: input.blocks, texts, givenTitle: input.givenTitle }, roles);
  markTrailer(texts, roles, Math.max(header.title, header.subtitle) + 1);
  markRepeatedCaptions(texts, roles);
  markHeadings(input.blocks, texts, roles);
  markCreditLine(texts, roles);
  return { roles: roles.map((role) => role ?? paragraph('body')), ...header };
}

/** A caption printed twice in a row (image alt text, then the caption): keep one copy as a caption. */
function markRepeatedCaptions(texts: string[], roles: PendingRoles): void {
  for (let i = 1; i < texts.length; i++) {
    if (roles[i] === undefined && roles[i - 1] === undefined && texts[i] === texts[i - 1]) {
      roles[i - 1] = paragraph('caption');
      roles[i] = furniture('duplicate-caption');
    }
  }
}

/** Short unpunctuated lines with story text after them are subheadings (markdown headings always are). */
function markHeadings(blocks: Block[], texts: string[], roles: PendingRoles): void {
  const [lastStoryBlock = -1] = undecided(roles, roles.length - 1, -1);
  for (const i of undecided(roles, 0)) {
    const isHeading = (blocks[i]?.headingLevel ?? 0) > 0 ||
      (i < lastStoryBlock && isHeadlineLike(texts[i] ?? '', { maxChars: MAX_HEADING_CHARS, maxWords: MAX_HEADING_WORDS }));
    if (isHeading) roles[i] = paragraph('heading');
  }
}

function markCreditLine(texts: string[], roles: PendingRoles): void {
  const [last] = undecided(roles, roles.length - 1, -1);
  if (last !== undefined && publisherFromLine(texts[last] ?? '') !== null) roles[last] = paragraph('credit');
}
