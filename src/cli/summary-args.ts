/** Turns harness words (`article 003`, `topic the parade`, `corpus`) into a SummaryRequest. */
import { VerbatimError } from '../errors.js';
import type { SummaryRequest } from '../summary/types.js';

export function parseSummaryCommand(words: readonly string[]): SummaryRequest {
  const [kind, ...rest] = words;
  const value = rest.join(' ').trim();
  if (kind === 'corpus') return { corpus: true };
  if (kind === 'article' && value) return { article: value };
  if (kind === 'topic' && value) return { topic: value };
  throw new VerbatimError('TOPIC_EMPTY', 'Say what to summarise: /summary article <id or title words>, /summary topic <words>, or /summary corpus.');
}
