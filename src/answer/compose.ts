/**
 * From ranked sentences to an answer: below the confidence threshold the result is not_found with the
 * nearest passages shown; otherwise the best sentence is the answer, further quotes join only when
 * they add an answer of their own (another item of a list, a near tie naming something else), and
 * agreeing sentences of other articles are grouped under the quote they agree with.
 */
import type { AskResult, Quote } from './types.js';
import type { QuestionAnalysis } from './question.js';
import { agrees } from './group.js';
import { quoteOf, round } from './cite.js';
import { publisherSpan } from './publisher.js';
import { CONFIDENCE_FEATURES, confidenceFeatures, confidenceOf, confidenceWord, type ConfidenceModel } from './confidence.js';
import type { RankedSentence } from './rank.js';
import { FEATURE_INDEX } from './sentence-features.js';

const NEAREST = 3;
const MORE = 5;
/**
 * Logit gaps (second-stage ranker units) within which a further sentence may join the answers: list
 * questions want several items, other questions only a near tie. Agreeing sentences group from further down.
 */
const LIST_GAP = 3;
const TIE_GAP = 0.5;
const GROUP_GAP = 4;
const MORE_GAP = 4;

export interface ComposeInput {
  question: QuestionAnalysis;
  ranked: readonly RankedSentence[];
  unknown: number;
  confidence: ConfidenceModel;
  maxAnswers: number;
}

export type ComposedAnswer = Pick<AskResult, 'status' | 'confidence' | 'confidenceWord' | 'answers' | 'nearest' | 'more' | 'reason'> & {
  /** What the confidence was computed from (shown in the trace). */
  evidence: Record<string, number> | null;
};

export function composeAnswer({ question, ranked: input, unknown, confidence: model, maxAnswers }: ComposeInput): ComposedAnswer {
  if (input.length === 0) return { status: 'not_found', confidence: 0, confidenceWord: 'low', answers: [], nearest: [], more: [], reason: 'no-candidates', evidence: null };
  const ranked = question.asksPublisher ? withPublisherLine(input) : [...input];
  const best = ranked[0]!;
  const features = confidenceFeatures({ question, ranked, unknown });
  const confidence = confidenceOf(model, { question, ranked, unknown });
  const evidence = Object.fromEntries(CONFIDENCE_FEATURES.map((name, i) => [name, round(features[i]!)]));
  // Quote scores are the ranker's probability-like view of each sentence; only their order matters to readers.
  const toQuote = (s: RankedSentence): Quote => quoteOf(s.article, s.sentence, squash(s.score), s.span);
  // Nearest passages are context, not answers: no span is marked in them.
  const toNearest = (s: RankedSentence): Quote => quoteOf(s.article, s.sentence, squash(s.score), null);

  if (confidence < model.threshold) {
    return { status: 'not_found', confidence: round(confidence), confidenceWord: 'low', answers: [], nearest: nearestQuotes(ranked), more: [], reason: 'below-threshold', evidence };
  }

  const limit = Math.max(1, Math.min(maxAnswers, 3));
  const picked = pickAnswers(question, ranked, limit);
  const answers = picked.map((group) => ({ ...toQuote(group.lead), alsoReportedBy: group.others.map((o) => toQuote(o).citation) }));
  const used = new Set(picked.flatMap((g) => [g.lead, ...g.others]));
  const rest = ranked.filter((s) => !used.has(s));
  return {
    status: 'answered',
    confidence: round(confidence),
    confidenceWord: confidenceWord(model, confidence),
    answers,
    nearest: rest.slice(0, NEAREST).map(toNearest),
    more: rest.filter((s) => s.shortlisted && s.score >= best.score - MORE_GAP).slice(0, MORE).map(toQuote),
    evidence,
  };
}

/** The closest passages shown when nothing answers: context, not answers, so no span is marked. */
export function nearestQuotes(ranked: readonly RankedSentence[]): Quote[] {
  return ranked.slice(0, NEAREST).map((s) => quoteOf(s.article, s.sentence, squash(s.score), null));
}

interface Group {
  lead: RankedSentence;
  others: RankedSentence[];
}

/**
 * The best sentence, then up to `limit - 1` more from the shortlist within the gap, each only when it
 * adds an answer: for a list, an answering span not given yet; otherwise a near tie whose span differs
 * too. Each takes the agreeing sentences of other articles along.
 */
function pickAnswers(question: QuestionAnalysis, ranked: readonly RankedSentence[], limit: number): Group[] {
  const best = ranked[0]!;
  const gap = question.list ? LIST_GAP : TIE_GAP;
  const groups: Group[] = [];
  const taken = new Set<RankedSentence>();
  const given = new Set<string>();
  for (const candidate of ranked) {
    if (groups.length >= limit || !candidate.shortlisted || candidate.score < best.score - gap) break;
    if (taken.has(candidate)) continue;
    const answer = spanText(candidate);
    if (groups.length > 0 && !addsAnswer(question, candidate, answer, given, best)) continue;
    const group: Group = { lead: candidate, others: [] };
    taken.add(candidate);
    if (answer) given.add(answer);
    for (const other of ranked) {
      if (taken.has(other) || !other.shortlisted || other.score < best.score - GROUP_GAP) continue;
      if (agrees(asGroupable(candidate), asGroupable(other)) && !group.others.some((o) => o.article.id === other.article.id)) {
        group.others.push(other);
        taken.add(other);
      }
    }
    groups.push(group);
  }
  return groups;
}

/** A further quote must stay on the story (its key terms) and, when a type is asked for, carry an answer not given yet. */
function addsAnswer(question: QuestionAnalysis, candidate: RankedSentence, answer: string | null, given: ReadonlySet<string>, best: RankedSentence): boolean {
  const key = FEATURE_INDEX.keyTerms;
  // The same story: a sentence missing the words that pick the story is about something else (another country's trade).
  if (candidate.x[key]! < best.x[key]!) return false;
  // Without an answer type there is no span to compare: a near tie about the same story is another answer.
  if (question.type === 'other' || question.type === 'reason' || question.type === 'quote') return true;
  return answer !== null && !given.has(answer);
}

function spanText(s: RankedSentence): string | null {
  return s.span ? s.sentence.text.slice(s.span.start, s.span.end).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : null;
}

function asGroupable(s: RankedSentence) {
  return { article: s.article.id, text: s.sentence.text, vector: s.vector, spanText: s.span ? s.sentence.text.slice(s.span.start, s.span.end) : null };
}

/**
 * "Which outlet published the story where…": the story is found like any answer, and the quote is the
 * line of that article that names its publisher (a credit line or "– CNN"), in the best sentence's place.
 */
function withPublisherLine(ranked: readonly RankedSentence[]): RankedSentence[] {
  const out = [...ranked];
  const best = out[0];
  if (!best?.article.publisher) return out;
  const found = publisherSpan(best.article);
  if (!found) return out;
  const existing = out.findIndex((s) => s.article === best.article && s.sentence.index === found.sentence.index);
  const item: RankedSentence = existing >= 0 ? out.splice(existing, 1)[0]! : { ...best, sentence: found.sentence, vector: undefined };
  out.unshift({ ...item, x: best.x, score: best.score, shortlisted: true, span: found.span });
  return out;
}

function squash(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}
