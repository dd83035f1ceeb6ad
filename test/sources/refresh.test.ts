/**
 * A refresh against a real HTTP server on 127.0.0.1 (test/sources/fixture-server.ts; no fetch mocks): for each
 * case, what is stored in the corpus folder, what the refresh report says, and what the corpus reader then holds.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { markIngested, readFetchState } from '../../src/sources/fetch-state.js';
import { refreshSources } from '../../src/sources/refresh.js';
import type { SourceReport } from '../../src/sources/refresh-report.js';
import type { Source } from '../../src/sources/sources-file.js';
import { fixture, page, startFixtureServer, type FixtureServer } from '../../bench/lib/fixture-server.js';

let server: FixtureServer;
let corpus: string;

/** Generous against the 3 s "slow" route, short enough that the timeout case finishes quickly. */
/** The fixture server is on loopback, which the bot refuses by default (address-guard.ts). */
const FETCH = { timeoutMs: 1_000, maxBytes: 64 * 1024, retries: 2, backoffMs: 10, allowPrivate: true };

const source = (name: string, urlPath: string): Source => ({ name, url: `${server.base}${urlPath}`, added: '2026-01-01T00:00:00.000Z' });
const refresh = (sources: Source[]) => refreshSources({ corpusDir: corpus, sources, fetch: FETCH });

async function snapshots(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (!entry.name.startsWith('.')) out.push(`${prefix}${entry.name}`);
    }
  };
  await walk(corpus, '');
  return out.sort();
}

const read = (relative: string) => readFile(path.join(corpus, relative), 'utf8');

function only(report: { sources: SourceReport[] }): SourceReport {
  expect(report.sources).toHaveLength(1);
  return report.sources[0]!;
}

beforeAll(async () => {
  server = await startFixtureServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  corpus = await mkdtemp(path.join(os.tmpdir(), 'verbatim-sources-'));
  server.resetHits();
  server.set('/rss.xml', page(fixture('rss.xml'), 'application/rss+xml; charset=utf-8'));
  server.set('/articles/harbour-wall.html', page(fixture('harbour.html')));
  server.set('/articles/library.html', page(fixture('council.html')));
  server.set('/atom.xml', page(fixture('atom.xml'), 'application/atom+xml'));
  // No charset in the header: the page's own <meta http-equiv> declaration has to be honoured.
  server.set('/atom-base/cafe.html', page(iconv.encode(fixture('latin1.html'), 'win1252'), 'text/html'));
});

afterEach(async () => {
  await rm(corpus, { recursive: true, force: true });
});

describe('an RSS 2.0 feed with relative links', () => {
  it('stores one snapshot per item, with the metadata the reader takes and no page furniture', async () => {
    const report = await refresh([source('courier', '/rss.xml')]);
    const r = only(report);
    expect(r).toMatchObject({ kind: 'feed', status: 'ok', items: 2, added: 2, changed: 0, duplicates: 0, problems: [], problem: null });
    // The feed and its two pages, each once.
    expect(r.requests).toBe(3);
    expect(server.hits('/articles/harbour-wall.html')).toBe(1);
    expect(server.hits('/articles/library.html')).toBe(1);
    expect(await snapshots()).toHaveLength(2);

    const { articles, problems } = await loadCorpus(corpus);
    expect(problems).toEqual([]);
    const harbour = articles.find((a) => a.title === 'Tarrowby approves new harbour wall')!;
    // JSON-LD wins for the metadata; the relative canonical resolves against the page address.
    expect(harbour).toMatchObject({ publisher: 'Coastline Courier', date: '2026-03-14', url: `${server.base}/articles/harbour-wall.html` });
    expect(harbour.text).toContain('ending a decade of debate about flooding on the quayside.');
    // Navigation, adverts, related links, the footer and the byline line are not article text.
    for (const furniture of ['Subscribe today', 'ADVERTISEMENT', 'Most read', 'Celebrity chef', 'Copyright 2026', 'By Maren Holt']) {
      expect(harbour.text).not.toContain(furniture);
    }
    for (const s of harbour.sentences) expect(harbour.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('takes the metadata of a page with only og: tags, and leaves its navigation and advert out', async () => {
    await refresh([source('courier', '/rss.xml')]);
    const { articles } = await loadCorpus(corpus);
    const library = articles.find((a) => a.text.includes('Kelsall library'))!;
    expect(library).toMatchObject({
      title: 'Kelsall library to open on Sundays',
      publisher: 'Valley Gazette',
      date: '2026-02-02',
      url: 'https://gazette.example/news/library-sundays',
    });
    expect(library.text).not.toContain('Sponsored');
    expect(library.text).not.toMatch(/Events/);
  });
});

describe('metadata the page does not give', () => {
  it('comes from the feed: its title as the publisher, the item\'s title and date', async () => {
    const bare = fixture('council.html').replace(/<meta [^>]*>\n/g, '').replace('<title>Library hours extended</title>', '');
    server.set('/articles/library.html', page(bare));
    await refresh([source('courier', '/rss.xml')]);
    const { articles } = await loadCorpus(corpus);
    expect(articles.find((a) => a.text.includes('Kelsall library'))).toMatchObject({
      title: 'Kelsall library to open on Sundays',
      publisher: 'Coastline Courier',
      date: '2026-02-02',
      url: `${server.base}/articles/library.html`,
    });
  });
});

describe('a page built by script, whose feed item carries the full text', () => {
  it('is stored from the feed\'s text', async () => {
    const story = 'The ferry between Arlow and Penmarth will run every hour from May, the transport board said on Tuesday after a year of complaints.';
    server.set('/app/ferry', page('<!doctype html><html><head><title>Ferry</title></head><body><div id="root"></div><script>render()</script></body></html>'));
    server.set('/full.xml', page(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Penmarth Post</title>
      <item><title>Hourly ferries from May</title><link>/app/ferry</link><pubDate>Tue, 07 Apr 2026 10:00:00 GMT</pubDate>
      <content:encoded><![CDATA[<p>${story}</p><p>A second boat will join the route in June.</p>]]></content:encoded></item></channel></rss>`, 'application/rss+xml'));
    expect(only(await refresh([source('post', '/full.xml')]))).toMatchObject({ status: 'ok', added: 1 });
    const { articles } = await loadCorpus(corpus);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: 'Hourly ferries from May', publisher: 'Penmarth Post', date: '2026-04-07' });
    expect(articles[0]!.sentences.map((x) => x.text)).toEqual([story, 'A second boat will join the route in June.']);
  });
});

describe('an Atom feed with xml:base and a page in windows-1252', () => {
  it('resolves the entry link against xml:base and decodes the page by its meta charset', async () => {
    const report = await refresh([source('journal', '/atom.xml')]);
    expect(only(report)).toMatchObject({ kind: 'feed', status: 'ok', items: 1, added: 1 });
    expect(server.hits('/atom-base/cafe.html')).toBe(1);
    const { articles } = await loadCorpus(corpus);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.text).toContain('Café Müller in Brèves, Amélie Duval');
    expect(articles[0]!.text).toContain('crème brûlée');
    expect(articles[0]!).toMatchObject({ title: 'Café owner wins regional award', publisher: 'Le Petit Journal', date: '2026-01-19' });
  });
});

describe('a refresh where nothing changed', () => {
  it('costs one conditional request per feed, answered 304, and rewrites nothing', async () => {
    await refresh([source('courier', '/rss.xml'), source('journal', '/atom.xml')]);
    const before = await Promise.all((await snapshots()).map(read));
    server.resetHits();
    const report = await refresh([source('courier', '/rss.xml'), source('journal', '/atom.xml')]);
    expect(report.sources.map((s) => [s.status, s.requests, s.unchanged])).toEqual([['unchanged', 1, 2], ['unchanged', 1, 1]]);
    expect(report).toMatchObject({ added: 0, changed: 0, removed: 0, requests: 2 });
    expect(server.hits()).toBe(2);
    expect(await Promise.all((await snapshots()).map(read))).toEqual(before);
  });

  it('asks again conditionally for pages when the feed changed, and each unchanged page costs a 304', async () => {
    await refresh([source('courier', '/rss.xml')]);
    server.set('/rss.xml', page(fixture('rss.xml').replace('<description>News from the coast</description>', '<description>Coast news</description>'), 'application/rss+xml'));
    server.resetHits();
    const report = await refresh([source('courier', '/rss.xml')]);
    expect(only(report)).toMatchObject({ status: 'ok', requests: 3, added: 0, changed: 0, unchanged: 2 });
  });
});

describe('an item whose page changed since the last refresh', () => {
  it('rewrites the same snapshot file, so the article is a changed one and not a new one', async () => {
    await refresh([source('courier', '/rss.xml')]);
    const files = await snapshots();
    server.set('/articles/harbour-wall.html', page(fixture('harbour.html').replace('48 million pounds', '52 million pounds')));
    // Publishers mark the edit in the feed; an unchanged feed (a 304) is not read further.
    server.set('/rss.xml', page(fixture('rss.xml').replace('Sat, 14 Mar 2026 09:30:00 GMT', 'Sun, 15 Mar 2026 09:30:00 GMT'), 'application/rss+xml'));
    const report = await refresh([source('courier', '/rss.xml')]);
    expect(only(report)).toMatchObject({ status: 'ok', added: 0, changed: 1, unchanged: 1 });
    expect(await snapshots()).toEqual(files);
    const { articles } = await loadCorpus(corpus);
    expect(articles).toHaveLength(2);
    const harbour = articles.find((a) => a.text.includes('harbour wall'))!;
    expect(harbour.text).toContain('52 million pounds');
    expect(harbour.text).not.toContain('48 million pounds');
  });
});

describe('a page edited while its feed stays the same', () => {
  it('is picked up once the feed\'s pages are due a recheck (a day by default), at one request per page', async () => {
    const t0 = Date.parse('2026-03-14T12:00:00Z');
    const at = (hours: number) => refreshSources({ corpusDir: corpus, sources: [source('courier', '/rss.xml')], fetch: FETCH, now: () => t0 + hours * 3_600_000 });
    await at(0);
    server.set('/articles/harbour-wall.html', page(fixture('harbour.html').replace('48 million pounds', '52 million pounds')));
    expect(only(await at(1))).toMatchObject({ status: 'unchanged', requests: 1, changed: 0 });
    expect(only(await at(25))).toMatchObject({ status: 'ok', requests: 3, changed: 1, unchanged: 1 });
    // Checked again just now: back to one conditional request.
    expect(only(await at(26))).toMatchObject({ status: 'unchanged', requests: 1 });
    const { articles } = await loadCorpus(corpus);
    expect(articles.find((a) => a.text.includes('harbour wall'))!.text).toContain('52 million pounds');
  });
});

describe('the same article under two addresses', () => {
  it('stores a page once when a second address serves the same text', async () => {
    server.set('/amp/harbour.html', page(fixture('harbour.html').replace('<link rel="canonical" href="/articles/harbour-wall.html">', '')));
    server.set('/twice.xml', page(fixture('rss.xml').replace('articles/library.html', '/amp/harbour.html'), 'application/rss+xml'));
    const report = await refresh([source('twice', '/twice.xml')]);
    expect(only(report)).toMatchObject({ status: 'ok', items: 2, added: 1, duplicates: 1 });
    expect(await snapshots()).toHaveLength(1);
  });

  it('stores a page once when two feeds list it, and keeps it while either feed is followed', async () => {
    server.set('/other.xml', page(fixture('rss.xml').replace('articles/library.html', '/articles/harbour-wall.html'), 'application/rss+xml'));
    const both = [source('courier', '/rss.xml'), source('other', '/other.xml')];
    const report = await refresh(both);
    expect(report).toMatchObject({ added: 2, duplicates: 2 });
    expect(await snapshots()).toHaveLength(2);
    // The harbour page is listed by both feeds: removing one of them must not delete it.
    const after = await refresh([source('other', '/other.xml')]);
    expect(after.removed).toBe(1);
    const { articles } = await loadCorpus(corpus);
    expect(articles.map((a) => a.title)).toEqual(['Tarrowby approves new harbour wall']);
  });
});

describe('an ingest that did not follow', () => {
  it('is still due at the next refresh, even one that brings nothing new, until it is marked done', async () => {
    expect((await refresh([source('courier', '/rss.xml')])).ingestDue).toBe(true);
    // The ingest after that refresh failed (say the index was locked by another process): nothing is marked.
    expect(await refresh([source('courier', '/rss.xml')])).toMatchObject({ added: 0, changed: 0, ingestDue: true });
    await markIngested(corpus);
    expect(await refresh([source('courier', '/rss.xml')])).toMatchObject({ ingestDue: false });
  });
});

describe('a removed source', () => {
  it('has its snapshots deleted at the next refresh', async () => {
    await refresh([source('courier', '/rss.xml'), source('journal', '/atom.xml')]);
    expect(await snapshots()).toHaveLength(3);
    const report = await refresh([source('journal', '/atom.xml')]);
    expect(report.removed).toBe(2);
    expect(await snapshots()).toHaveLength(1);
    const state = await readFetchState(corpus);
    expect(Object.keys(state.sources)).toEqual([`${server.base}/atom.xml`]);
  });
});

describe('a single article page as a source', () => {
  it('is stored like a feed item, and a repeated request is a 304', async () => {
    const first = await refresh([source('harbour', '/articles/harbour-wall.html')]);
    expect(only(first)).toMatchObject({ kind: 'page', status: 'ok', items: 1, added: 1, requests: 1 });
    const second = await refresh([source('harbour', '/articles/harbour-wall.html')]);
    expect(only(second)).toMatchObject({ kind: 'page', status: 'unchanged', requests: 1, added: 0 });
    expect(await snapshots()).toHaveLength(1);
  });
});

describe('failures: each is a problem with a code and a hint in the report, never an exception', () => {
  const failing: Array<[string, () => void, string, string]> = [
    ['a 404', () => {}, '/gone.xml', 'FETCH_HTTP_ERROR'],
    ['a redirect loop', () => {
      server.set('/loop-a', { kind: 'redirect', to: '/loop-b' });
      server.set('/loop-b', { kind: 'redirect', to: '/loop-a' });
    }, '/loop-a', 'FETCH_REDIRECTS'],
    ['a response slower than the timeout', () => server.set('/slow.xml', { kind: 'slow', ms: 3_000, then: page(fixture('rss.xml'), 'application/rss+xml') }), '/slow.xml', 'FETCH_TIMEOUT'],
    ['a body over the size cap (declared)', () => server.set('/big.html', { kind: 'huge', bytes: 1024 * 1024, type: 'text/html', declareLength: true }), '/big.html', 'FETCH_TOO_LARGE'],
    ['a body over the size cap (streamed)', () => server.set('/big.html', { kind: 'huge', bytes: 1024 * 1024, type: 'text/html', declareLength: false }), '/big.html', 'FETCH_TOO_LARGE'],
    ['a text/plain response', () => server.set('/notes.txt', page('Just some notes, not a page.', 'text/plain')), '/notes.txt', 'FETCH_UNSUPPORTED_TYPE'],
    ['a PDF', () => server.set('/report.pdf', page(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), 'application/pdf')), '/report.pdf', 'FETCH_UNSUPPORTED_TYPE'],
    ['a feed with malformed XML', () => server.set('/broken.xml', page(fixture('broken.xml'), 'application/rss+xml')), '/broken.xml', 'FEED_MALFORMED'],
    ['a server failing after every retry', () => server.set('/down.xml', { kind: 'status', status: 503 }), '/down.xml', 'FETCH_SERVER_ERROR'],
  ];

  it.each(failing)('%s fails that source only, and the next source is still read', async (_name, arrange, urlPath, code) => {
    arrange();
    const report = await refresh([source('bad', urlPath), source('courier', '/rss.xml')]);
    const [bad, good] = report.sources;
    expect(bad).toMatchObject({ status: 'failed', added: 0 });
    expect(bad!.problem).toMatchObject({ code, url: `${server.base}${urlPath}` });
    expect(bad!.problem!.hint.length).toBeGreaterThan(10);
    expect(good).toMatchObject({ status: 'ok', added: 2 });
    expect(await snapshots()).toHaveLength(2);
  });

  it('retries a 500 and stores the page once the server recovers', async () => {
    server.set('/articles/harbour-wall.html', { kind: 'flaky', failures: 1, then: page(fixture('harbour.html')) });
    const report = await refresh([source('courier', '/rss.xml')]);
    expect(only(report)).toMatchObject({ status: 'ok', added: 2, problems: [] });
    expect(server.hits('/articles/harbour-wall.html')).toBe(2);
    expect(only(report).requests).toBe(4);
  });

  it('reports a feed item that fails as a partial source, keeps the rest, and fetches the feed in full next time', async () => {
    server.set('/articles/library.html', { kind: 'status', status: 404 });
    const report = await refresh([source('courier', '/rss.xml')]);
    expect(only(report)).toMatchObject({ status: 'partial', added: 1 });
    expect(only(report).problem).toMatchObject({ code: 'FETCH_HTTP_ERROR', url: `${server.base}/articles/library.html` });
    // No validators were kept for the feed, so the failed item is tried again rather than hidden behind a 304.
    server.set('/articles/library.html', page(fixture('council.html')));
    const again = await refresh([source('courier', '/rss.xml')]);
    expect(only(again)).toMatchObject({ status: 'ok', added: 1, unchanged: 1 });
    expect(await snapshots()).toHaveLength(2);
  });

  it('reports a page with no article text', async () => {
    server.set('/empty.html', page('<!doctype html><html><head><title>Loading</title></head><body><div id="app"></div><script>boot()</script></body></html>'));
    const report = await refresh([source('app', '/empty.html')]);
    expect(only(report)).toMatchObject({ status: 'failed', added: 0 });
    expect(only(report).problem?.code).toBe('PAGE_NO_ARTICLE');
  });

  it('refuses addresses that are not http(s) without a request', async () => {
    const report = await refreshSources({ corpusDir: corpus, sources: [{ name: 'local', url: 'file:///etc/passwd', added: '' }], fetch: FETCH });
    expect(only(report)).toMatchObject({ status: 'failed', requests: 0 });
    expect(only(report).problem?.code).toBe('SOURCE_INVALID');
  });

  it('records each source\'s last status for the listings', async () => {
    await refresh([source('bad', '/gone.xml'), source('courier', '/rss.xml')]);
    const state = await readFetchState(corpus);
    expect(state.sources[`${server.base}/gone.xml`]!.last).toMatchObject({ status: 'failed', problem: { code: 'FETCH_HTTP_ERROR' } });
    expect(state.sources[`${server.base}/rss.xml`]!.last).toMatchObject({ status: 'ok', problem: null });
  });
});
