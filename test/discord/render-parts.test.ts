import { describe, expect, it } from 'vitest';
import { answerFooter, questionFromFooter } from '../../src/discord/answer-footer.js';
import { formatCitation } from '../../src/discord/render-citation.js';
import { quoteText } from '../../src/discord/render-quote.js';
import { citation, quote } from './results.js';

describe('formatCitation', () => {
  it.each([
    ['all known', citation({ title: 'Xi meets Kim', publisher: 'CNN', date: '2025-09-04', paragraph: 6 }), '*Xi meets Kim* — CNN, 2025-09-04, ¶ 6'],
    ['unknown publisher and date say so', citation({ title: 'Xi meets Kim', paragraph: 2 }), '*Xi meets Kim* — unknown, unknown, ¶ 2'],
    ['markdown in a title is escaped', citation({ title: 'A *bold* claim', publisher: 'AP', date: null, paragraph: 1 }), '*A \\*bold\\* claim* — AP, unknown, ¶ 1'],
    ['an http url makes the title a link', citation({ title: 'T', url: 'https://news.example/a(1)', paragraph: 3 }), '[*T*](https://news.example/a%281%29) — unknown, unknown, ¶ 3'],
    ['a non-http url is not linked', citation({ title: 'T', url: 'javascript:alert(1)', paragraph: 3 }), '*T* — unknown, unknown, ¶ 3'],
  ])('%s', (_why, given, expected) => {
    expect(formatCitation(given)).toBe(expected);
  });
});

describe('quoteText', () => {
  const sentence = 'In response, Mr Putin called Mr Xi a “dear friend” and said more.';
  it.each([
    ['the answer span is bold', quote(sentence, { span: 'dear friend' }), Infinity, 'In response, Mr Putin called Mr Xi a “**dear friend**” and said more.'],
    ['no span: plain escaped text', quote('Costs rose *sharply*.'), Infinity, 'Costs rose \\*sharply\\*.'],
    ['a span cut off by shortening is not bolded', quote(sentence, { span: 'said more' }), 30, 'In response, Mr Putin called…'],
    ['a span partly kept is bolded up to the cut', quote(sentence, { span: 'Mr Putin called Mr Xi' }), 30, 'In response, **Mr Putin called**…'],
  ])('%s', (_why, given, max, expected) => {
    expect(quoteText(given, max)).toBe(expected);
  });
});

describe('answer footer', () => {
  it.each([
    ['a plain question comes back as asked', 'What did Putin call Xi?'],
    ['markdown and mentions in the question come back unchanged (footers render neither)', 'Is *this* for @everyone?'],
  ])('%s', (_why, question) => {
    expect(questionFromFooter(answerFooter({ confidenceWord: 'medium', question }))).toBe(question);
  });

  it('says the confidence in the answer step\'s words', () => {
    expect(answerFooter({ confidenceWord: 'high', question: 'Q?' })).toBe('Confidence: high · Question: Q?');
  });

  it('finds no question in a footer it did not write', () => {
    expect(questionFromFooter('Page 1 of 2 · 7 articles')).toBeNull();
    expect(questionFromFooter(undefined)).toBeNull();
  });
});
