/**
 * The footer under an answer: confidence in words and the question. Footers show plain text (no markdown,
 * no mentions), so the question is kept as asked, and a "More sources" click can re-ask it from here when
 * the answer has left the cache.
 */
import type { AskResult } from '../answer/types.js';
import { shortenAtWord } from './fit.js';
import { EMBED_FOOTER_MAX } from './limits.js';

const QUESTION_LABEL = ' · Question: ';

export function answerFooter(result: Pick<AskResult, 'confidenceWord' | 'question'>): string {
  const head = `Confidence: ${result.confidenceWord}${QUESTION_LABEL}`;
  return head + shortenAtWord(result.question, EMBED_FOOTER_MAX - head.length);
}

/** The question written by `answerFooter`, or null when the text is not such a footer. */
export function questionFromFooter(footer: string | undefined): string | null {
  if (footer === undefined || !footer.startsWith('Confidence: ')) return null;
  const at = footer.indexOf(QUESTION_LABEL);
  if (at < 0) return null;
  const question = footer.slice(at + QUESTION_LABEL.length).trim();
  return question.length > 0 ? question : null;
}
