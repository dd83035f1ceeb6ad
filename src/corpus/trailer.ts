import { furniture, type PendingRoles } from './block-roles.js';
import { isHeadlineLike, isSectionLabel } from './line-patterns.js';

/**
 * Marks the block of page chrome after the story: reading back from the end, a run of short lines
 * (labels, times, view counts, dates, other stories' headlines) that contains at least one line that
 * is furniture on its own. The story's last paragraph, which ends like a sentence or is long, stops
 * the run. Without such a marker the run is left alone: a lone last line may be a publisher credit.
 */
export function markTrailer(texts: string[], roles: PendingRoles, firstAllowed: number): void {
  const run: number[] = [];
  let hasMarker = false;
  for (let i = texts.length - 1; i >= firstAllowed; i--) {
    const role = roles[i];
    if (role !== undefined) {
      if (role.type !== 'furniture') break;
      hasMarker = true;
      continue;
    }
    if (!isTrailerLine(texts[i] ?? '')) break;
    run.push(i);
  }
  if (!hasMarker) return;
  for (const i of run) roles[i] = furniture(isSectionLabel(texts[i] ?? '') ? 'section-label' : 'related-headlines');
}

function isTrailerLine(line: string): boolean {
  return isSectionLabel(line) || isHeadlineLike(line, { maxChars: 150, maxWords: 25, allowQuestion: true });
}
