import { describe, expect, it } from 'vitest';
import { standaloneFurniture } from '../../src/corpus/block-roles.js';
import { isoDateFromMeta, readDateLine } from '../../src/corpus/dates.js';
import { readDateline } from '../../src/corpus/dateline.js';
import { isHardWrapped } from '../../src/corpus/hard-wrap.js';
import { publisherFromLead, publisherFromLine, publisherFromTrailingCredit } from '../../src/corpus/publisher.js';
import { titleFromSentence } from '../../src/corpus/title.js';

describe('standaloneFurniture', () => {
  it.each<[string, string | null, string]>([
    ['40 views', 'view-count', 'a page counter'],
    ['1,204 comments', 'view-count', 'a comment counter'],
    ['7 hours ago', 'relative-time', 'a relative timestamp'],
    ['Updated 2 mins ago', 'relative-time', 'a prefixed relative timestamp'],
    ['Also Read: Kim, Xi, Putin to Unite at Beijing Military Parade', 'also-read', 'a link to another story'],
    ['HIGHLIGHTS', 'section-label', 'page chrome label'],
    ['September 04, 2025', 'date-line', 'a line that is only a date'],
    ['Published: 3 Sep 2025 10:30 GMT', 'date-line', 'a prefixed date with time and zone'],
    ['* * *', 'other', 'a separator without letters'],
    ['World', null, 'a section label is only furniture by position (header or trailer)'],
    ['Confrontation with the West', null, 'a subheading'],
    ['Athens News Agency', null, 'a publisher line is kept'],
    ['Putin met Xi on September 2, 2025.', null, 'a sentence that holds a date'],
    ['Sunday, 27 February', null, 'a date without a year is the story’s (a match preview), not a publication date'],
  ])('%s → %s (%s)', (line, expected) => {
    expect(standaloneFurniture(line)).toBe(expected);
  });
});

describe('dates', () => {
  it.each<[string, string | null]>([
    ['September 04, 2025', '2025-09-04'],
    ['Thu 4 September 2025', '2025-09-04'],
    ['2025-09-04T22:30:00+02:00', '2025-09-04'],
    ['Tuesday, 1 March', null],
    ['Sunday, 27 February', null],
    ['Kick-off on 27 February 2005 at Lansdowne Road', null],
  ])('date line %s gives %s (no year or more than a date: not a date line)', (line, iso) => {
    expect(readDateLine(line)).toBe(iso);
  });

  it.each<[unknown, string | null, string]>([
    [new Date(Date.UTC(2025, 8, 4)), '2025-09-04', 'a YAML date'],
    ['Sep 4, 2025', '2025-09-04', 'a written date'],
    [Date.UTC(2024, 4, 16), '2024-05-16', 'epoch milliseconds'],
    [2025, null, 'a bare year (YAML number): no day'],
    [1_715_817_600, null, 'epoch seconds: not milliseconds, never a guess'],
    ['last Thursday', null, 'relative: would be a guess'],
    ['May 2024', null, 'no day'],
    [null, null, 'nothing'],
  ])('meta date %s gives %s (%s)', (value, iso) => {
    expect(isoDateFromMeta(value)).toBe(iso);
  });
});

describe('publisher cues', () => {
  it.each<[string, string | null, string]>([
    ['Athens News Agency', 'Athens News Agency', 'a media word in a short capitalised line'],
    ['Source: Reuters', 'Reuters', 'a source prefix'],
    ['Ukraine and accusations of support', null, 'a heading, not a publisher'],
    ['Thank you for reading.', null, 'a sentence'],
  ])('last line %s → %s (%s)', (line, expected) => {
    expect(publisherFromLine(line)).toBe(expected);
  });

  it.each<[string, string | null, string]>([
    ['“It will keep trying – and Beijing.” – CNN', 'CNN', 'a dash credit after the closing quote'],
    ['The talks ended. - Reuters', 'Reuters', 'a hyphen credit'],
    ['Moscow – and Beijing', null, 'a dash inside the sentence'],
  ])('last paragraph %s → %s (%s)', (paragraph, expected) => {
    expect(publisherFromTrailingCredit(paragraph)).toBe(expected);
  });

  it.each<[string, string | null, string]>([
    ['Xi and Putin met in Beijing, AFP reported.', 'AFP', 'a wire credit'],
    ['The bank cut rates, Xinhua news agency reported.', 'Xinhua', 'news agency wording'],
    ['The bank cut rates, the Financial Times reported.', null, 'a newspaper as a source'],
    ['Putin and Xi attended a ceremony, Xinhua said.', null, '"said" names a source'],
  ])('lead %s → %s (%s)', (lead, expected) => {
    expect(publisherFromLead(lead)).toBe(expected);
  });
});

describe('readDateline', () => {
  it.each<[string, string | null, string | null]>([
    ['BEIJING: Chinese President Xi Jinping met', 'BEIJING', null],
    ['BEIJING – Chinese leader Xi Jinping', 'BEIJING', null],
    ['WASHINGTON (AP) — The Senate', 'WASHINGTON', 'AP'],
    ['LONDON, Sept 3 (Reuters) - Shares', 'LONDON', 'Reuters'],
    ['U.S. officials said on Monday', null, null],
    ['Chinese President Xi: a profile', null, null],
  ])('%s → %s / %s', (text, place, agency) => {
    const dateline = readDateline(text);
    expect(dateline?.place ?? null).toBe(place);
    expect(dateline?.agency ?? null).toBe(agency);
  });
});

describe('isHardWrapped', () => {
  it.each([
    [['Shares in London rose sharply on Monday after the central bank cut', 'interest rates by half a point. Traders said.'], true, 'each line broke where the next word would not fit'],
    [['Title of the story', 'Short subtitle.', 'Body'], false, 'narrower than any wrap width'],
    [['Xi and Putin’s “Old Friend” Bond Defies U.S. Pressure', 'Xi and Putin strengthen ties against U.S. challenges.', 'x'.repeat(300)], false, 'a line wider than any wrap width'],
    [['This line is long enough to be wrapped at some width here.', 'Short.', 'Another line that is long enough to be a wrap candidate.'], false, '"Short." would have fitted on the line before'],
  ])('%j → %s (%s)', (lines, expected) => {
    expect(isHardWrapped(lines)).toBe(expected);
  });
});

describe('titleFromSentence', () => {
  it.each([
    ['Short lead.', 'Short lead', 'a short sentence loses its full stop'],
    ['BEIJING: Leaders met.', 'Leaders met', 'the dateline is not part of a title'],
    ['One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.', 'One two three four five six seven eight nine ten eleven twelve thirteen…', 'cut at a word boundary under 80 characters'],
  ])('%s → %s (%s)', (sentence, expected) => {
    expect(titleFromSentence(sentence)).toBe(expected);
  });
});
