import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse-article.js';
import { buildPassages } from '../../src/corpus/passages.js';

function article(text: string) {
  return parseArticle({ id: 'p.txt', text, contentHash: 'h' });
}

describe('buildPassages', () => {
  it('windows three sentences with a stride of two, joined by a space', () => {
    const a = article('S1 one. S2 two. S3 three. S4 four. S5 five.');
    const passages = buildPassages(a);
    expect(passages.map((p) => [p.sentenceStart, p.sentenceEnd])).toEqual([[0, 3], [2, 5]]);
    expect(passages[0]).toMatchObject({ index: 0, article: 'p.txt', text: 'S1 one. S2 two. S3 three.', start: 0 });
    expect(passages[1]?.end).toBe(a.text.length);
  });

  it('may span paragraphs but starts a new window at a heading', () => {
    const a = article('First para one.\nFirst para two.\nA new section\nSection body one. Section body two.\nMore body.');
    const passages = buildPassages(a);
    expect(passages.map((p) => p.text)).toEqual([
      'First para one. First para two.',
      'A new section Section body one. Section body two.',
      'Section body two. More body.',
    ]);
  });

  it('never reaches across page furniture', () => {
    const a = article('Before one. Before two.\nAlso Read: Something else entirely\nAfter one. After two.');
    const passages = buildPassages(a);
    expect(passages.map((p) => p.text)).toEqual(['Before one. Before two.', 'After one. After two.']);
  });

  it('honours size and stride, and yields nothing for an article without sentences', () => {
    const a = article('A one. B two. C three. D four.');
    expect(buildPassages(a, { size: 1, stride: 1 }).map((p) => p.text)).toEqual(['A one.', 'B two.', 'C three.', 'D four.']);
    expect(buildPassages({ ...a, sentences: [] })).toEqual([]);
  });

  it('points start/end at the first and last sentence of each window', () => {
    const a = article('Title line\n\nOne here. Two here. Three here. Four here.');
    for (const p of buildPassages(a)) {
      expect(p.start).toBe(a.sentences[p.sentenceStart]?.start);
      expect(p.end).toBe(a.sentences[p.sentenceEnd - 1]?.end);
    }
  });
});
