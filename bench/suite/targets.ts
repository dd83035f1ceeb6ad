/**
 * The promised figures, checked against what the run measured. Reported, never asserted: a missed target
 * says by how much, and the sections say where the time goes.
 */
import { formatNumber } from '../lib/report.js';

export interface Target {
  /** What is promised, e.g. "warm answer p99, excluding question embedding". */
  what: string;
  /** Where it is measured, e.g. "100k passages". */
  where: string;
  comparator: '<=' | '>=';
  limit: number;
  unit: string;
  /** null when this run did not measure it (e.g. a size left out of --quick). */
  measured: number | null;
}

export interface Verdict {
  status: 'met' | 'missed' | 'not measured';
  /** "1.8× the limit", "0.013 short", "52% headroom". */
  note: string;
}

export function judge(target: Target): Verdict {
  const { measured, limit, comparator } = target;
  if (measured === null || Number.isNaN(measured)) return { status: 'not measured', note: 'not measured in this run' };
  const met = comparator === '<=' ? measured <= limit : measured >= limit;
  if (comparator === '<=') {
    if (met) return { status: 'met', note: limit > 0 ? `${Math.round((1 - measured / limit) * 100)}% headroom` : 'at the limit' };
    return { status: 'missed', note: limit > 0 ? `${formatNumber(measured / limit)}× the limit` : 'above the limit' };
  }
  if (met) return { status: 'met', note: `${formatNumber(measured - limit)} above the floor` };
  return { status: 'missed', note: `${formatNumber(limit - measured)} short` };
}

export function targetRow(target: Target): string[] {
  const verdict = judge(target);
  const measured = target.measured === null ? '—' : `${formatNumber(target.measured)} ${target.unit}`.trim();
  return [target.what, target.where, `${target.comparator === '<=' ? '≤' : '≥'} ${formatNumber(target.limit)} ${target.unit}`.trim(), measured, verdict.status, verdict.note];
}
