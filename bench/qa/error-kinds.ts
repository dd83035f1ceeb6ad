/** What went wrong, by kind, on held-out news questions: counts and one example of each, for the results' last section. */
import type { HeldOutAnswer } from '../train/cross-validate.js';
import { shownQuotes } from './score-answers.js';
import { isHit } from './sets.js';

export interface ErrorKind {
  kind: string;
  count: number;
  example: { question: string; quote: string | null; gold: string | null; confidence: number };
}

export function errorKinds(answers: readonly HeldOutAnswer[]): ErrorKind[] {
  const kinds = new Map<string, ErrorKind>();
  for (const { question, composed } of answers) {
    const { item } = question;
    const first = shownQuotes(composed)[0] ?? null;
    const answered = composed.status === 'answered';
    const right = first !== null && item.answerable && isHit(item, first.citation.article, first.sentence);
    const kind = !item.answerable
      ? answered
        ? 'answered a question no article answers'
        : null
      : right
        ? answered
          ? null
          : 'withheld a right first quote (below the threshold)'
        : !question.labels.some((l) => l === 1)
          ? 'the answering sentence was never retrieved'
          : first && item.evidence.some((e) => first.sentence.includes(e.sentence) || e.sentence.includes(first.sentence))
            ? 'the gold sentence, from an article the gold does not list (a re-run)'
            : first && item.evidence.some((e) => e.article === first.citation.article)
              ? `right article, wrong sentence (${item.kind})`
              : `wrong article (${item.kind})`;
    if (!kind) continue;
    const entry = kinds.get(kind) ?? {
      kind,
      count: 0,
      example: { question: item.question, quote: first?.sentence ?? null, gold: item.evidence[0]?.sentence ?? null, confidence: composed.confidence },
    };
    entry.count++;
    kinds.set(kind, entry);
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
