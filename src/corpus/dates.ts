// English only (chrono.parse is the English casual parser): the package's main entry loads all 17 locales, ~0.3 s.
import * as chrono from 'chrono-node/en';

const DATE_PREFIX = /^(?:(?:last\s+)?updated|published|posted|date|first published)\s*:?\s*(?:on\s+)?/i;
/** What may surround the date on a date line: separators, a time-zone abbreviation. */
const DATE_LEFTOVER = /^[\s,.|·•–—-]*(?:\p{Lu}{2,4})?[\s,.|·•–—-]*$/u;
const FOUR_DIGIT_YEAR = /\b\d{4}\b/;
/** A cheap test before asking chrono (which is slow): a date line names a month or writes a numeric date. */
const MAY_BE_DATE = /\d.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/i;

/**
 * The ISO date of a line that is nothing but a full date (`September 04, 2025`, `Updated: 3 Sep 2025
 * 10:30 GMT`), else null. A date without a year (`Sunday, 27 February` over a match preview) is the
 * story's own information, not a publication date, so it is not a date line.
 */
export function readDateLine(line: string): string | null {
  const text = line.trim().replace(DATE_PREFIX, '');
  if (text.length === 0 || text.length > 60 || !FOUR_DIGIT_YEAR.test(text) || !MAY_BE_DATE.test(text)) return null;
  const results = chrono.parse(text);
  const [result] = results;
  if (results.length !== 1 || result === undefined) return null;
  const leftover = text.slice(0, result.index) + text.slice(result.index + result.text.length);
  if (!DATE_LEFTOVER.test(leftover)) return null;
  if (!result.start.isCertain('day') || !result.start.isCertain('month') || !FOUR_DIGIT_YEAR.test(result.text)) return null;
  return isoFromParts(result.start.get('year'), result.start.get('month'), result.start.get('day'));
}

/**
 * Numbers read as epoch milliseconds: 12 or 13 digits (March 1973 to 2286). Anything shorter is not a date in
 * milliseconds: `date: 2025` (a YAML number) is a year with no day, and 10 digits would be epoch seconds (a guess
 * between units); both once became 1970-01-01 citations.
 */
const MIN_EPOCH_MS = 1e11;
const MAX_EPOCH_MS = 1e13;

/**
 * ISO date from a metadata value (front matter, JSON field): a YAML Date, epoch milliseconds, or any
 * date string chrono reads with a year, month and day. Anything else gives null, never a guess.
 */
export function isoDateFromMeta(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= MIN_EPOCH_MS && value < MAX_EPOCH_MS ? isoDateFromMeta(new Date(value)) : null;
  }
  if (typeof value !== 'string' || !FOUR_DIGIT_YEAR.test(value)) return null;
  const [result] = chrono.parse(value);
  if (result === undefined || !result.start.isCertain('day') || !result.start.isCertain('month')) return null;
  return isoFromParts(result.start.get('year'), result.start.get('month'), result.start.get('day'));
}

function isoFromParts(year: number | null, month: number | null, day: number | null): string | null {
  if (year === null || month === null || day === null) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
