/**
 * `npm run bench:sources [-- articles feeds]`: live sources against the fixture server on 127.0.0.1, embedding
 * excluded (refreshSources only writes snapshot files; the index step is measured by bench:ingest).
 * - Refresh throughput: BBC articles (shared data) as web pages in three site templates, listed by RSS feeds;
 *   a first refresh fetches, extracts and stores them all (articles per minute).
 * - The cost of a refresh where nothing changed (requests per source), and of one where a tenth of the pages
 *   changed and their feeds say so.
 * - Extraction quality on the test fixture pages and the templated pages: share of the body's words kept,
 *   share of the boilerplate left.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { extractPage } from '../../src/corpus/extract-html.js';
import { decodeBody } from '../../src/corpus/decode-bytes.js';
import { refreshSources } from '../../src/sources/refresh.js';
import type { Source } from '../../src/sources/sources-file.js';
import { fixture, page, startFixtureServer } from '../lib/fixture-server.js';
import { readJsonl, sharedDataDir } from '../lib/shared-data.js';
import { header, markdownTable, runInfo, writeResults } from '../lib/report.js';
import { benchPages, rssFeed, type BenchArticle, type BenchPage } from './pages.js';
import { scoreExtraction, type PageScore } from './score.js';

const articleCount = Number(process.argv[2] ?? 300);
const feedCount = Number(process.argv[3] ?? 10);
const FETCH = { timeoutMs: 30_000, maxBytes: 5 * 1024 * 1024, retries: 2, allowPrivate: true };

const articles = readJsonl<BenchArticle>(path.join(sharedDataDir(), 'bbc-news-summary', 'bbc-news-summary.jsonl')).slice(0, articleCount);
const pages = benchPages(articles);
const server = await startFixtureServer();
const feeds = Array.from({ length: feedCount }, (_, f) => pages.filter((_, i) => i % feedCount === f));
const setFeeds = (stamp: string) => feeds.forEach((list, f) => server.set(`/feed-${f}.xml`, page(rssFeed(`Feed ${f}`, list, stamp), 'application/rss+xml')));
for (const p of pages) server.set(p.path, page(p.html));
setFeeds('Mon, 02 Mar 2026 08:00:00 GMT');
const sources: Source[] = feeds.map((_, f) => ({ name: `feed-${f}`, url: `${server.base}/feed-${f}.xml`, added: '' }));
const corpusDir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-bench-sources-'));

const run = async (label: string) => {
  server.resetHits();
  const report = await refreshSources({ corpusDir, sources, fetch: FETCH });
  const stored = report.added + report.changed;
  return {
    refresh: label,
    sources: sources.length,
    ms: report.ms,
    requests: report.requests,
    requestsPerSource: report.requests / sources.length,
    added: report.added,
    changed: report.changed,
    unchanged: report.unchanged,
    duplicates: report.duplicates,
    problems: report.sources.reduce((n, s) => n + s.problems.length, 0),
    articlesPerMinute: stored === 0 ? 0 : Math.round((stored / report.ms) * 60_000),
  };
};

const cold = await run('first (everything new)');
const unchanged = await run('nothing changed');
const edited = pages.filter((_, i) => i % 10 === 0);
for (const p of edited) server.set(p.path, page(p.html.replace('</article>', '<p>This article was updated with a correction.</p></article>').replace('</div>\n<div class="ad-slot">', '<p>This article was updated with a correction.</p></div>\n<div class="ad-slot">').replace('<div class="share-buttons">', '<p>This article was updated with a correction.</p><div class="share-buttons">')));
setFeeds('Tue, 03 Mar 2026 08:00:00 GMT');
const tenth = await run('a tenth of the pages edited');
await server.close();
await rm(corpusDir, { recursive: true, force: true });

/** The fixture pages of test/sources, with their gold body chosen by selector; every other leaf text is boilerplate. */
const FIXTURES = [
  { file: 'harbour.html', body: 'article p:not(.byline)', encode: null },
  { file: 'council.html', body: '.content p', encode: null },
  { file: 'latin1.html', body: 'article p', encode: 'win1252' },
] as const;

function fixtureGold(html: string, bodySelector: string): { body: string[]; boilerplate: string[]; title: string } {
  const { document } = parseHTML(html);
  const clean = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
  const bodyEls = new Set(document.querySelectorAll(bodySelector));
  const boilerplate = [...document.querySelectorAll('body *')]
    .filter((el) => el.children.length === 0 && el.tagName !== 'H1' && !bodyEls.has(el) && ![...bodyEls].some((b) => b.contains(el)))
    .map((el) => clean(el.textContent))
    .filter(Boolean);
  return { body: [...bodyEls].map((el) => clean(el.textContent)), boilerplate, title: clean(document.querySelector('h1')?.textContent ?? document.querySelector('title')?.textContent ?? '') };
}

interface QualityRow extends PageScore {
  pages: string;
  count: number;
  bodyKeptMin: number;
}

function summarise(label: string, scores: PageScore[]): QualityRow {
  const mean = (key: keyof PageScore) => scores.reduce((n, s) => n + s[key], 0) / scores.length;
  return { pages: label, count: scores.length, bodyKept: mean('bodyKept'), bodyKeptMin: Math.min(...scores.map((s) => s.bodyKept)), boilerplateWordsLeft: mean('boilerplateWordsLeft'), boilerplateBlocksLeft: mean('boilerplateBlocksLeft') };
}

const quality: QualityRow[] = [];
for (const f of FIXTURES) {
  const source = fixture(f.file);
  const bytes = f.encode ? iconv.encode(source, f.encode) : Buffer.from(source);
  const extracted = extractPage(decodeBody(bytes, 'text/html'), 'https://example.com/x.html').text;
  quality.push(summarise(`fixture ${f.file}`, [scoreExtraction(extracted, fixtureGold(source, f.body))]));
}
const byTemplate = new Map<string, PageScore[]>();
for (const p of pages as BenchPage[]) {
  const list = byTemplate.get(p.template) ?? [];
  list.push(scoreExtraction(extractPage(p.html, `https://example.com${p.path}`).text, p));
  byTemplate.set(p.template, list);
}
for (const [template, scores] of byTemplate) quality.push(summarise(template, scores));
quality.push(summarise('all templated pages', [...byTemplate.values()].flat()));

const info = runInfo();
const refreshes = [cold, unchanged, tenth];
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const markdown = [
  header('Live sources: refresh throughput, unchanged-refresh cost, extraction quality', info),
  `${articles.length} BBC articles as web pages in ${byTemplate.size} site templates, listed by ${sources.length} RSS feeds, served by the fixture server on 127.0.0.1; snapshot files written to a temp folder. Embedding is excluded (refreshSources stores snapshots; the index step is bench:ingest's).`,
  '',
  '## Refreshes',
  '',
  markdownTable(
    ['refresh', 'time (ms)', 'requests', 'requests per source', 'added', 'changed', 'unchanged', 'duplicates', 'problems', 'articles/min stored'],
    refreshes.map((r) => [r.refresh, r.ms, r.requests, r.requestsPerSource, r.added, r.changed, r.unchanged, r.duplicates, r.problems, r.articlesPerMinute]),
  ),
  '',
  'An unchanged feed costs one conditional request answered 304, and its pages are not asked for (once a day they are anyway, conditionally: an edit the feed does not announce is picked up within a day). When a feed changes, every page it lists is asked for again conditionally (a 304 each for the unchanged ones). A duplicate is a page whose text is already stored under another address (the BBC set holds a few identical articles). Articles/min counts articles extracted and written (added + changed) over the whole refresh, fetching included, on loopback.',
  '',
  '## Extraction quality',
  '',
  'Body kept: share of the gold body\'s words found in the stored text (mean, and the worst page). Boilerplate left: share of the navigation/advert/footer words in the stored text, and share of boilerplate blocks of three words or more found verbatim. The templates are written for this benchmark (bench/sources/pages.ts), so they measure the class of page they imitate, not the web at large; the blog template first left 10.8% of its boilerplate words (tags, comments, sidebar), which the furniture list in src/corpus/extract-html.ts now names.',
  '',
  markdownTable(
    ['pages', 'count', 'body kept', 'body kept (worst)', 'boilerplate words left', 'boilerplate blocks left'],
    quality.map((q) => [q.pages, q.count, pct(q.bodyKept), pct(q.bodyKeptMin), pct(q.boilerplateWordsLeft), pct(q.boilerplateBlocksLeft)]),
  ),
].join('\n');
await writeResults('sources', { info, articles: articles.length, feeds: sources.length, refreshes, quality }, markdown);
process.stdout.write(markdown + '\n');
