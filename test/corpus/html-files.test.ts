/**
 * `.html`/`.htm` files dropped into the corpus folder go through the extraction fetched pages go through; files the
 * reader does not take are reported, not skipped in silence.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { fixture } from '../../bench/lib/fixture-server.js';

async function corpusWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-html-corpus-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

describe('HTML files in the corpus folder', () => {
  it('are read as their main text with the page metadata, quotable by offsets', async () => {
    const dir = await corpusWith({ 'harbour.html': fixture('harbour.html'), 'cafe.htm': iconv.encode(fixture('latin1.html'), 'win1252') });
    const { articles, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['cafe.htm', 'harbour.html']);
    const harbour = articles[1]!;
    expect(harbour).toMatchObject({ title: 'Tarrowby approves new harbour wall', publisher: 'Coastline Courier', date: '2026-03-14' });
    // The relative canonical link cannot resolve without a page address; the JSON-LD names the page absolutely.
    expect(harbour.url).toBe('https://courier.example/articles/harbour-wall.html');
    expect(harbour.sentences.map((s) => s.text)).toContain('Construction is due to begin in September and to take three years.');
    expect(harbour.text).not.toContain('ADVERTISEMENT');
    for (const s of harbour.sentences) expect(harbour.text.slice(s.start, s.end)).toBe(s.text);
    // The page's own charset declaration is honoured on disk too.
    expect(articles[0]!.text).toContain('Café Müller in Brèves');
  });

  it('reports a page with no article text, and files the reader does not take, each with a code and a hint', async () => {
    const dir = await corpusWith({
      'story.txt': 'Council approves budget\n\nThe council approved its budget on Tuesday after a long debate about road repairs.\n',
      'shell.html': '<!doctype html><html><head><title>App</title></head><body><div id="root"></div><script>boot()</script></body></html>',
      'report.pdf': Buffer.from('%PDF-1.7\n'),
      'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      'Thumbs.db': Buffer.from([0]),
    });
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(['story.txt']);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['photo.png', 'ARTICLE_UNSUPPORTED'],
      ['report.pdf', 'ARTICLE_UNSUPPORTED'],
      ['shell.html', 'ARTICLE_EMPTY'],
    ]);
    expect(problems[1]!.message).toContain('.pdf is not an article format');
    expect(problems[1]!.hint).toContain('.html');
  });
});
