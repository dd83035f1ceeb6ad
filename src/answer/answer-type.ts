/**
 * What kind of answer a question asks for, read from its wh-phrase: the wh-word, and for "which/what X"
 * the nouns of X ("which local councillor" asks for a person, "what growth rate" for a figure, "which
 * film" for a name). Rule-based on purpose: the head noun decides the expected answer type far more
 * reliably than any model available offline, and a rule that is wrong can be read and fixed.
 */
import { wink } from '../wink.js';


export type AnswerType = 'person' | 'place' | 'date' | 'number' | 'duration' | 'org' | 'name' | 'quote' | 'reason' | 'other';

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** Head nouns by the answer they ask for (singular; plurals are found by their singular), checked in this order. */
const LEXICON: ReadonlyArray<readonly [AnswerType, ReadonlySet<string>]> = [
  [
    'reason',
    words('reason reasons cause motive explanation excuse grounds rationale'),
  ],
  [
    'duration',
    words('period length timeframe duration'),
  ],
  [
    'person',
    words(`analyst expert academic person people guy man men woman women official leader president premier minister lecturer
      professor spokesman spokeswoman spokesperson member scholar tycoon billionaire millionaire businessman businesswoman
      entrepreneur councillor mp mep pm ceo politician candidate chancellor secretary chairman chairwoman chief executive boss
      founder owner investor banker economist director manager coach trainer player striker midfielder defender goalkeeper keeper
      captain skipper athlete sprinter runner champion winner rival actor actress singer star musician guitarist drummer rapper
      artist author writer novelist journalist reporter editor presenter host comedian judge justice lawyer barrister solicitor
      lord lady peer king queen prince princess pope bishop doctor scientist researcher engineer designer architect producer
      filmmaker legend hero veteran psychologist campaigner activist protester victim teenager boy girl child son daughter wife
      husband father mother brother sister colleague successor predecessor deputy aide adviser advisor ambassador diplomat envoy
      commander officer soldier detective governor mayor senator nominee contestant finalist referee jockey golfer boxer cyclist
      swimmer batsman bowler cricketer footballer international american briton frenchman`),
  ],
  [
    'number',
    words(`number % percent percentage share proportion amount total rate price cost value size sum fee stake score minimum
      maximum cap budget salary wage pay profit loss revenue sale fine deficit surplus gap growth speed age height distance
      temperature population capacity margin odds level rating audience turnover earnings debt tax duty rent bill payout
      valuation worth attendance anniversary majority tally count record fare premium bonus dividend inflation unemployment`),
  ],
  [
    'date',
    words('day date year month time week weekday century decade season era'),
  ],
  [
    'org',
    words(`agency outlet channel broadcaster newspaper publication company firm organisation organization network media tv station
      paper publisher bank insurer retailer carmaker maker manufacturer airline carrier operator group party union club side team
      band label studio distributor website site regulator body authority department ministry government council court university
      school college charity brand chain supermarket store business institution exchange fund giant`),
  ],
  [
    'place',
    words('city country place venue town village region capital nation state county area island stadium ground location airport port continent contries'),
  ],
  [
    'name',
    words('film movie documentary comedy album song single book novel play show series programme program sitcom drama musical game console codename name nickname title'),
  ],
];

/** "How big", "how fast": asking for a measure. */
const HOW_MEASURE = /^how (big|large|high|low|fast|quick|far|old|tall|heavy|deep|wide|expensive|cheap|strong|often|severe|bad|small|short|close)\b/;

/** Rules read from the first wh-word, in order; the head-noun lexicon decides the rest. */
const RULES: ReadonlyArray<readonly [RegExp, AnswerType]> = [
  [/^how (long|quickly|soon)\b/, 'duration'],
  [/^how (many|much)\b/, 'number'],
  [HOW_MEASURE, 'number'],
  [/^how come\b/, 'reason'],
  [/^(when|wen)\b/, 'date'],
  [/^(who|whom|whose|who's)\b/, 'person'],
  [/^where\b/, 'place'],
  [/^why\b/, 'reason'],
  [/^(what|whats) (made|makes|caused|causes|prompted|led|drove|forced)\b/, 'reason'],
  [/^(what|whats) (did|does|will|would|could) .*\bcost\b/, 'number'],
];

const QUOTE_VERBS = /\b(call|called|calls|describe|described|characteri[sz]e|characteri[sz]ed|refer to|referred to|nickname|label)\b/;
const COUNT_WORDS = /^(two|three|four|five|six|several|both|all|some)$/;
/** A "what" that is the whole question's object ("what did X say") has no head noun. */
const PHRASE_SKIP = new Set(['is', 'was', 'are', 'were', "'s", 'the', 'a', 'an', 'kind', 'sort', 'type', 'of']);

export interface AnswerTypeReading {
  type: AnswerType;
  /** The wh-phrase names several things ("which banks", "what two prizes"). */
  plural: boolean;
}

/** `head` is the question lower-cased from its first wh-word on ("which local councillor was picked…"). */
export function readAnswerType(head: string): AnswerTypeReading {
  const rule = RULES.find(([pattern]) => pattern.test(head));
  if (rule) return { type: rule[1], plural: false };
  if (/^(what|which|whats)\b/.test(head)) {
    const phrase = whPhrase(head);
    for (const [type, nouns] of LEXICON) {
      if (phrase.nouns.some((n) => nouns.has(singular(n)))) return { type, plural: phrase.plural };
    }
    // "What figure" asks for a number; "which senior cabinet figure" for a person.
    if (phrase.nouns[0] === 'figure' || phrase.nouns[0] === 'figures') return { type: phrase.nouns.length === 1 ? 'number' : 'person', plural: phrase.plural };
    if (QUOTE_VERBS.test(head)) return { type: 'quote', plural: false };
    return { type: 'other', plural: phrase.plural };
  }
  return { type: QUOTE_VERBS.test(head) ? 'quote' : 'other', plural: false };
}

/** The words between the wh-word and the verb: "which [three Manchester United directors] did…". */
function whPhrase(head: string): { nouns: string[]; plural: boolean } {
  const nlp = wink();
  const doc = nlp.readDoc(head.replace(/^whats\b/, "what's"));
  const tokens = (doc.tokens().out() as string[]).map((t) => t.toLowerCase());
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  const nouns: string[] = [];
  let plural = false;
  let i = 1;
  while (i < tokens.length && PHRASE_SKIP.has(tokens[i]!)) i++;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    const tag = pos[i];
    if (COUNT_WORDS.test(token)) {
      plural = true;
      continue;
    }
    if (NOMINAL.has(tag ?? '') || token === '%' || (tag === 'PUNCT' && token === '-')) {
      nouns.push(token);
      continue;
    }
    // Lower-cased chat misleads the tagger ("manchester united/VERB directors", "us/PRON digital music"): a word
    // the tagger doubts stays in the phrase when a noun or adjective follows it.
    const doubtful = (tag === 'VERB' && token.endsWith('ed') && nouns.length > 0) || (tag === 'PRON' && (token === 'us' || token === 'uk'));
    if (doubtful && NOMINAL.has(pos[i + 1] ?? '') && pos[i + 1] !== 'NUM') {
      nouns.push(token);
      continue;
    }
    break;
  }
  const last = nouns[nouns.length - 1];
  if (last && (last !== singular(last) || IRREGULAR_PLURALS.has(last))) plural = true;
  return { nouns: nouns.reverse(), plural };
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children']);

/** English plural to singular, for the lexicon look-up only. */
function singular(word: string): string {
  if (/(ss|us|is|news|series)$/.test(word) || word.length < 4) return word;
  if (IRREGULAR_PLURALS.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}
