/**
 * The two edges of live sources on their own: one fetch against the real fixture server (conditional requests,
 * redirects) and the sources file (add, list, remove; refusals with a code).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl } from '../../src/sources/fetch-url.js';
import { isPublicAddress } from '../../src/sources/address-guard.js';
import { addSource, readSources, removeSource } from '../../src/sources/sources-file.js';
import { fixture, page, startFixtureServer, type FixtureServer } from '../../bench/lib/fixture-server.js';

let server: FixtureServer;
let dir: string;
/** The fixture server is on loopback, which the bot refuses by default (address-guard.ts). */
const OPTIONS = { timeoutMs: 5_000, maxBytes: 1024 * 1024, retries: 0, allowPrivate: true };

beforeAll(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-sources-file-'));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('fetchUrl', () => {
  it('answers a repeated conditional request with a 304 and no body', async () => {
    server.set('/rss.xml', page(fixture('rss.xml'), 'application/rss+xml'));
    const first = await fetchUrl(`${server.base}/rss.xml`, OPTIONS);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.etag).toMatch(/^".+"$/);
    expect(first.lastModified).toBe('Sat, 14 Mar 2026 10:00:00 GMT');
    const again = await fetchUrl(`${server.base}/rss.xml`, { ...OPTIONS, etag: first.etag, lastModified: first.lastModified });
    expect(again).toEqual({ status: 'not-modified', url: `${server.base}/rss.xml` });
  });

  it('follows a redirect and reports the final address; counts each hop as a request', async () => {
    server.set('/old', { kind: 'redirect', to: '/rss.xml', status: 301 });
    let requests = 0;
    const result = await fetchUrl(`${server.base}/old`, { ...OPTIONS, onRequest: () => requests++ });
    expect(result).toMatchObject({ status: 'ok', url: `${server.base}/rss.xml` });
    expect(requests).toBe(2);
  });

  it('stops after the redirect limit even without a loop', async () => {
    for (let i = 0; i < 4; i++) server.set(`/hop${i}`, { kind: 'redirect', to: `/hop${i + 1}` });
    server.set('/hop4', page('<html><body>end</body></html>'));
    await expect(fetchUrl(`${server.base}/hop0`, { ...OPTIONS, maxRedirects: 2 })).rejects.toMatchObject({ code: 'FETCH_REDIRECTS' });
    await expect(fetchUrl(`${server.base}/hop0`, { ...OPTIONS, maxRedirects: 5 })).resolves.toMatchObject({ status: 'ok' });
  });

  it('refuses a redirect to another scheme', async () => {
    server.set('/to-file', { kind: 'redirect', to: 'file:///etc/passwd' });
    await expect(fetchUrl(`${server.base}/to-file`, OPTIONS)).rejects.toMatchObject({ code: 'SOURCE_INVALID' });
  });

  it('reports a refused connection as a network problem after its retries', async () => {
    const closed = await startFixtureServer();
    const url = `${closed.base}/feed.xml`;
    await closed.close();
    await expect(fetchUrl(url, { ...OPTIONS, retries: 1, backoffMs: 10 })).rejects.toMatchObject({ code: 'FETCH_NETWORK' });
  });
});

describe('private and local addresses', () => {
  it('are refused by default, before any request is made', async () => {
    server.set('/rss.xml', page(fixture('rss.xml'), 'application/rss+xml'));
    server.resetHits();
    let requests = 0;
    const { allowPrivate: _, ...guarded } = OPTIONS;
    await expect(fetchUrl(`${server.base}/rss.xml`, { ...guarded, onRequest: () => requests++ })).rejects.toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS', hint: expect.stringContaining('FETCH_ALLOW_PRIVATE') });
    await expect(fetchUrl(server.base.replace('127.0.0.1', 'localhost') + '/rss.xml', guarded)).rejects.toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    expect(requests).toBe(0);
    expect(server.hits()).toBe(0);
  });

  it.each([
    ['127.0.0.1', false], ['10.1.2.3', false], ['172.20.0.5', false], ['192.168.1.1', false], ['169.254.169.254', false],
    ['100.64.0.1', false], ['0.0.0.0', false], ['::1', false], ['fd12::1', false], ['fe80::1', false], ['::ffff:127.0.0.1', false],
    ['93.184.215.14', true], ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', true], ['::ffff:93.184.215.14', true], ['not-an-ip', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('the sources file', () => {
  it('adds, lists and removes sources by address or name, as readable JSON', async () => {
    const file = path.join(dir, 'add-remove', 'corpus.sources.json');
    expect(await readSources(file)).toEqual([]);
    const feed = await addSource(file, 'https://www.courier.example/rss.xml#top');
    expect(feed).toMatchObject({ name: 'courier.example', url: 'https://www.courier.example/rss.xml' });
    await addSource(file, 'https://courier.example/other.xml');
    await addSource(file, 'https://gazette.example/news/library', 'Gazette library');
    expect((await readSources(file)).map((s) => s.name)).toEqual(['courier.example', 'courier.example-2', 'Gazette library']);
    expect(await readFile(file, 'utf8')).toContain('\n    {\n      "name": "courier.example",');
    expect(await removeSource(file, 'gazette LIBRARY')).toMatchObject({ url: 'https://gazette.example/news/library' });
    expect(await removeSource(file, 'https://courier.example/other.xml')).toMatchObject({ name: 'courier.example-2' });
    expect((await readSources(file)).map((s) => s.name)).toEqual(['courier.example']);
  });

  it.each([
    ['ftp://example.com/feed.xml', 'SOURCE_INVALID'],
    ['not an address', 'SOURCE_INVALID'],
    ['https://www.courier.example/rss.xml', 'SOURCE_EXISTS'],
  ])('refuses %s with %s', async (url, code) => {
    const file = path.join(dir, 'refusals.sources.json');
    await addSource(file, 'https://www.courier.example/rss.xml').catch(() => {});
    await expect(addSource(file, url)).rejects.toMatchObject({ code });
  });

  it('refuses a name already taken, and an unknown source on removal', async () => {
    const file = path.join(dir, 'names.sources.json');
    await addSource(file, 'https://a.example/feed', 'news');
    await expect(addSource(file, 'https://b.example/feed', 'NEWS')).rejects.toMatchObject({ code: 'SOURCE_EXISTS' });
    await expect(removeSource(file, 'nothing')).rejects.toMatchObject({ code: 'SOURCE_NOT_FOUND' });
  });

  it('says which file is broken instead of treating it as empty', async () => {
    const file = path.join(dir, 'broken.sources.json');
    await writeFile(file, '{"sources": [{"url": 1}]}');
    await expect(readSources(file)).rejects.toMatchObject({ code: 'SOURCES_FILE_INVALID' });
  });
});
