/** Recognisers for one line (or paragraph) of text, used to tell page furniture and headings from story text. */

const VIEW_COUNT = /^\d[\d,.]*\s*[kKmM]?\s+(?:views?|reads?|comments?|shares?|likes?)$/i;
const RELATIVE_TIME =
  /^(?:(?:updated|posted|published)\s+)?(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\s+ago$|^(?:just now|yesterday|today)$/i;
const ALSO_READ = /^(?:also read|read also|read more|see also|related(?: story| article| news)?|recommended|more on this)\s*[:|–—-]\s*\S/i;
/** Labels that only ever appear as page chrome, wherever they stand. */
const CHROME_LABEL = /^(?:highlights|advertisement|sponsored|trending(?: now)?|most read|top stories|related(?: stories| articles| news)?|share(?: this(?: article)?)?)$/i;
/** Ends like a sentence: a full stop, ?, !, or a clause mark (after any closing quotes or brackets). */
const TERMINAL_END = /[.!?:;,…]["”’»)\]]*$/;
/** The first letter or digit, after any quotes, brackets or currency signs, is a capital or a digit (or a brand like `iTunes`). */
const STARTS_LIKE_A_LINE = /^[^\p{L}\p{N}]*(?:[\p{Lu}\p{N}]|\p{Ll}{1,2}\p{Lu})/u;
/** A list item (`- `, `* `, `• `): story text, never a heading. */
const LIST_BULLET = /^[-*•–—]\s/;
const CAPITALISED_WORD = /^["“‘«(]?[\p{Lu}\p{N}]/u;

export function words(line: string): string[] {
  return line.trim().split(/\s+/).filter((word) => word !== '');
}

export function isViewCount(line: string): boolean {
  return VIEW_COUNT.test(line.trim());
}

export function isRelativeTime(line: string): boolean {
  return RELATIVE_TIME.test(line.trim());
}

export function isAlsoRead(line: string): boolean {
  return ALSO_READ.test(line.trim());
}

export function isChromeLabel(line: string): boolean {
  return CHROME_LABEL.test(line.trim());
}

export function endsLikeASentence(line: string): boolean {
  return TERMINAL_END.test(line.trim());
}

/** A headline or subheading: short, capitalised, not ending like a sentence (titles may end in `?`, `!` or `…`). */
export function isHeadlineLike(line: string, options: { maxChars: number; maxWords: number; allowQuestion?: boolean }): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > options.maxChars || words(text).length > options.maxWords) return false;
  if (!STARTS_LIKE_A_LINE.test(text) || LIST_BULLET.test(text) || !/\p{L}/u.test(text)) return false;
  if (options.allowQuestion === true && /(?:[?!]|\.\.\.|…)["”’»)]*$/.test(text)) return true;
  return !endsLikeASentence(text);
}

/** A section label such as `World` or `Middle East`: one to three capitalised words. */
export function isSectionLabel(line: string): boolean {
  const lineWords = words(line);
  return lineWords.length > 0 && lineWords.length <= 3 && line.trim().length <= 30 &&
    lineWords.every((word) => CAPITALISED_WORD.test(word) || word === '&') && !endsLikeASentence(line);
}
