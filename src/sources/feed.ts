/**
 * RSS 2.0 and Atom feeds to plain items (title, absolute link, date, author, summary) with fast-xml-parser.
 * Relative links resolve against the feed's own address (Atom's xml:base on the feed is honoured).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isoDateFromMeta } from '../corpus/dates.js';

export interface FeedItem {
  title: string | null;
  link: string;
  /** ISO `YYYY-MM-DD` from pubDate / published / updated, when the item says. */
  date: string | null;
  author: string | null;
  /** The item's description or summary as HTML (used when the linked page has no extractable article). */
  summary: string | null;
}

export interface Feed {
  kind: 'rss' | 'atom';
  title: string | null;
  items: FeedItem[];
}

/** True when the text looks like a feed rather than a web page (by its root element). */
export function looksLikeFeed(text: string, contentType: string): boolean {
  if (/(rss|atom)\+xml/i.test(contentType)) return true;
  const head = text.slice(0, 2000).replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<(rss|feed|rdf:RDF)\b/i.test(head) || (/xml/i.test(contentType) && !/^<(!doctype html|html)/i.test(head));
}

/** Parses a feed; throws Error with a reason when it is not well-formed XML or has no channel/feed root. */
export function parseFeed(text: string, baseUrl: string): Feed {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`line ${valid.err.line}: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
  });
  const doc = parser.parse(text) as Record<string, any>;
  if (doc['rss']?.channel) {
    const channel = first(doc['rss'].channel);
    return { kind: 'rss', title: textOf(channel.title), items: (channel.item ?? []).map((item: any) => rssItem(item, baseUrl)).filter(hasLink) };
  }
  if (doc['rdf:RDF']) {
    const rdf = doc['rdf:RDF'];
    return { kind: 'rss', title: textOf(first(rdf.channel)?.title), items: (rdf.item ?? []).map((item: any) => rssItem(item, baseUrl)).filter(hasLink) };
  }
  if (doc['feed']) {
    const feed = doc['feed'];
    const base = absolute(feed['@xml:base'], baseUrl) ?? baseUrl;
    return { kind: 'atom', title: textOf(feed.title), items: (feed.entry ?? []).map((entry: any) => atomEntry(entry, base)).filter(hasLink) };
  }
  throw new Error('the document has no <rss>, <rdf:RDF> or <feed> root');
}

function rssItem(item: any, base: string): FeedItem {
  const link = absolute(textOf(first(item.link)), base) ?? (item.guid && item.guid['@isPermaLink'] !== 'false' ? absolute(textOf(item.guid), base) : null);
  return {
    title: textOf(item.title),
    link: link ?? '',
    date: isoDateFromMeta(textOf(item.pubDate) ?? textOf(item['dc:date'])),
    author: textOf(first(item.author)) ?? textOf(item['dc:creator']),
    summary: textOf(item['content:encoded']) ?? textOf(item.description),
  };
}

function atomEntry(entry: any, feedBase: string): FeedItem {
  const base = absolute(entry['@xml:base'], feedBase) ?? feedBase;
  const links: any[] = entry.link ?? [];
  const alternate = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const author = first(entry.author);
  return {
    title: textOf(entry.title),
    link: absolute(alternate?.['@href'], base) ?? '',
    date: isoDateFromMeta(textOf(entry.published) ?? textOf(entry.updated)),
    author: textOf(author?.name) ?? textOf(author),
    summary: textOf(entry.content) ?? textOf(entry.summary),
  };
}

function hasLink(item: FeedItem): boolean {
  return item.link !== '';
}

function first(value: any): any {
  return Array.isArray(value) ? value[0] : value;
}

function textOf(value: any): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).replace(/\s+/g, ' ').trim();
    return text === '' ? null : text;
  }
  if (typeof value === 'object' && '#text' in value) return textOf(value['#text']);
  return null;
}

function absolute(href: unknown, base: string): string | null {
  if (typeof href !== 'string' || href.trim() === '') return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
