/**
 * News pages for the live-sources benchmark: BBC articles (shared data) wrapped in three kinds of site chrome,
 * each page with its gold body (the article's paragraphs) and its boilerplate blocks (every other text), so
 * extraction can be scored; and RSS feeds listing them.
 */
export interface BenchArticle {
  id: string;
  title: string;
  text: string;
}

export interface BenchPage {
  path: string;
  template: string;
  html: string;
  title: string;
  /** The paragraphs a reader would call the article. */
  body: string[];
  /** Navigation, adverts, related links, footers, bylines: text that should not be stored. */
  boilerplate: string[];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NAV = ['Home', 'UK', 'World', 'Business', 'Politics', 'Technology', 'Science', 'Health', 'Entertainment & Arts'];
const RELATED = ['Markets slide as oil price climbs', 'Ten gadgets to watch this spring', 'Weekend weather: rain for the north'];

function chromeA(a: BenchArticle, paragraphs: string[], date: string): Omit<BenchPage, 'path'> {
  const advert = 'ADVERTISEMENT Switch your energy supplier today and save up to 300 pounds a year';
  const byline = 'By Staff Reporter';
  const footer = 'Copyright 2026 Daily Courier. All rights reserved. Terms of use. Privacy policy. Cookies.';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(a.title)} | Daily Courier</title>
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, datePublished: date, publisher: { '@type': 'Organization', name: 'Daily Courier' } })}</script></head>
<body><header class="site-header"><nav><ul>${NAV.map((n) => `<li><a href="/${n.toLowerCase()}">${escape(n)}</a></li>`).join('')}</ul></nav></header>
<aside class="advert"><p>${advert}</p></aside>
<main><article><h1>${escape(a.title)}</h1><p class="byline">${byline}</p>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></main>
<aside class="related"><h3>Most read</h3><ul>${RELATED.map((r) => `<li><a href="/r">${escape(r)}</a></li>`).join('')}</ul></aside>
<footer><p>${footer}</p></footer></body></html>`;
  return { template: 'news site: nav, advert, related, footer, JSON-LD', html, title: a.title, body: paragraphs, boilerplate: [...NAV, advert, byline, 'Most read', ...RELATED, footer] };
}

function chromeB(a: BenchArticle, paragraphs: string[], date: string): Omit<BenchPage, 'path'> {
  const cookie = 'We use cookies to improve your experience. Accept all cookies or manage your preferences.';
  const sponsor = 'Sponsored: compare mortgage rates from 40 lenders in two minutes';
  const newsletter = 'Sign up for our morning briefing, delivered free every weekday';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(a.title)}</title>
<meta property="og:title" content="${escape(a.title)}"><meta property="og:site_name" content="Valley Gazette"><meta property="article:published_time" content="${date}"></head>
<body><div id="cookie-banner"><p>${cookie}</p></div><div class="menu"><a href="/">Valley Gazette</a> <a href="/news">News</a> <a href="/events">Events</a></div>
<div class="content">${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</div>
<div class="ad-slot">${sponsor}</div><div class="newsletter"><p>${newsletter}</p></div></body></html>`;
  return { template: 'short page: og: tags, cookie banner, ad slot, newsletter box', html, title: a.title, body: paragraphs, boilerplate: [cookie, 'Valley Gazette', 'News', 'Events', sponsor, newsletter] };
}

function chromeC(a: BenchArticle, paragraphs: string[], date: string): Omit<BenchPage, 'path'> {
  const share = 'Share this story on Facebook, Twitter or by email';
  const comments = 'Comments are closed for this article. Read our community guidelines.';
  const tags = 'Topics: business, economy, markets';
  const sidebar = ['Editor picks', 'The week in pictures', 'Podcast: the inside track on the budget'];
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(a.title)}</title><meta name="date" content="${date}"></head>
<body><div class="wrapper"><div class="sidebar"><ul>${sidebar.map((s) => `<li>${escape(s)}</li>`).join('')}</ul></div>
<div class="post"><h2>${escape(a.title)}</h2>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<div class="share-buttons">${share}</div><p class="tags">${tags}</p></div>
<div id="comments"><p>${comments}</p></div></div></body></html>`;
  return { template: 'blog layout: sidebar, share buttons, tags, comments', html, title: a.title, body: paragraphs, boilerplate: [...sidebar, share, tags, comments] };
}

const TEMPLATES = [chromeA, chromeB, chromeC];

export function benchPages(articles: readonly BenchArticle[]): BenchPage[] {
  return articles.map((a, i) => {
    const paragraphs = a.text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const date = `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z`;
    return { path: `/news/${a.id.replace(/\//g, '-')}.html`, ...TEMPLATES[i % TEMPLATES.length]!(a, paragraphs, date) };
  });
}

export function rssFeed(title: string, pages: readonly BenchPage[], stamp: string): string {
  const items = pages.map((p) => `<item><title>${escape(p.title)}</title><link>${p.path}</link><pubDate>${stamp}</pubDate></item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escape(title)}</title><link>/</link><description>bench</description>\n${items}\n</channel></rss>`;
}
