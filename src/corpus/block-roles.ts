import { readDateLine } from './dates.js';
import { isAlsoRead, isChromeLabel, isRelativeTime, isViewCount } from './line-patterns.js';
import type { Furniture, ParagraphKind } from './types.js';

export type FurnitureReason = Furniture['reason'];

export type BlockRole =
  | { type: 'furniture'; reason: FurnitureReason }
  | { type: 'paragraph'; kind: ParagraphKind };

/** Roles being decided, one per block; undefined means not decided yet. */
export type PendingRoles = (BlockRole | undefined)[];

export function furniture(reason: FurnitureReason): BlockRole {
  return { type: 'furniture', reason };
}

export function paragraph(kind: ParagraphKind): BlockRole {
  return { type: 'paragraph', kind };
}

/** Furniture that a line gives away by itself, wherever it stands: counters, times, link lines, dates. */
export function standaloneFurniture(line: string): FurnitureReason | null {
  if (!/[\p{L}\p{N}]/u.test(line)) return 'other';
  if (isViewCount(line)) return 'view-count';
  if (isRelativeTime(line)) return 'relative-time';
  if (isAlsoRead(line)) return 'also-read';
  if (isChromeLabel(line)) return 'section-label';
  if (readDateLine(line) !== null) return 'date-line';
  return null;
}

/** Indexes of blocks still undecided, from `from` (inclusive) in the given direction. */
export function undecided(roles: PendingRoles, from: number, step: 1 | -1 = 1): number[] {
  const found: number[] = [];
  for (let i = from; i >= 0 && i < roles.length; i += step) if (roles[i] === undefined) found.push(i);
  return found;
}
