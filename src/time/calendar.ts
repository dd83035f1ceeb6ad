/**
 * Calendar dates at three precisions (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) and the periods they cover, as
 * day numbers (days since 1970-01-01, UTC): the one arithmetic every time rule shares.
 */

export type Precision = 'day' | 'month' | 'year';

/** A closed range of days, [from, to]. */
export interface Period {
  from: number;
  to: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The UTC calendar parts of a day number. */
export function partsOf(day: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

export function isoDay(day: number): string {
  const p = partsOf(day);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` for a date known to that precision. */
export function isoAt(year: number, month: number | null, day: number | null): string {
  if (month === null) return pad(year, 4);
  if (day === null) return `${pad(year, 4)}-${pad(month, 2)}`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The days an ISO date of any of the three precisions covers; null when it is not a valid date. */
export function periodOf(iso: string): Period | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month === null) return { from: dayOf(year, 1, 1), to: dayOf(year, 12, 31) };
  if (day === null) return { from: dayOf(year, month, 1), to: dayOf(year, month + 1, 0) };
  const n = dayOf(year, month, day);
  // Date.UTC rolls 2025-02-30 over into March: such a date does not exist.
  if (partsOf(n).day !== day) return null;
  return { from: n, to: n };
}

export function precisionOf(iso: string): Precision {
  return iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day';
}

/** "3 Sep 2025", "Sep 2025", "2025": how both doors print a resolved date. */
export function formatDate(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  if (m[2] === undefined) return m[1]!;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] === undefined ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}

/** How a period relates to a constraint: inside it, partly overlapping (not confirmed), or outside. */
export type Fit = 'inside' | 'overlaps' | 'outside';

export function fitOf(period: Period, constraint: Period): Fit {
  if (period.to < constraint.from || period.from > constraint.to) return 'outside';
  return period.from >= constraint.from && period.to <= constraint.to ? 'inside' : 'overlaps';
}

/** Today as a day number (UTC). */
export function today(now: Date = new Date()): number {
  return dayOf(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
