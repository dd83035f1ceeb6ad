/** A message's text as a query for "find sources": links and Discord markup removed, cut to the question limit. */
import { MAX_QUESTION_CHARS } from './ask-input.js';

export function claimAsQuery(claim: string): string {
  const text = claim
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<a?:\w+:\d+>|<[@#][!&]?\d+>/g, ' ')
    .replace(/[*_~`>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MAX_QUESTION_CHARS) return text;
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  const space = cut.lastIndexOf(' ');
  return space > MAX_QUESTION_CHARS / 2 ? cut.slice(0, space) : cut;
}
