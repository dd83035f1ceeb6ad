/** Feed shapes beyond the fixtures' (RSS 1.0, guid links, entities, CDATA) and snapshot names that stay put. */
import { describe, expect, it } from 'vitest';
import { looksLikeFeed, parseFeed } from '../../src/sources/feed.js';
import { snapshotName } from '../../src/sources/snapshot.js';

describe('parseFeed', () => {
  it('reads RSS 1.0 (RDF) items', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>Old Wire</title></channel>
      <item><title>Pier reopens</title><link>https://wire.example/pier</link><dc:date>2026-05-01T09:00:00Z</dc:date><dc:creator>R. Lane</dc:creator></item></rdf:RDF>`;
    expect(parseFeed(rdf, 'https://wire.example/rss')).toEqual({
      kind: 'rss',
      title: 'Old Wire',
      items: [{ title: 'Pier reopens', link: 'https://wire.example/pier', date: '2026-05-01', author: 'R. Lane', summary: null }],
    });
  });

  it('takes a permalink guid when an item has no link, decodes entities, keeps CDATA full text, and drops items with no address', () => {
    const rss = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tom &amp; Jerry&#8217;s News</title>
      <item><title>Fish &amp; chips</title><guid>/stories/fish</guid><content:encoded><![CDATA[<p>Full <b>text</b> here.</p>]]></content:encoded></item>
      <item><title>No address</title><guid isPermaLink="false">urn:x:1</guid></item></channel></rss>`;
    const feed = parseFeed(rss, 'https://news.example/feed.xml');
    expect(feed.title).toBe('Tom & Jerry\u2019s News');
    expect(feed.items).toEqual([{ title: 'Fish & chips', link: 'https://news.example/stories/fish', date: null, author: null, summary: '<p>Full <b>text</b> here.</p>' }]);
  });

  it('refuses links to other schemes, and says why a document is not a feed', () => {
    const rss = '<rss><channel><item><link>javascript:alert(1)</link></item><item><link>mailto:a@b.c</link></item></channel></rss>';
    expect(parseFeed(rss, 'https://x.example/').items).toEqual([]);
    expect(() => parseFeed('<html><body>hi</body></html>', 'https://x.example/')).toThrow(/no <rss>, <rdf:RDF> or <feed> root/);
  });

  it.each([
    ['<?xml version="1.0"?>\n<!-- generated --><rss version="2.0">', 'text/xml', true],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', 'application/octet-stream', true],
    ['<!doctype html><html>', 'text/html', false],
    ['<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">', 'application/xhtml+xml', false],
  ])('looksLikeFeed(%j, %s) is %s', (text, type, expected) => {
    expect(looksLikeFeed(text, type)).toBe(expected);
  });
});

describe('snapshotName', () => {
  it('is the same for the same address, and differs for another query or host', () => {
    const name = snapshotName('https://www.courier.example/news/2026/harbour-wall.html');
    expect(name).toMatch(/^web\/courier\.example\/harbour-wall-[0-9a-f]{10}\.md$/);
    expect(snapshotName('https://www.courier.example/news/2026/harbour-wall.html')).toBe(name);
    expect(snapshotName('https://www.courier.example/news/2026/harbour-wall.html?page=2')).not.toBe(name);
    expect(snapshotName('https://other.example/news/2026/harbour-wall.html')).not.toBe(name);
    expect(snapshotName('https://courier.example/')).toMatch(/^web\/courier\.example\/index-[0-9a-f]{10}\.md$/);
  });
});
