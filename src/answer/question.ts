/**
 * What a question asks for. Pure and rule-based on purpose: the wh-word and its head noun decide
 * the expected answer type far more reliably than any model available offline.
 */
import { terms, words } from '../index/tokenize.js';

export type AnswerType = 'person' | 'place' | 'date' | 'number' | 'duration' | 'org' | 'quote' | 'reason' | 'other';

export interface QuestionAnalysis {
  /** The question with markdown, mentions and extra whitespace removed. */
  text: string;
  terms: string[];
  /** Lower-cased words of the question, to tell an answer apart from what the question already says. */
  words: Set<string>;
  type: AnswerType;
  /** Asks about something yet to happen ("when will…", "is … going to"). */
  future: boolean;
  /** Asks for several things ("who attended", "which analysts"): up to three quotes are shown. */
  list: boolean;
}

const PERSON_NOUNS = 'analyst|analysts|expert|experts|academic|person|people|guy|man|woman|official|officials|leader|leaders|president|premier|minister|lecturer|professor|spokesman|spokeswoman|member|members|scholar';
const PLACE_NOUNS = 'city|country|countries|place|venue|town|region|capital|nation|contries';
const ORG_NOUNS = 'agency|outlet|channel|broadcaster|newspaper|publication|company|companies|organisation|organization|network|media|tv|station|paper|publisher|firm';
const DATE_NOUNS = 'day|date|year|month|time|week|weekday|day of the week|century|decade';

/** Rules read the question from its first wh-word, so "what did Xi say … when Putin visited" is not a date question. */
const RULES: ReadonlyArray<readonly [RegExp, AnswerType]> = [
  [/^how long\b/, 'duration'],
  [/^(how many|how much)\b/, 'number'],
  [/^(what|which|whats)( [\w'-]+){0,3} (number|percentage|share|proportion|amount|figure|total)\b/, 'number'],
  [/^(when|wen)\b/, 'date'],
  [new RegExp(`^(what|which|whats)( [\\w'-]+){0,2} (${DATE_NOUNS})\\b`), 'date'],
  [/^(who|whom|whose|who's)\b/, 'person'],
  [new RegExp(`^(what|which|whats)( [\\w'-]+){0,2} (${PERSON_NOUNS})\\b`), 'person'],
  [/^where\b/, 'place'],
  [new RegExp(`^(what|which|whats)( [\\w'-]+){0,2} (${PLACE_NOUNS})\\b`), 'place'],
  [new RegExp(`^(what|which|whats)( [\\w'-]+){0,2} (${ORG_NOUNS})\\b`), 'org'],
  [/^why\b/, 'reason'],
  [/\b(call|called|calls|describe|described|characteri[sz]e|characteri[sz]ed|refer to|referred to|nickname|label)\b/, 'quote'],
];

const WH = /\b(how|what|whats|which|when|wen|where|who|whom|whose|who's|why)\b/;

const FUTURE = /\b(when|wen) (will|is|are)\b|\bgoing to\b|\bwill\b|\bnext\b|\bupcoming\b|\bplan(s|ned)? to\b/;
const LIST = /\b(who attended|who went|which (?!news\b)\w+s|what (?!news\b)\w+s (did|do|have|are|were)|get up to|who are|list|name all|what are)\b/;

/** Strips what a chat message adds around a question: markdown, mentions, links' angle brackets. */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(/<@[!&]?\d+>|<#\d+>|@(everyone|here)\b/g, ' ')
    .replace(/[*_~`|>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function analyzeQuestion(raw: string): QuestionAnalysis {
  const text = cleanQuestion(raw);
  const lower = text.toLowerCase().replace(/’/g, "'").replace(/\bwhat's\b/g, 'whats');
  const wh = WH.exec(lower);
  const head = wh ? lower.slice(wh.index) : lower;
  const type = RULES.find(([pattern]) => pattern.test(head))?.[1] ?? 'other';
  return {
    text,
    terms: [...new Set(terms(text))],
    words: new Set(words(text)),
    type,
    future: type === 'date' && FUTURE.test(lower),
    list: LIST.test(lower),
  };
}
