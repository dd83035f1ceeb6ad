/**
 * What a question asks for. Pure and rule-based on purpose: the wh-word and its head noun decide
 * the expected answer type far more reliably than any model available offline.
 */
import { wink } from '../wink.js';
import { STOP_WORDS, stem, terms, words } from '../index/tokenize.js';
import { readAnswerType, type AnswerType } from './answer-type.js';


export type { AnswerType } from './answer-type.js';

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
  /** The question's main verb as a stem ("agree" in "what did Putin and Trump agree"), when it has one worth checking. */
  predicate: string | null;
  /** Asks which outlet published or is credited with a story: answered from the article's credit line. */
  asksPublisher: boolean;
  /** Words the user put in quotes ('then and now'), stop words kept: remembered wording to find as is. */
  quoted: string[];
  /**
   * Terms of a fronted clause that sets the occasion rather than asking ("After the 2024 Beijing talks, which city…"):
   * they pick the story, so they count around the sentence, not in it.
   */
  setting: string[];
}

const ORG_NOUNS = 'agency|outlet|channel|broadcaster|newspaper|publication|company|companies|organisation|organization|network|media|tv|station|paper|publisher|firm';

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
  const { type, plural } = readAnswerType(head);
  // "how long", "how big", "what day", "which year" name the answer's kind, not its topic ("long-term", "days of
  // diplomacy" are no match); nouns like "city" stay, since answers often carry them ("the city of Harbin").
  const whHead = new Set(type === 'date' || type === 'duration' || type === 'number' ? terms(KIND_WORDS) : []);
  const measure = /^how (\w+)/.exec(head);
  if (measure && type !== 'reason') for (const t of terms(measure[1]!)) whHead.add(t);
  const asksPublisher = type === 'org' && PUBLISHER_VERBS.test(lower);
  // For "which outlet published the story where…", the outlet words describe the answer, not the story.
  if (asksPublisher) for (const t of terms(PUBLISHER_WORDS)) whHead.add(t);
  return {
    text,
    terms: [...new Set(terms(text))].filter((t) => !whHead.has(t)),
    words: new Set(words(text)),
    type,
    future: type === 'date' && FUTURE.test(lower),
    list: plural || LIST.test(lower),
    predicate: mainVerb(text),
    asksPublisher,
    quoted: quotedWords(text),
    setting: settingTerms(lower, wh?.index ?? 0),
  };
}

/**
 * Terms of a fronted occasion clause, set off by a comma before the wh-word ("After the 2024 Beijing talks, which
 * city…"): a fronted adverbial sets the scene by construction. A trailing "when …" clause stays in the question:
 * it is as often part of what is asked ("what did he say when asked about the war?"), and the answer repeats it.
 * Empty when the question has none, or when it would leave nothing to ask.
 */
function settingTerms(lower: string, whIndex: number): string[] {
  if (!(whIndex > 0 && /,\s*$/.test(lower.slice(0, whIndex)))) return [];
  const setting = new Set(terms(lower.slice(0, whIndex)));
  const core = terms(lower.slice(whIndex)).filter((t) => !setting.has(t));
  return core.length > 0 ? [...setting] : [];
}

const KIND_WORDS = 'long many much day days date year years month week weekday time';
const PUBLISHER_WORDS = `${ORG_NOUNS.replace(/\|/g, ' ')} news story article publish published credited credit reported report carried wrote source`;
const PUBLISHER_VERBS = /\b(publish(ed|es)?|credit(ed|s)?|report(ed|s)?|carr(y|ied|ies)|wrote|write|ran|source|byline)\b/;
const AUXILIARIES = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must']);

function quotedWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/(?:^|[\s(])['‘"“]([^'’"”]{3,120})['’"”](?=$|[\s?.,!)])/g)) out.push(...words(match[1]!));
  return out;
}

/**
 * The main verb of a "wh + auxiliary + subject + verb" question, as a stem: "agree" in "What did
 * Putin and Trump agree in Alaska?". Reporting verbs ("say") and verbs of relative clauses ("the
 * academic who said…") are not predicates. Evidence without it talks about the same people
 * without saying what the question asks.
 */
function mainVerb(text: string): string | null {
  const nlp = wink();
  const doc = nlp.readDoc(text);
  const tokens = (doc.tokens().out() as string[]).map((t) => t.toLowerCase().replace(/’/g, "'"));
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  const aux = tokens.findIndex((t) => AUXILIARIES.has(t) || t === "'s");
  if (aux < 0) return null;
  for (let i = aux + 1; i < tokens.length; i++) {
    const word = tokens[i]!;
    if (WH_WORDS.has(word)) return null;
    if (pos[i] !== 'VERB' || AUXILIARIES.has(word) || STOP_WORDS.has(word)) continue;
    return stem(word);
  }
  return null;
}

const WH_WORDS = new Set(['who', 'whom', 'whose', 'which', 'that', 'when', 'where', 'why', 'how', 'what']);
