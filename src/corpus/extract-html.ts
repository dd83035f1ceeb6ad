/**
 * A web page to an article: the main text by Mozilla's Readability (the engine of Firefox Reader View) over a
 * linkedom document, as plain paragraphs; the metadata from JSON-LD (NewsArticle and kin), `og:` / `article:`
 * meta, `<link rel=canonical>` and `<title>`, in that order of trust. Pure: no I/O.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDateFromMeta } from './dates.js';

export interface PageMeta {
  title: string | null;
  /**
   * Where the title came from: 'metadata' (JSON-LD headline, og:/twitter: title), or 'page' (the `<title>` tag,
   * which often carries the site's name too: a feed item's title is the better headline then).
   */
  titleFrom: 'metadata' | 'page' | null;
  publisher: string | null;
  /** ISO `YYYY-MM-DD`. */
  date: string | null;
  author: string | null;
  /** The canonical address when the page names one (absolute), else null. */
  canonical: string | null;
}

export interface ExtractedPage {
  meta: PageMeta;
  /** Paragraphs joined by blank lines; empty when no article text was found. */
  text: string;
}

/** Block elements whose text becomes one paragraph each. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td';
const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BlogPosting', 'WebPage', 'OpinionNewsArticle', 'LiveBlogPosting']);

export function extractPage(html: string, pageUrl: string | null): ExtractedPage {
  const { document } = parseHTML(html);
  // Metadata first: Readability rewrites the document as it works.
  const meta = readMeta(document, pageUrl);
  removeFurniture(document);
  const reader = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false });
  const article = reader.parse();
  if (meta.title === null && article?.title) {
    meta.title = clean(article.title);
    meta.titleFrom = 'page';
  }
  if (meta.publisher === null && article?.siteName) meta.publisher = clean(article.siteName);
  if (meta.author === null && article?.byline) meta.author = clean(article.byline);
  // A byline paragraph ("By Maren Holt") is metadata, not story text: it would be quoted as an answer to "who".
  const byline = meta.author === null ? null : `by ${meta.author.toLowerCase()}`;
  const paragraphs = (article?.content ? paragraphsOf(article.content) : []).filter((p) => p.toLowerCase() !== byline);
  return { meta, text: paragraphs.join('\n\n') };
}

/**
 * Navigation, adverts and site chrome, removed before Readability scores the page. Readability drops most of them
 * itself on a long page, but on a short one (a few paragraphs, the common news brief) it keeps the whole body, and
 * an advert slot becomes a quotable "sentence".
 */
const FURNITURE_ELEMENTS = 'nav, footer, aside, form, iframe, noscript, script, style, template, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden]';
const FURNITURE_NAMES = /(^|[\s_-])(ads?|advert\w*|advertisement|sponsor\w*|promo\w*|banner|cookie\w*|newsletter|subscribe|paywall|related|social|share|sharing|breadcrumbs?|site-header|masthead|outbrain|taboola|sidebar|comments?|tags|tag-list|widget|menu|toolbar|popup|modal)($|[\s_-])/i;

function removeFurniture(document: ReturnType<typeof parseHTML>['document']): void {
  for (const el of [...document.querySelectorAll(FURNITURE_ELEMENTS)]) el.remove();
  const paragraphChars = (root: { querySelectorAll(selector: string): Iterable<{ textContent: string | null }> }) => {
    let n = 0;
    for (const p of root.querySelectorAll('p')) n += (p.textContent ?? '').length;
    return n;
  };
  const total = paragraphChars(document);
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    // A name can mislead (`story has-sidebar`, `no-ads`): an element holding most of the page's paragraphs is the
    // story's container, whatever it is called.
    if (FURNITURE_NAMES.test(names) && paragraphChars(el) <= total / 2) el.remove();
  }
}

function paragraphsOf(content: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null);
  const texts = (blocks.length > 0 ? blocks.map((el) => el.textContent ?? '') : (document.body?.textContent ?? '').split(/\n\s*\n/)).map(clean).filter((t) => t !== '');
  // A block repeated verbatim (a pull quote, a caption echoed) is kept once.
  return texts.filter((t, i) => texts.indexOf(t) === i);
}

function readMeta(document: ReturnType<typeof parseHTML>['document'], pageUrl: string | null): PageMeta {
  const metaContent = (key: string): string | null => {
    for (const el of document.querySelectorAll('meta')) {
      const name = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      if (name?.toLowerCase() === key) {
        const value = clean(el.getAttribute('content') ?? '');
        if (value !== '') return value;
      }
    }
    return null;
  };
  const ld = jsonLdArticle(document);
  // The first candidate that resolves to an http(s) address: a relative canonical link in a file on disk has no
  // page address to resolve against, and the JSON-LD or og:url may still name the page absolutely.
  const canonical = [document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null, metaContent('og:url'), stringOf(ld?.['url']), stringOf(idOf(ld?.['mainEntityOfPage']))]
    .map((href) => absoluteHttp(href, pageUrl))
    .find((url) => url !== null) ?? null;
  const structured = stringOf(ld?.['headline']) ?? metaContent('og:title') ?? metaContent('twitter:title');
  const title = structured ?? nonEmpty(clean(document.querySelector('title')?.textContent ?? ''));
  return {
    title,
    titleFrom: structured !== null ? 'metadata' : title !== null ? 'page' : null,
    publisher: nameOf(ld?.['publisher']) ?? metaContent('og:site_name') ?? metaContent('application-name'),
    date: isoDateFromMeta(stringOf(ld?.['datePublished']) ?? metaContent('article:published_time') ?? metaContent('date') ?? metaContent('dc.date') ?? stringOf(ld?.['dateModified']) ?? metaContent('article:modified_time')),
    author: nameOf(ld?.['author']) ?? metaContent('author') ?? metaContent('article:author'),
    canonical,
  };
}

/** The first JSON-LD object typed as an article (in a list, an `@graph`, or alone). Broken JSON-LD is ignored. */
function jsonLdArticle(document: ReturnType<typeof parseHTML>['document']): Record<string, unknown> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const types = ([] as unknown[]).concat(record['@type'] ?? []);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t)) && record['headline'] !== undefined) return record;
        if (record['@graph']) queue.push(record['@graph']);
      }
    }
  }
  return null;
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return value.map(nameOf).filter((n): n is string => n !== null).join(', ') || null;
  if (typeof value === 'string') return nonEmpty(clean(value));
  if (value && typeof value === 'object') return stringOf((value as Record<string, unknown>)['name']);
  return null;
}

function idOf(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)['@id'] : value;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? nonEmpty(clean(value)) : null;
}

function absoluteHttp(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nonEmpty(text: string): string | null {
  return text === '' ? null : text;
}
