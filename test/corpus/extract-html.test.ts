/** extractPage on small hand-written pages: what counts as the story, and where the metadata comes from. */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/corpus/extract-html.js';

const STORY = [
  'The ferry between Arlow and Penmarth will run every hour from May, the transport board said on Tuesday after a year of complaints about crowded boats.',
  'A second boat, bought second-hand from a Norwegian operator for 3.2 million pounds, will join the route once its crew has been trained.',
  'Passengers groups welcomed the decision but said the last crossing, at 9pm, was still too early for people working late shifts.',
];
const paragraphs = STORY.map((p) => `<p>${p}</p>`).join('\n');

describe('extractPage', () => {
  it('keeps a story whose container has a misleading class name, and drops the chrome around it', async () => {
    const html = `<html><body><div class="menu"><a href="/">Home</a> <a href="/travel">Travel</a></div>
      <div class="story has-sidebar">${paragraphs}</div>
      <div class="sidebar"><ul><li>Editor picks this week</li></ul></div>
      <div id="comments"><p>Comments are closed for this article.</p></div>
      <p class="tags">Topics: transport, ferries</p></body></html>`;
    const { text } = extractPage(html, 'https://news.example/ferry');
    expect(text.split('\n\n')).toEqual(STORY);
  });

  it('takes metadata from JSON-LD inside an @graph, and ignores a broken JSON-LD block', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Site' }, { '@type': ['NewsArticle'], headline: 'Hourly ferries from May', datePublished: '2026-04-07T10:00:00+01:00', publisher: { name: 'Penmarth Post' }, author: [{ name: 'A. Writer' }, { name: 'B. Writer' }], url: 'https://post.example/ferries' }] };
    const html = `<html><head><title>Ignored title</title><script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">${JSON.stringify(graph)}</script></head><body><article>${paragraphs}</article></body></html>`;
    expect(extractPage(html, 'https://post.example/ferries?utm=x').meta).toEqual({
      title: 'Hourly ferries from May',
      titleFrom: 'metadata',
      publisher: 'Penmarth Post',
      date: '2026-04-07',
      author: 'A. Writer, B. Writer',
      canonical: 'https://post.example/ferries',
    });
  });

  it('falls back to og: and article: meta, then <title>; a relative canonical resolves against the page address', () => {
    const html = `<html><head><title>Ferries | Post</title><link rel="canonical" href="/news/ferries">
      <meta property="og:site_name" content="Penmarth Post"><meta property="article:published_time" content="2026-04-07"></head>
      <body><article>${paragraphs}</article></body></html>`;
    expect(extractPage(html, 'https://post.example/amp/ferries').meta).toMatchObject({ title: 'Ferries | Post', titleFrom: 'page', publisher: 'Penmarth Post', date: '2026-04-07', canonical: 'https://post.example/news/ferries' });
  });

  it('leaves out a byline paragraph naming the author, and returns no text for a page without a story', () => {
    const html = `<html><head><meta name="author" content="Jo Marsh"></head><body><article><p>By Jo Marsh</p>${paragraphs}</article></body></html>`;
    expect(extractPage(html, null).text).not.toContain('By Jo Marsh');
    expect(extractPage('<html><body><div id="app"></div></body></html>', null).text).toBe('');
  });
});
