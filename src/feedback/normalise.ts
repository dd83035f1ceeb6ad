/** Questions that differ only in case, spacing and trailing punctuation count as the same question in reports. */
export function normaliseQuestion(question: string): string {
  return question.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[?!.。？！\s]+$/u, '').trim();
}
