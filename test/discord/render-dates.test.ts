/** Dates in Discord answers: the resolved date beside its words, a borrowed date's source, the time applied. */
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/discord/render-answer.js';
import type { TimeTrace } from '../../src/answer/types.js';
import { askResult, citation, quote } from './results.js';

const KEY = '1300000000000000042';
const SENTENCE = 'Xi, Putin and Kim took center stage at the parade on Wednesday.';

function parade(fields: Parameters<typeof citation>[0] = {}) {
  const q = quote(SENTENCE, { span: 'Wednesday', citation: { title: 'Xi meets Kim', publisher: 'CNN', date: '2025-09-04', dateKind: 'stated', ...fields } });
  const start = q.citation.start + SENTENCE.indexOf('Wednesday');
  return { ...q, dates: [{ text: 'Wednesday', start, end: start + 9, date: '2025-09-03' }] };
}

const description = (result: ReturnType<typeof askResult>) => renderAnswer(result, KEY).embeds[0]!.description!;
const period: TimeTrace = { applied: 'period', period: '2023-01-01 – 2023-12-31', words: ['in 2023'], reference: { date: '2025-09-04', from: 'newest-article' }, confirmed: 0, unchecked: 3, dropped: 9 };

describe('dates in Discord answers', () => {
  it('puts the resolved date in italics after its words, keeping the quote and its bold span as written', () => {
    expect(description(askResult({ answers: [parade()] }))).toContain('> Xi, Putin and Kim took center stage at the parade on **Wednesday** *(3 Sep 2025)*.');
  });

  it('says where a borrowed article date comes from', () => {
    const text = description(askResult({ answers: [parade({ dateKind: 'borrowed', dateFrom: '003.txt' })] }));
    expect(text).toContain('CNN, 2025-09-04 (dated from 003\\.txt, same story), ¶ 1');
  });

  it('names the period applied, and why nothing answers', () => {
    const text = description(askResult({ status: 'not_found', confidenceWord: 'low', reason: 'no-match-in-period', nearest: [parade()], trace: { ...askResult().trace, time: period } }));
    expect(text).toContain('*Time: news from 2023-01-01 – 2023-12-31 (“in 2023”).*');
    expect(text).toContain('Nothing from the period the question names answers it.');
  });
});
