/**
 * The time a question asks about: explicit dates and years ("in 2019", "in March 2024", "at the 2024
 * summit"), ranges ("between 2019 and 2021", "since May 2024", "before 2024"), relative words ("yesterday",
 * "last year", "this week") counted from a reference day, and the wish for the newest news ("latest",
 * "most recent", "now", "still"). The time words are taken out of the text the question is matched
 * with: the period is applied as a constraint instead, and a sentence should not lose points for not
 * repeating "2025".
 *
 * A weekday alone ("what did Xi condemn on Monday?") names a day of the story, not a period counted from
 * today, so it is no constraint and stays in the question's words.
 */
import { dayOf, isoDay, partsOf, periodOf, type Period } from './calendar.js';
import { findDates } from './resolve-dates.js';

export interface QuestionTime {
  /** The days the question asks about; null when it names none. */
  period: Period | null;
  /** The question's words that set the period, as written ("in September 2025"). */
  words: string[];
  /** Asks for the newest news ("latest", "most recent", "now", "still"). */
  latest: boolean;
  /** The question with its time words removed: what retrieval and the ranker match. */
  text: string;
  /**
   * The question with only the words counted from today ("last year", "this week") and "latest" removed: dates it
   * states outright ("in 2003", "Christmas 1986") stay, for archives whose sentences carry the date themselves.
   */
  datedText: string;
  /** True when a relative word ("yesterday", "last year") was counted from the reference day. */
  relative: boolean;
}

const LATEST = /\b(?:the\s+)?(?:latest|most recent|newest|most up-to-date)\b|\b(?:right now|now|still|currently|these days|at the moment|at present)\b/gi;
const WEEK = /\b(?:in\s+|during\s+)?(this|last|past|previous)\s+week\b/gi;
/** "the last quarter of 2004", "Q3 2024", "the first half of 2025": chrono reads "last quarter" as counted from today. */
const PART_OF_YEAR = /\b(?:in\s+|during\s+)?(?:the\s+)?(?:(first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(quarter|half)\s+of\s+|(q[1-4])\s+|(h[12])\s+)((?:19|20)\d\d)\b/gi;
const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const LEAD = /\b(?:back\s+in|in|on|during|for|from|since|after|before|until|till|by|prior\s+to|as\s+of|throughout|at|between)\s*$/i;
/**
 * A date inside an occasion that a question places itself before or after ("before their sept 2025 talks",
 * "after the 2024 Beijing talks"): the occasion's exact day is unknown, so the period runs up to the end of
 * the date's period, or from its start.
 */
const OCCASION = /\b(before|after|ahead\s+of|prior\s+to|following|since)\s+(?:the|their|his|her|its|this|that|a)\s+(?:[\p{L}’'-]+\s+){0,2}$/iu;
const OPEN_BEFORE = /\b(?:before|until|till|by|prior\s+to)\s*$/i;
const OPEN_AFTER = /\b(?:since|after|from)\s*$/i;
const BETWEEN = /\b(?:between|from)\s*$/i;
const JOIN = /^\s*(?:and|to|until|till|through|-|–)\s*$/i;

/**
 * `datedCorpus: false` (no article has a date): a month or day named without its year ("the November AGM",
 * "on 16 March") cannot be placed in a year, so it is no constraint and stays in the question's words, like a
 * weekday alone.
 */
export function readQuestionTime(question: string, referenceDay: number, options: { datedCorpus?: boolean } = {}): QuestionTime {
  let relative = false;
  const cuts: Array<{ start: number; end: number; text: string; counted: boolean }> = [];
  const periods: Array<{ period: Period; lead: string; start: number; end: number; counted: boolean }> = [];
  for (const match of question.matchAll(WEEK)) {
    const ref = partsOf(referenceDay);
    const monday = referenceDay - ((ref.weekday + 6) % 7);
    const from = match[1]!.toLowerCase() === 'this' ? monday : monday - 7;
    periods.push({ period: { from, to: from + 6 }, lead: '', start: match.index, end: match.index + match[0].length, counted: true });
    relative = true;
  }
  for (const match of question.matchAll(PART_OF_YEAR)) {
    const year = Number(match[5]);
    const half = (match[2] ?? '').toLowerCase() === 'half' || match[4] !== undefined;
    const parts = half ? 2 : 4;
    const word = (match[1] ?? '').toLowerCase();
    const n = match[3] ? Number(match[3].slice(1)) : match[4] ? Number(match[4].slice(1)) : word === 'last' || word === 'final' ? parts : (ORDINAL[word] ?? 0);
    if (n < 1 || n > parts) continue;
    const months = 12 / parts;
    periods.push({ period: { from: dayOf(year, (n - 1) * months + 1, 1), to: dayOf(year, n * months + 1, 0) }, lead: '', start: match.index, end: match.index + match[0].length, counted: false });
  }
  for (const mention of findDates(question, { day: referenceDay, kind: 'stated' })) {
    if (periods.some((p) => p.start < mention.end && mention.start < p.end)) continue;
    if (mention.date === null) continue;
    // A weekday names a day of the story, not a period from today (see above).
    if (/^(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+\w+)?$/i.test(mention.text) || /^the\s/i.test(mention.text)) continue;
    const period = periodOf(mention.date);
    if (!period) continue;
    const counted = /\b(?:yesterday|today|tomorrow|ago|last|this|next|previous)\b/i.test(mention.text);
    if (options.datedCorpus === false && !counted && !/\b(?:1[89]|20)\d\d\b/.test(mention.text)) continue;
    if (counted) relative = true;
    const occasion = OCCASION.exec(question.slice(0, mention.start));
    if (occasion && /^\s*[\p{L}]/u.test(question.slice(mention.end))) {
      const before = !/^(?:after|following|since)$/i.test(occasion[1]!);
      periods.push({ period: before ? { from: Number.NEGATIVE_INFINITY, to: period.to } : { from: period.from, to: Number.POSITIVE_INFINITY }, lead: 'occasion', start: mention.start, end: mention.end, counted });
      continue;
    }
    const lead = LEAD.exec(question.slice(0, mention.start));
    periods.push({ period, lead: lead?.[0] ?? '', start: lead ? lead.index : mention.start, end: mention.end, counted });
  }
  periods.sort((a, b) => a.start - b.start);
  let period: Period | null = null;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    const next = periods[i + 1];
    let span: Period;
    if (next && BETWEEN.test(p.lead) && JOIN.test(question.slice(p.end, next.start))) {
      span = { from: p.period.from, to: next.period.to };
      cuts.push({ start: p.start, end: next.end, text: question.slice(p.start, next.end), counted: p.counted || next.counted });
      i++;
    } else {
      if (OPEN_BEFORE.test(p.lead)) span = { from: Number.NEGATIVE_INFINITY, to: /\b(?:until|till|by)\s*$/i.test(p.lead) ? p.period.to : p.period.from - 1 };
      else if (OPEN_AFTER.test(p.lead)) span = { from: /\bafter\s*$/i.test(p.lead) ? p.period.to + 1 : p.period.from, to: Number.POSITIVE_INFINITY };
      else span = p.period;
      cuts.push({ start: p.start, end: p.end, text: question.slice(p.start, p.end), counted: p.counted });
    }
    // Several periods in one question ("in 2019 and in 2024"): the span covering them all.
    period = period ? { from: Math.min(period.from, span.from), to: Math.max(period.to, span.to) } : span;
  }
  let latest = false;
  for (const match of question.matchAll(LATEST)) {
    latest = true;
    if (!cuts.some((c) => c.start < match.index + match[0].length && match.index < c.end)) cuts.push({ start: match.index, end: match.index + match[0].length, text: match[0], counted: true });
  }
  cuts.sort((a, b) => a.start - b.start);
  return { period, words: cuts.map((c) => c.text.trim()), latest, text: without(question, cuts), datedText: without(question, cuts.filter((c) => c.counted)), relative };
}

/** The question with `cuts` taken out; the question as written when nothing would be left to ask. */
function without(question: string, cuts: ReadonlyArray<{ start: number; end: number }>): string {
  let text = '';
  let at = 0;
  for (const cut of cuts) {
    text += question.slice(at, cut.start) + ' ';
    at = cut.end;
  }
  text = (text + question.slice(at)).replace(/\s+([?,.!])/g, '$1').replace(/\s+/g, ' ').trim().replace(/^[,;:]\s*/, '');
  // Nothing left to ask ("what happened yesterday?" keeps its words): match the question as written.
  return /[\p{L}\p{N}]{3,}/u.test(text.replace(/\b(?:what|whats|what's|happened|happen|happening|is|was|the|on|news|in|any|there)\b/gi, '')) ? text : question;
}

/** "2025-09-01 – 2025-09-30", "from 2024-05-01", "until 2023-12-31": a period as the trace shows it. */
export function describePeriod(period: Period): string {
  const from = Number.isFinite(period.from) ? isoDay(period.from) : null;
  const to = Number.isFinite(period.to) ? isoDay(period.to) : null;
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `from ${from}`;
  return to ? `until ${to}` : 'any time';
}

/** A `--since`/`--until` value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when it is not one. */
export function readDateOption(value: string): Period | null {
  const trimmed = value.trim();
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(trimmed) ? periodOf(trimmed) : null;
}

export { dayOf };
