import { describe, expect, it } from 'vitest';
import { parseArticle, type ParseArticleInput } from '../../src/corpus/parse-article.js';
import type { Article } from '../../src/corpus/types.js';

function parse(text: string, extra: Partial<ParseArticleInput> = {}): Article {
  return parseArticle({ id: 'a.txt', text, contentHash: 'h', ...extra });
}

function expectExactOffsets(article: Article): void {
  for (const s of article.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
  for (const p of article.paragraphs) expect(article.paragraphs[p.index]).toBe(p);
}

describe('parseArticle layouts', () => {
  it('reads a BBC-style file: title line, blank line, blank-line-separated paragraphs', () => {
    const text = 'Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76% to $1.13bn.\n\nThe firm benefited from sales. TimeWarner said sales rose 2%.\n';
    const article = parse(text);
    expect(article).toMatchObject({ title: 'Ad sales boost Time Warner profit', titleSource: 'given', subtitle: null });
    expect(article.sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['Quarterly profits jumped 76% to $1.13bn.', 0],
      ['The firm benefited from sales.', 1],
      ['TimeWarner said sales rose 2%.', 1],
    ]);
    expectExactOffsets(article);
  });

  it('joins hard-wrapped lines into one paragraph', () => {
    const text = [
      'Markets rally',
      '',
      'Shares in London rose sharply on Monday after the central bank cut',
      'interest rates by half a point. Traders said the move had been widely',
      'expected.',
      '',
      'Oil prices fell.',
    ].join('\n');
    const article = parse(text);
    expect(article.paragraphs).toHaveLength(2);
    expect(article.sentences.map((s) => s.text)).toEqual([
      'Shares in London rose sharply on Monday after the central bank cut\ninterest rates by half a point.',
      'Traders said the move had been widely\nexpected.',
      'Oil prices fell.',
    ]);
  });

  it('keeps offsets into the original text with CRLF endings and a BOM', () => {
    const text = '\uFEFFTitle of the story\r\n\r\nFirst sentence here. Second one.\r\nA line of its own.\r\n';
    const article = parse(text);
    expect(article.title).toBe('Title of the story');
    expect(article.sentences.map((s) => s.text)).toEqual(['First sentence here.', 'Second one.', 'A line of its own.']);
    expect(article.sentences.every((s) => !s.text.includes('\r'))).toBe(true);
    expectExactOffsets(article);
  });

  it('reads a scraped page header: label, title, byline, date and time lines', () => {
    const text = 'Politics\nBudget passes after long night\nBy Jane Doe\nPublished September 5, 2025 10:00 AM\nUpdated 2 hours ago\n\nLONDON (Reuters) - Lawmakers approved the budget on Friday. The vote was close.\n';
    const article = parse(text);
    expect(article).toMatchObject({ title: 'Budget passes after long night', subtitle: null, publisher: 'Reuters', date: '2025-09-05', dateline: 'LONDON' });
    expect(article.furniture.map((f) => f.reason)).toEqual(['section-label', 'title', 'date-line', 'relative-time']);
    expect(article.sentences.map((s) => s.text)).toEqual(['By Jane Doe', 'LONDON (Reuters) - Lawmakers approved the budget on Friday.', 'The vote was close.']);
  });

  it('shortens a long first sentence into a title at a word boundary', () => {
    const article = parse('The quick brown fox jumped over the lazy dog while the farmer watched from the porch of his old house. It ran.');
    expect(article.titleSource).toBe('first-sentence');
    expect(article.title).toBe('The quick brown fox jumped over the lazy dog while the farmer watched from the…');
    expect(article.title.length).toBeLessThanOrEqual(81);
  });

  it('lets metadata win over the text and does not repeat a title line as a sentence', () => {
    const article = parse('Fed holds rates\nThe Fed held rates on Wednesday, Reuters reported.', {
      meta: { title: 'Fed holds rates', publisher: 'Example Wire', date: '2024-05-01', url: 'https://example.com/a' },
    });
    expect(article).toMatchObject({ title: 'Fed holds rates', titleSource: 'given', publisher: 'Example Wire', date: '2024-05-01', url: 'https://example.com/a' });
    expect(article.sentences.map((s) => s.text)).toEqual(['The Fed held rates on Wednesday, Reuters reported.']);
  });

  it('dates an article from a dateline that gives the year, and never from one that does not', () => {
    expect(parse('Budget passes\n\nLONDON, Sept 3, 2025 (Reuters) - Lawmakers approved the budget on Wednesday.').date).toBe('2025-09-03');
    expect(parse('Budget passes\n\nLONDON, Sept 3 (Reuters) - Lawmakers approved the budget on Wednesday.').date).toBeNull();
  });

  it('reads a wire credit in the dateline or lead, but not a newspaper cited as a source', () => {
    expect(parse('WASHINGTON (AP) — The Senate passed the bill on Tuesday.').publisher).toBe('AP');
    expect(parse('The Senate passed the bill on Tuesday, Reuters reported.').publisher).toBe('Reuters');
    expect(parse('Growth will slow, the Financial Times Deutschland reported.').publisher).toBeNull();
    expect(parse('The Senate passed the bill. It now goes to the House, Xinhua said.').publisher).toBeNull();
  });
});

describe('parseArticle markdown', () => {
  const text = [
    '---',
    'title: Summit ends in Tianjin',
    'source: Example News',
    'date: 2025-09-01',
    'url: https://example.com/summit',
    '---',
    '# Summit ends in Tianjin',
    '',
    'Leaders met in Tianjin on Monday. They signed a statement.',
    '',
    '## What comes next',
    '',
    'A parade follows on Wednesday in Beijing,',
    'with troops from several countries.',
    '',
    '- Putin will attend.',
    '- Kim will attend.',
  ].join('\n');
  const article = parseArticle({ id: 'summit.md', text, contentHash: 'h', format: 'markdown' });

  it('takes title, publisher, date and url from the front matter', () => {
    expect(article).toMatchObject({ title: 'Summit ends in Tianjin', titleSource: 'given', publisher: 'Example News', date: '2025-09-01', url: 'https://example.com/summit' });
    expect(article.furniture.map((f) => f.reason)).toEqual(['front-matter', 'title']);
  });

  it('makes headings without their hashes, joins soft-wrapped lines and splits list items', () => {
    expect(article.sentences.map((s) => [s.kind, s.text])).toEqual([
      ['body', 'Leaders met in Tianjin on Monday.'],
      ['body', 'They signed a statement.'],
      ['heading', 'What comes next'],
      ['body', 'A parade follows on Wednesday in Beijing,\nwith troops from several countries.'],
      ['body', 'Putin will attend.'],
      ['body', 'Kim will attend.'],
    ]);
    expectExactOffsets(article);
  });

  it('keeps the whole file, front matter included, as the article text', () => {
    expect(article.text).toBe(text);
    expect(article.sentences.every((s) => s.start > text.indexOf('# Summit'))).toBe(true);
  });
});
