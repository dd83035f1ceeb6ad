import { furniture, undecided, type PendingRoles } from './block-roles.js';
import type { Block } from './blocks.js';
import { isHeadlineLike, isSectionLabel, words } from './line-patterns.js';
import { splitSentences } from './sentences.js';

export interface HeaderInput {
  text: string;
  blocks: Block[];
  /** Normalised text of each block (whitespace collapsed). */
  texts: string[];
  /** A title from metadata: then only a line repeating it is the title line. */
  givenTitle: string | null;
}

/** `By Jane Doe`: a byline under the title is not a standfirst (it stays quotable story text). */
const BYLINE = /^by\s+\p{Lu}/iu;
const MAX_SUBTITLE_CHARS = 140;
const MAX_SUBTITLE_WORDS = 25;

/**
 * Marks the page header: an optional section label (`World`), the title line (a headline followed by
 * body) and a subtitle/standfirst (one short sentence directly under the title). Returns the title
 * and subtitle block indexes, or -1.
 */
export function markHeader(input: HeaderInput, roles: PendingRoles): { title: number; subtitle: number } {
  const [first, second] = undecided(roles, 0);
  if (first === undefined) return { title: -1, subtitle: -1 };
  let title = -1;
  if (second !== undefined && isSectionLabel(input.texts[first] ?? '') && isTitleLine(input, second, roles)) {
    roles[first] = furniture('section-label');
    title = second;
  } else if (isTitleLine(input, first, roles)) {
    title = first;
  }
  if (title === -1) return { title, subtitle: -1 };
  roles[title] = furniture('title');
  const subtitle = isSubtitle(input, title + 1, roles) ? title + 1 : -1;
  if (subtitle !== -1) roles[subtitle] = furniture('subtitle');
  return { title, subtitle };
}

function isTitleLine(input: HeaderInput, index: number, roles: PendingRoles): boolean {
  const block = input.blocks[index];
  const line = input.texts[index] ?? '';
  if (block === undefined || undecided(roles, index + 1).length === 0) return false;
  if (input.givenTitle !== null) return sameText(line, input.givenTitle);
  if (block.headingLevel === 1) return true;
  return block.headingLevel === 0 && isHeadlineLike(line, { maxChars: 150, maxWords: 25, allowQuestion: true });
}

function isSubtitle(input: HeaderInput, index: number, roles: PendingRoles): boolean {
  const block = input.blocks[index];
  const line = input.texts[index] ?? '';
  if (block === undefined || roles[index] !== undefined || block.blankBefore || block.headingLevel > 0) return false;
  if (line.length > MAX_SUBTITLE_CHARS || words(line).length > MAX_SUBTITLE_WORDS || BYLINE.test(line)) return false;
  return undecided(roles, index + 1).length > 0 && splitSentences(input.text, block.start, block.end).length === 1;
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}
