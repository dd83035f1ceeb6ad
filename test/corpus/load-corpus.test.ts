import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVerbatimError } from '../../src/errors.js';
import { contentHash } from '../../src/corpus/hash.js';
import { loadCorpus, requireArticles } from '../../src/corpus/load-corpus.js';
import { readTextFile } from '../../src/corpus/read-text-file.js';
import type { CorpusProblem } from '../../src/corpus/types.js';
import { tempDir } from '../../bench/lib/seed-corpus.js';

const STORY = 'Markets rally\n\nShares rose on Monday. Traders cheered.\n';

describe('loadCorpus over a folder of mixed files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('verbatim-corpus-load-');
    await fs.mkdir(path.join(dir, 'business'));
    await fs.mkdir(path.join(dir, '.git'));
    await fs.mkdir(path.join(dir, 'node_modules'));
    await fs.writeFile(path.join(dir, 'business/012.txt'), STORY);
    await fs.writeFile(path.join(dir, '.git/ignored.txt'), STORY);
    await fs.writeFile(path.join(dir, 'node_modules/ignored.txt'), STORY);
    await fs.writeFile(path.join(dir, '.hidden.txt'), STORY);
    await fs.writeFile(path.join(dir, 'notes.csv'), 'not,an,article');
    await fs.writeFile(path.join(dir, 'a.md'), '---\ntitle: Front matter title\npublisher: Example Post\ndate: 2025-09-03\n---\n## Background\n\nThe parade was held. Troops marched.\n');
    await fs.writeFile(path.join(dir, 'wire.jsonl'), [
      JSON.stringify({ id: 'x1', title: 'First', text: 'One sentence here.', source: 'Wire A', date: 'Sep 4, 2025' }),
      '{"title": "broken", ',
      '',
      JSON.stringify({ title: 'No id', text: 'Another sentence.' }),
      JSON.stringify({ title: 'No text' }),
    ].join('\r\n'));
    await fs.writeFile(path.join(dir, 'list.json'), JSON.stringify([{ text: 'Record zero.' }, { id: 7, text: 'Record seven.', url: 'https://example.com/7' }]));
    await fs.writeFile(path.join(dir, 'one.json'), JSON.stringify({ title: 'Single', text: 'A single record.' }));
    await fs.writeFile(path.join(dir, 'empty.txt'), '');
    await fs.writeFile(path.join(dir, 'blank.txt'), '  \n\n ');
    await fs.writeFile(path.join(dir, 'latin1.txt'), Buffer.from('A \xa315.8m signing was made. It was big.\n', 'latin1'));
    await fs.writeFile(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    await fs.writeFile(path.join(dir, 'bad.json'), '{ not json');
    await fs.writeFile(path.join(dir, 'chrome-only.txt'), '40 views\n7 hours ago\n');
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('loads the readable articles sorted by id, with ids relative to the folder', async () => {
    const { articles } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual([
      'a.md', 'business/012.txt', 'list.json#0', 'list.json#7', 'one.json#0', 'wire.jsonl#3', 'wire.jsonl#x1',
    ]);
  });

  it('reports each unusable file or record once, with a code and a hint, and never stops', async () => {
    const seen: CorpusProblem[] = [];
    const { problems } = await loadCorpus(dir, { onProblem: (p) => seen.push(p) });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['bad.json', 'ARTICLE_MALFORMED'],
      ['blank.txt', 'ARTICLE_EMPTY'],
      ['chrome-only.txt', 'ARTICLE_EMPTY'],
      ['empty.txt', 'ARTICLE_EMPTY'],
      ['image.txt', 'ARTICLE_BINARY'],
      ['latin1.txt', 'ARTICLE_NOT_UTF8'],
      // Not an article format: a notice rather than silence (issue 12).
      ['notes.csv', 'ARTICLE_UNSUPPORTED'],
      ['wire.jsonl#1', 'ARTICLE_MALFORMED'],
      ['wire.jsonl#4', 'ARTICLE_MALFORMED'],
    ]);
    expect(seen).toHaveLength(problems.length);
    expect(problems.every((p) => p.hint.length > 0 && p.message.length > 0)).toBe(true);
  });

  it('takes metadata from front matter and records, and hashes the source', async () => {
    const { articles } = await loadCorpus(dir);
    const byId = new Map(articles.map((a) => [a.id, a]));
    expect(byId.get('a.md')).toMatchObject({ title: 'Front matter title', publisher: 'Example Post', date: '2025-09-03' });
    expect(byId.get('a.md')?.sentences.map((s) => s.text)).toEqual(['Background', 'The parade was held.', 'Troops marched.']);
    expect(byId.get('wire.jsonl#x1')).toMatchObject({ title: 'First', titleSource: 'given', publisher: 'Wire A', date: '2025-09-04', text: 'One sentence here.' });
    expect(byId.get('list.json#7')).toMatchObject({ url: 'https://example.com/7', titleSource: 'first-sentence' });
    expect(byId.get('business/012.txt')?.contentHash).toBe(contentHash(Buffer.from(STORY)));
  });

  it('requireArticles passes a non-empty load through', async () => {
    const corpus = await loadCorpus(dir);
    expect(requireArticles(corpus, dir)).toBe(corpus.articles);
  });
});

describe('loadCorpus limits and missing input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('verbatim-corpus-limits-');
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('throws CORPUS_MISSING for a folder that does not exist or is a file', async () => {
    await expect(loadCorpus(path.join(dir, 'nope'))).rejects.toMatchObject({ code: 'CORPUS_MISSING' });
    await fs.writeFile(path.join(dir, 'file.txt'), STORY);
    await expect(loadCorpus(path.join(dir, 'file.txt'))).rejects.toMatchObject({ code: 'CORPUS_MISSING' });
  });

  it('returns an empty list for a folder without articles; requireArticles turns that into CORPUS_EMPTY', async () => {
    const empty = path.join(dir, 'empty');
    await fs.mkdir(empty);
    const corpus = await loadCorpus(empty);
    expect(corpus).toEqual({ articles: [], problems: [] });
    let thrown: unknown;
    try {
      requireArticles(corpus, empty);
    } catch (error) {
      thrown = error;
    }
    expect(isVerbatimError(thrown) && thrown.code === 'CORPUS_EMPTY').toBe(true);
  });

  it('reports a 50 MB file as too large without reading it', async () => {
    const big = path.join(dir, 'big');
    await fs.mkdir(big);
    const handle = await fs.open(path.join(big, 'huge.txt'), 'w');
    // Sparse: no 50 MB buffer anywhere. Its bytes are zeros, so had it been read it would be reported as binary.
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    await fs.writeFile(path.join(big, 'ok.txt'), STORY);
    const { articles, problems } = await loadCorpus(big);
    expect(articles.map((a) => a.id)).toEqual(['ok.txt']);
    expect(problems).toMatchObject([{ path: 'huge.txt', code: 'ARTICLE_TOO_LARGE' }]);
    expect(problems[0]?.message).toContain('50.0 MiB');
  });

  it('applies the limit per line to JSONL, loading the lines that fit', async () => {
    const lines = path.join(dir, 'lines');
    await fs.mkdir(lines);
    const long = JSON.stringify({ text: `${'word '.repeat(400)}end.` });
    await fs.writeFile(path.join(lines, 'r.jsonl'), `${JSON.stringify({ text: 'Short one.' })}\n${long}\n${JSON.stringify({ text: 'Short two.' })}`);
    const { articles, problems } = await loadCorpus(lines, { maxArticleBytes: 1000 });
    expect(articles.map((a) => a.id)).toEqual(['r.jsonl#0', 'r.jsonl#2']);
    expect(problems).toMatchObject([{ path: 'r.jsonl#1', code: 'ARTICLE_TOO_LARGE' }]);
  });

  it('reports a file that vanished after listing as unreadable', async () => {
    await expect(readTextFile(path.join(dir, 'gone.txt'), 'gone.txt', 1024)).rejects.toMatchObject({ code: 'ARTICLE_UNREADABLE' });
  });

  it('reports a dangling symbolic link as unreadable', async () => {
    const links = path.join(dir, 'links');
    await fs.mkdir(links);
    await fs.symlink(path.join(links, 'missing.txt'), path.join(links, 'dangling.txt'));
    const { problems } = await loadCorpus(links);
    expect(problems).toMatchObject([{ path: 'dangling.txt', code: 'ARTICLE_UNREADABLE' }]);
  });
});
