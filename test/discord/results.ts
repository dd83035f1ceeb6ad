/** Hand-made result objects for the rendering tables; quotes are real slices of the texts given. */
import type { AskResult, Citation, Quote } from '../../src/answer/types.js';

export function citation(fields: Partial<Citation> = {}): Citation {
  return { article: 'a.txt', title: 'A title', publisher: null, date: null, dateKind: null, url: null, paragraph: 1, sentence: 1, start: 0, end: 0, ...fields };
}

/** A quote of `sentence` as it appears in `articleText`, with `span` (a part of it) as the answer. */
export function quote(sentence: string, options: { span?: string; articleText?: string; citation?: Partial<Citation>; alsoReportedBy?: Citation[] } = {}): Quote {
  const text = options.articleText ?? `Lead paragraph. ${sentence} Closing line.`;
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error('the sentence must occur in the article text');
  const spanAt = options.span === undefined ? -1 : sentence.indexOf(options.span);
  return {
    sentence,
    span: options.span === undefined || spanAt < 0 ? null : { text: options.span, start: start + spanAt, end: start + spanAt + options.span.length },
    dates: [],
    score: 0.9,
    citation: citation({ ...options.citation, start, end: start + sentence.length }),
    alsoReportedBy: options.alsoReportedBy ?? [],
  };
}

export function askResult(fields: Partial<AskResult> = {}): AskResult {
  return {
    question: 'What did Putin call Xi?',
    status: 'answered',
    confidence: 0.8,
    confidenceWord: 'medium',
    answers: [],
    nearest: [],
    more: [],
    trace: { mode: 'hybrid', embedMs: 1, retrieveMs: 1, answerMs: 1, totalMs: 3, candidates: 5, evidence: null },
    ...fields,
  };
}
