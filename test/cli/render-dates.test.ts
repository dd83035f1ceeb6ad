/** Dates in terminal answers: the resolved date beside its words, a borrowed date's source, the time applied. */
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/cli/render-answer.js';
import { styleFor } from '../../src/cli/style.js';
import { askResult, citation, quote } from '../discord/results.js';

const plain = styleFor({ isTTY: false });
const SENTENCE = 'Xi, Putin and Kim took center stage at the parade on Wednesday.';

function parade(fields: Parameters<typeof citation>[0] = {}) {
  const q = quote(SENTENCE, { span: 'Wednesday', citation: { title: 'Xi meets Kim', publisher: 'CNN', date: '2025-09-04', dateKind: 'stated', ...fields } });
  const start = q.citation.start + SENTENCE.indexOf('Wednesday');
  return { ...q, dates: [{ text: 'Wednesday', start, end: start + 9, date: '2025-09-03' }] };
}

describe('dates in terminal answers', () => {
  it('prints the resolved date after its words and the quote otherwise as written', () => {
    expect(renderAnswer(askResult({ answers: [parade()] }), plain)).toContain('“Xi, Putin and Kim took center stage at the parade on **Wednesday** (3 Sep 2025).”');
  });

  it('says where a borrowed article date comes from', () => {
    expect(renderAnswer(askResult({ answers: [parade({ dateKind: 'borrowed', dateFrom: '003.txt' })] }), plain)).toContain('CNN, 2025-09-04 (dated from 003.txt, same story)');
  });

  it('names the period for a not_found with no-match-in-period', () => {
    const trace = { ...askResult().trace, time: { applied: 'period' as const, period: '2023-01-01 – 2023-12-31', words: ['in 2023'], reference: { date: '2025-09-04', from: 'newest-article' as const }, confirmed: 0, unchecked: 0, dropped: 4 } };
    const text = renderAnswer(askResult({ status: 'not_found', confidenceWord: 'low', reason: 'no-match-in-period', trace }), plain);
    expect(text).toContain('Nothing from 2023-01-01 – 2023-12-31 answers the question.');
    expect(text).toContain('Time: period 2023-01-01 – 2023-12-31 (“in 2023”)');
  });
});
