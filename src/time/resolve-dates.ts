/**
 * Date expressions inside a sentence ("on Wednesday", "last year", "in March", "3 September", "2019",
 * "a day after the parade"), found with chrono-node (plus bare years, which chrono leaves alone) and
 * resolved against the article's date. The rules for what chrono leaves open:
 *
 * - A weekday is the latest such day on or before the article date ("on Thursday" in an article of
 *   Thursday 4 Sep is that day); "last …" is strictly before; "next …", or future wording earlier in the
 *   sentence ("will oversee the parade on Wednesday"), is the first such day after.
 * - A month or day without a year is in the article's year, unless that lands more than three months
 *   after the article date: news reports mostly the past, so "in December" in a January article is the
 *   December before. With future wording it is the first such month on or after the article date.
 * - Relative words ("yesterday", "last year", "two years ago", "last month") count from the article date.
 *   Weeks ("this week") are left unresolved: a week is not one of the three precisions.
 * - An article whose date is borrowed from another article of its story knows its date only to within
 *   that story's days, so weekdays and relative words stay unresolved there; month names get its year.
 * - An undated article resolves only dates that carry their year.
 * - A month without a year joined to a dated one ("between March and May 2024", "March to May 2024") takes
 *   that year (the year before when its month comes later: "December and January 2025").
 * - A numeric date both readings of which are valid and different (03/09/2025) is left unresolved, and so
 *   is anything measured from an event ("a day after the parade"): its text is kept with no date.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { dayOf, isoAt, isoDay, partsOf } from './calendar.js';

let chronoModule: typeof Chrono | null = null;

/**
 * chrono-node, loaded on first use (a few hundred ms): only a process that reads dates pays for it, and only once
 * a text passes the cheap test below. require(), not import(): the callers are synchronous (as in src/wink.ts).
 */
function chrono(): typeof Chrono {
  chronoModule ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  return chronoModule;
}

export interface DateMention {
  text: string;
  /** Offsets into the text given (plus `offset`): `text === source.slice(start, end)`. */
  start: number;
  end: number;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision; null when the words cannot be pinned to a date. */
  date: string | null;
}

/** The date a sentence's words are resolved against. */
export interface DateReference {
  /** Day number of the article's date. */
  day: number;
  /** Borrowed dates are only known to within the story's span (see the rules above). */
  kind: 'stated' | 'borrowed';
}

/** A cheap test before asking chrono (which is slow): month or weekday names, a year, relative words. */
const MAY_HOLD_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b1[89]\d\d\b|\b20\d\d\b|\b(?:yesterday|today|tonight|tomorrow|ago|last|next|day|week|month|year)s?\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/i;
const YEAR_IN_TEXT = /\b(?:1[89]|20)\d\d\b/;
const BARE_YEAR = /(?<![\d$£€.,/-]|\$\s|£\s|€\s)\b(1[89]\d\d|20\d\d)\b(?![\d%]|s\b|,\d|\.\d|-\d|\s?(?:bn|billion|million|tonnes|km|people|troops|\$))/g;
const FUTURE = /\b(?:will|shall|is to|are to|is due|are due|is set to|are set to|plans? to|planned|scheduled|upcoming|coming|expected to|going to)\b/i;
const EVENT_RELATIVE = /\b(?:after|before|later|earlier|since)$/i;
/** Words chrono reads as "the reference moment", which say nothing about a date in a news sentence. */
const NOT_A_DATE = /^(?:now|right now|currently|present|the present|tonight|this (?:morning|afternoon|evening)|morning|afternoon|evening|noon|midnight)$/i;
/** A distance from an event the sentence names ("a day after the parade"): found, never dated. */
const FROM_EVENT = /\b(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before)\s+(?:the\s+|his\s+|her\s+|their\s+)?[\p{L}’'-]+/giu;
const NUMERIC = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;

/** Date mentions of `text`, in reading order; `offset` is added to every start and end. */
export function findDates(text: string, reference: DateReference | null, offset = 0): DateMention[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const instant = reference ? new Date(reference.day * 86_400_000 + 12 * 3_600_000) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateMention[] = [];
  for (const result of chrono().parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    const mention = mentionOf(text, result, reference);
    if (mention) out.push(mention);
  }
  for (const match of text.matchAll(FROM_EVENT)) {
    const start = match.index;
    const end = start + match[0].length;
    if (out.some((m) => m.start < end && start < m.end)) continue;
    out.push({ text: match[0], start, end, date: null });
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    const start = match.index;
    const end = start + match[0].length;
    if (out.some((m) => m.start < end && start < m.end)) continue;
    out.push({ text: match[0], start, end, date: match[1]! });
  }
  out.sort((a, b) => a.start - b.start);
  joinYears(text, out);
  return out.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const JOINED = /^\s*(?:and|to|until|till|through|-|–|—)\s*$/i;
const MONTH_ONLY = /^(?:early\s+|late\s+|mid-?)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/** "March and May 2024": the month without a year takes its partner's year (see the rules at the top). */
function joinYears(text: string, mentions: DateMention[]): void {
  for (let i = mentions.length - 2; i >= 0; i--) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (!MONTH_ONLY.test(a.text) || !YEAR_IN_TEXT.test(b.text) || b.date === null || b.date.length < 7) continue;
    if (!JOINED.test(text.slice(a.end, b.start))) continue;
    // Without an article date the month is unresolved: read it from its name.
    const month = a.date === null ? MONTH_NAMES.indexOf(/[a-z]{3}/i.exec(a.text.replace(/^(?:early|late|mid)-?\s*/i, ''))![0].toLowerCase()) + 1 : Number(a.date.slice(5, 7));
    if (month < 1) continue;
    const year = Number(b.date.slice(0, 4)) - (month > Number(b.date.slice(5, 7)) ? 1 : 0);
    mentions[i] = { ...a, date: isoAt(year, month, null) };
  }
}

function mentionOf(text: string, result: Chrono.ParsedResult, reference: DateReference | null): DateMention | null {
  let phrase = result.text.replace(/^(?:on|in|at|by|from|during|of)\s+/i, '');
  let start = result.index + (result.text.length - phrase.length);
  phrase = phrase.replace(/[\s,.]+$/, '');
  if (phrase.length === 0 || NOT_A_DATE.test(phrase)) return null;
  const c = result.start;
  const hasDate = c.isCertain('year') || c.isCertain('month') || c.isCertain('day') || c.isCertain('weekday');
  // chrono reads "a day after" as tomorrow; it is a distance from an event the sentence names after it.
  if (EVENT_RELATIVE.test(phrase)) {
    const tail = /^\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\p{L}\p{N}’'-]+/u.exec(text.slice(start + phrase.length));
    const end = start + phrase.length + (tail ? tail[0].length : 0);
    return { text: text.slice(start, end), start, end, date: null };
  }
  if (!hasDate && !/\b(?:yesterday|today|tomorrow|ago|last|next|this)\b/i.test(phrase)) return null;
  // "sat down", "wed", "Sun" (a newspaper): a weekday is read only when written out ("Saturday").
  if (c.isCertain('weekday') && !c.isCertain('day') && !/day\b/i.test(phrase)) return null;
  const end = start + phrase.length;
  const mention = { text: text.slice(start, end), start, end };
  return { ...mention, date: resolve(text.slice(0, start), phrase, result, reference) };
}

function resolve(before: string, phrase: string, result: Chrono.ParsedResult, reference: DateReference | null): string | null {
  const c = result.start;
  const explicitYear = YEAR_IN_TEXT.test(phrase);
  if (NUMERIC.test(phrase)) return numericDate(phrase);
  if (/\bweeks?\b|\bweekend\b/i.test(phrase)) return null;
  const range = result.end;
  if (explicitYear) {
    const year = c.get('year')!;
    const month = c.isCertain('month') ? c.get('month')! : null;
    const day = month !== null && c.isCertain('day') ? c.get('day')! : null;
    if (range && month !== null) return coveringRange(year, month, day, range);
    return isoAt(year, month, day);
  }
  const relative = /\b(?:yesterday|today|tomorrow|ago|last|next|this|previous)\b/i.test(phrase);
  if (!reference) return null;
  const future = FUTURE.test(before) || /\bnext\b/i.test(phrase);
  if (c.isCertain('month') && !relative) {
    if (reference.kind === 'borrowed' && c.isCertain('day') === false && !c.isCertain('month')) return null;
    const month = c.get('month')!;
    const year = yearFor(month, reference.day, future);
    const day = c.isCertain('day') ? c.get('day')! : null;
    if (range) return coveringRange(year, month, day, range);
    return isoAt(year, month, day);
  }
  if (reference.kind !== 'stated') return null;
  if (c.isCertain('weekday') && !c.isCertain('day') && !relative) return isoDay(weekdayFrom(c.get('weekday')!, reference.day, future ? 'after' : 'on-or-before'));
  if (c.isCertain('weekday') && /\blast\b/i.test(phrase)) return isoDay(weekdayFrom(c.get('weekday')!, reference.day - 1, 'on-or-before'));
  if (c.isCertain('weekday') && /\bnext\b/i.test(phrase)) return isoDay(weekdayFrom(c.get('weekday')!, reference.day, 'after'));
  if (relative) {
    const year = c.get('year')!;
    if (/\byears?\b/i.test(phrase)) return isoAt(year, null, null);
    if (/\bmonths?\b/i.test(phrase)) return isoAt(year, c.get('month')!, null);
    return isoAt(year, c.get('month')!, c.get('day')!);
  }
  return null;
}

/** The month's year: see the rules at the top of the file. */
export function yearFor(month: number, referenceDay: number, future: boolean): number {
  const ref = partsOf(referenceDay);
  const monthsAfter = month - ref.month;
  if (future) return monthsAfter >= 0 ? ref.year : ref.year + 1;
  return monthsAfter > 3 ? ref.year - 1 : ref.year;
}

/** The day of `weekday` (0 = Sunday) nearest the reference in the given direction. */
export function weekdayFrom(weekday: number, referenceDay: number, direction: 'on-or-before' | 'after'): number {
  const refWeekday = partsOf(referenceDay).weekday;
  if (direction === 'on-or-before') return referenceDay - ((refWeekday - weekday + 7) % 7);
  return referenceDay + (((weekday - refWeekday + 7) % 7) || 7);
}

/** "3–5 September 2025" is 2025-09; "March to May 2024" is 2024: the finest precision covering both ends. */
function coveringRange(year: number, month: number, day: number | null, end: Chrono.ParsedComponents): string {
  const endYear = end.get('year')!;
  const endMonth = end.get('month')!;
  if (endYear !== year) return isoAt(year, null, null);
  if (endMonth !== month || day === null || !end.isCertain('day')) return isoAt(year, endMonth === month ? month : null, null);
  return end.get('day') === day ? isoAt(year, month, day) : isoAt(year, month, null);
}

/** 03/09/2025 is 3 September in Britain and March 9 in the US: resolved only when both readings agree or one is impossible. */
function numericDate(phrase: string): string | null {
  const [a, b, y] = phrase.split(/[/.-]/).map(Number) as [number, number, number];
  const year = y < 100 ? 2000 + y : y;
  const valid = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && partsOf(dayOf(year, month, day)).day === day;
  const dm = valid(a, b) ? isoAt(year, b, a) : null;
  const md = valid(b, a) ? isoAt(year, a, b) : null;
  if (dm && md) return dm === md ? dm : null;
  return dm ?? md;
}
