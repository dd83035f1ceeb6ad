import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/corpus/hash.js';
import { parseArticle } from '../../src/corpus/parse-article.js';
import type { Article } from '../../src/corpus/types.js';
import { SEEDS_DIR, SEED_QA_FILE } from './data-paths.js';

function seed(prefix: string): Article {
  const file = fs.readdirSync(SEEDS_DIR).find((name) => name.startsWith(prefix));
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  const text = fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
  return parseArticle({ id: file, text, contentHash: contentHash(text) });
}

function furnitureText(article: Article, reason: string): string[] {
  return article.furniture.filter((item) => item.reason === reason).map((item) => article.text.slice(item.start, item.end));
}

function sentenceTexts(article: Article): string[] {
  return article.sentences.map((sentence) => sentence.text);
}

describe('seed 000 (no title line, quotes from sources)', () => {
  const article = seed('000');
  it('takes the title from the first sentence and invents no publisher or date', () => {
    expect(article).toMatchObject({ titleSource: 'first-sentence', subtitle: null, publisher: null, date: null });
    expect(article.title).toBe('Chinese president Xi Jinping hailed his relationship with Russian leader…');
  });
  it('keeps every line as a body paragraph, the first sentence included', () => {
    expect(article.paragraphs).toHaveLength(20);
    expect(article.paragraphs.every((p) => p.kind === 'body')).toBe(true);
    expect(article.sentences[0]?.text.startsWith('Chinese president Xi Jinping hailed')).toBe(true);
    expect(article.furniture).toEqual([]);
  });
});

describe('seed 001 (subheadings, trailing publisher line)', () => {
  const article = seed('001');
  it('reads the publisher from the last line and keeps that line quotable', () => {
    expect(article).toMatchObject({ titleSource: 'first-sentence', publisher: 'Athens News Agency', date: null });
    const last = article.sentences.at(-1);
    expect(last).toMatchObject({ text: 'Athens News Agency', kind: 'credit' });
  });
  it('keeps subheadings as heading sentences of their own', () => {
    const headings = article.sentences.filter((s) => s.kind === 'heading').map((s) => s.text);
    expect(headings).toEqual([
      'Putin in China for SCO summit and parade',
      'Confrontation with the West',
      'Beijing’s global governance ambition',
      '“Always together then and now”',
      'Ukraine and accusations of support',
    ]);
    expect(sentenceTexts(article)).toContain('Both China and Russia are locked in confrontation with the West and the United States.');
  });
});

describe('seed 002 (dateline, agency credit in the lead)', () => {
  const article = seed('002');
  it('credits AFP from the lead, not Xinhua from a later "Xinhua said"', () => {
    expect(article).toMatchObject({ publisher: 'AFP', date: null, dateline: 'BEIJING', titleSource: 'first-sentence' });
  });
  it('keeps the dateline inside the first sentence and drops it from the title', () => {
    expect(article.sentences[0]?.text.startsWith('BEIJING: Chinese President Xi Jinping')).toBe(true);
    expect(article.title.startsWith('Chinese President Xi Jinping')).toBe(true);
    expect(article.title.length).toBeLessThanOrEqual(80);
  });
});

describe('seed 003 (section label, date line, double caption, trailing chrome)', () => {
  const article = seed('003');
  it('reads title, date and CNN credit', () => {
    expect(article).toMatchObject({
      title: 'Xi meets Kim a day after show of unity with Putin at Chinese military parade',
      titleSource: 'given',
      publisher: 'CNN',
      date: '2025-09-04',
      dateline: 'BEIJING',
    });
  });
  it('keeps one copy of the caption as a caption and sets the other aside', () => {
    const captions = article.sentences.filter((s) => s.kind === 'caption');
    expect(captions).toHaveLength(1);
    expect(captions[0]?.text.startsWith('Chinese leader Xi Jinping and North Korean leader Kim Jong Un arrive')).toBe(true);
    expect(furnitureText(article, 'duplicate-caption')).toHaveLength(1);
  });
  it('leaves labels, counters, times, dates and other stories out of the sentences', () => {
    expect(furnitureText(article, 'section-label')).toEqual(['World', 'HIGHLIGHTS', 'World', 'World', 'World']);
    expect(furnitureText(article, 'view-count')).toEqual(['40 views']);
    expect(furnitureText(article, 'relative-time')).toHaveLength(3);
    expect(furnitureText(article, 'date-line')).toEqual(['September 04, 2025', 'September 04, 2025']);
    expect(furnitureText(article, 'related-headlines')).toEqual([
      'Out of control: Witnesses describe fatal Lisbon funicular crash',
      'Bomb blast kills 15 near political rally in Pakistan',
      'Dozens die after boat hits tree stump in Nigerian river',
    ]);
    const all = sentenceTexts(article).join('\n');
    for (const chrome of ['40 views', 'HIGHLIGHTS', '7 hours ago', 'Lisbon funicular', 'September 04, 2025']) expect(all).not.toContain(chrome);
  });
  it('ends with the story’s last quote, credit attached', () => {
    expect(article.sentences.at(-1)?.text.endsWith('both Moscow – and Beijing.” – CNN')).toBe(true);
  });
});

describe('seed 004 (headline, standfirst, Also Read lines)', () => {
  const article = seed('004');
  it('reads the headline as title and the standfirst as subtitle, neither as sentences', () => {
    expect(article).toMatchObject({
      title: 'Xi and Putin’s “Old Friend” Bond Defies U.S. Pressure',
      titleSource: 'given',
      subtitle: 'Xi and Putin strengthen ties against U.S. challenges.',
      publisher: null,
      date: null,
    });
    expect(furnitureText(article, 'title')).toHaveLength(1);
    expect(furnitureText(article, 'subtitle')).toHaveLength(1);
    expect(article.sentences[0]?.text.startsWith('Chinese President Xi Jinping warmly welcomed')).toBe(true);
  });
  it('sets the Also Read lines aside', () => {
    expect(furnitureText(article, 'also-read')).toHaveLength(2);
    expect(sentenceTexts(article).some((s) => s.startsWith('Also Read'))).toBe(false);
  });
});

describe('gold segmentation of the seed Q&A set', () => {
  const evidence = fs.readFileSync(SEED_QA_FILE, 'utf8').split('\n').filter((line) => line.trim() !== '')
    .flatMap((line) => (JSON.parse(line) as { evidence: { file: string; sentence: string }[] }).evidence);
  const articles = new Map(fs.readdirSync(SEEDS_DIR).map((file) => [file, seed(file.slice(0, 3))]));

  it('has every evidence sentence as exactly one parsed sentence', () => {
    const missing = evidence.filter((item) => !sentenceTexts(articles.get(item.file) as Article).includes(item.sentence));
    expect(evidence.length).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });

  it('slices every sentence and paragraph back from the text', () => {
    for (const article of articles.values()) {
      for (const s of article.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
      for (const p of article.paragraphs) expect(article.text.slice(p.start, p.end).trim()).toBe(article.text.slice(p.start, p.end));
    }
  });
});
