/**
 * Whether the period a question names keeps its gold sentences, without an index: each gold article is parsed,
 * each gold sentence's time checked against the period by the engine's own rule (time/period-fit.ts). A question
 * none of whose gold sentences is kept cannot be answered right with the time step on, whatever the ranker
 * does; this counts them on corpora too big to index here (bbc-qa: 2,225 articles). Dates are not borrowed
 * (neither the seeds nor the BBC articles have an undated article in a dated story).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../src/corpus/types.js';
import { parseArticle } from '../../src/corpus/parse-article.js';
import { readOccasion } from '../../src/time/occasion.js';
import { fitToPeriod, type TimeFit } from '../../src/time/period-fit.js';
import { referenceDay, timeConstraint } from '../../src/time/time-constraint.js';
import { createTimeIndex } from '../../src/time/time-index.js';
import { periodOf, today } from '../../src/time/calendar.js';
import { sentenceMatches } from '../qa/metrics.js';
import type { QaItem } from '../qa/sets.js';

export interface GoldKept {
  id: string;
  question: string;
  period: string;
  /** The best fit among the gold sentences. */
  fit: TimeFit | 'gold not found';
}

/** Answerable items whose question names a period (occasions are left out: their day needs retrieval). */
export async function goldKept(items: readonly QaItem[], corpusDir: string, now: Date): Promise<GoldKept[]> {
  const articles = new Map<string, Article>();
  for (const id of new Set(items.flatMap((i) => i.evidence.map((e) => e.article)))) {
    const text = await readFile(path.join(corpusDir, id), 'utf8');
    articles.set(id, parseArticle({ id, text, contentHash: id, format: id.endsWith('.md') ? 'markdown' : 'text' }));
  }
  const time = createTimeIndex({ articles, sentenceVector: () => undefined });
  const reference = referenceDay(today(now), time.newestDay());
  const out: GoldKept[] = [];
  for (const item of items) {
    if (!item.answerable) continue;
    const constraint = timeConstraint(item.question, reference);
    if (!constraint.period || readOccasion(item.question)) continue;
    const period = constraint.period;
    const fits = item.evidence.flatMap((e) => {
      const article = articles.get(e.article)!;
      const sentence = article.sentences.find((s) => sentenceMatches(s.text, e.sentence));
      if (!sentence) return [];
      const day = article.date ? periodOf(article.date)!.from : null;
      return [fitToPeriod(period, { articleDay: day, sentenceDates: time.sentenceDates(article, sentence).flatMap((m) => (m.date ? [m.date] : [])), articleDates: () => time.articleDates(article) })];
    });
    const fit: GoldKept['fit'] = fits.includes('in') ? 'in' : fits.includes('unchecked') ? 'unchecked' : fits.length ? 'out' : 'gold not found';
    out.push({ id: item.id, question: item.question, period: constraint.words.join(', '), fit });
  }
  return out;
}
