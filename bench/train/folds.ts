/**
 * Cross-validation folds drawn by group (a news story, a Wikipedia article), never by question, balanced
 * per set. The seed set is a fold of its own: its five articles are one small world, so it is scored by
 * models trained without any of it.
 */
import { createHash } from 'node:crypto';
import type { QaItem } from '../qa/sets.js';

export const FOLDS = 5;
/** The fold the seed questions form alone. */
export const SEED_FOLD = FOLDS;

export function foldKey(item: Pick<QaItem, 'set' | 'id'>): string {
  return `${item.set}:${item.id}`;
}

/** Groups in a fixed pseudo-random order (a hash of their key), each to the fold with the fewest questions of its set so far. */
export function assignFolds(items: readonly QaItem[], folds = FOLDS): Map<string, number> {
  const out = new Map<string, number>();
  const bySet = new Map<string, Map<string, QaItem[]>>();
  for (const item of items) {
    if (item.set === 'seed') {
      out.set(foldKey(item), SEED_FOLD);
      continue;
    }
    const groups = bySet.get(item.set) ?? new Map<string, QaItem[]>();
    bySet.set(item.set, groups);
    groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  }
  for (const groups of bySet.values()) {
    const sizes = new Array<number>(folds).fill(0);
    const ordered = [...groups.entries()].sort(([a], [b]) => hash(a).localeCompare(hash(b)));
    // Large groups first (stable within equal sizes), so the folds come out even.
    ordered.sort(([, a], [, b]) => b.length - a.length);
    for (const [, members] of ordered) {
      const fold = sizes.indexOf(Math.min(...sizes));
      sizes[fold]! += members.length;
      for (const item of members) out.set(foldKey(item), fold);
    }
  }
  return out;
}

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
