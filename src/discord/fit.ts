/** Fitting ranked text blocks into a character budget: whole blocks or nothing, never a silent cut. */

export const ELLIPSIS = '…';

/** Characters kept free under a fitted list for its "n more … did not fit" line. */
export const NOTE_ROOM = 100;

/**
 * Cuts `text` to at most `max` characters (ellipsis included), at the last word boundary, and marks the cut
 * with an ellipsis. A single word longer than `max` is cut inside, still with the ellipsis.
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  const room = text.slice(0, max - ELLIPSIS.length + 1);
  const lastSpace = room.search(/\s\S*$/);
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room.slice(0, max - ELLIPSIS.length);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Renders item `item` as block number `position` (1-based), its own text limited to `textMax` characters. */
export type BlockRenderer<T> = (item: T, position: number, textMax: number) => string;

export interface Fitted<T> {
  text: string;
  shown: T[];
  dropped: T[];
}

/**
 * Joins blocks in rank order within `budget` characters, leaving out whole items that do not fit (a later,
 * shorter one may still fit). When not even one fits whole, the first is shortened so the reader still gets
 * the best match.
 */
export function fitBlocks<T>(items: readonly T[], budget: number, render: BlockRenderer<T>, separator = '\n\n'): Fitted<T> {
  const blocks: string[] = [];
  const shown: T[] = [];
  const dropped: T[] = [];
  let used = 0;
  for (const item of items) {
    const block = render(item, shown.length + 1, Number.POSITIVE_INFINITY);
    const cost = block.length + (blocks.length > 0 ? separator.length : 0);
    if (used + cost <= budget) {
      blocks.push(block);
      shown.push(item);
      used += cost;
    } else {
      dropped.push(item);
    }
  }
  if (shown.length === 0 && items.length > 0) {
    const first = items[0]!;
    const block = longestFitting(budget, (textMax) => render(first, 1, textMax));
    if (block !== null) return { text: block, shown: [first], dropped: items.slice(1) };
  }
  return { text: blocks.join(separator), shown, dropped };
}

/** The rendering with the largest text limit whose length is within `budget` (binary search), or null. */
function longestFitting(budget: number, renderWithin: (textMax: number) => string): string | null {
  let low = 1;
  let high = budget;
  let best: string | null = null;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const block = renderWithin(middle);
    if (block.length <= budget) {
      best = block;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
