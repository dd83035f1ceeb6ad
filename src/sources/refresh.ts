/**
 * One refresh: every source fetched once (conditionally), feeds read for their items, each item's page fetched
 * (conditionally) and extracted, and what changed written as snapshot files in the corpus folder. Sources are
 * independent: one failing is a problem in its report, never an exception. Indexing is the caller's next step.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { contentHash } from '../corpus/hash.js';
import type { ErrorCode } from '../errors.js';
import { ERROR_HINTS } from '../errors.js';
import { decodeBody } from '../corpus/decode-bytes.js';
import { extractPage, type ExtractedPage } from '../corpus/extract-html.js';
import { looksLikeFeed, parseFeed, type FeedItem } from './feed.js';
import { readFetchState, writeFetchState, type FetchState, type PageState } from './fetch-state.js';
import { FetchProblem, fetchUrl, type FetchOptions, type Fetched } from './fetch-url.js';
import type { RefreshReport, SourceProblem, SourceReport } from './refresh-report.js';
import { pageMarkdown } from '../corpus/page-markdown.js';
import { snapshotName, writeSnapshot } from './snapshot.js';
import type { Source } from './sources-file.js';

export interface RefreshParams {
  corpusDir: string;
  sources: readonly Source[];
  fetch: Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'retries' | 'backoffMs' | 'maxRedirects' | 'allowPrivate'>;
  /** Pages fetched at once within a feed (default 4: polite to one host, enough to hide latency). */
  concurrency?: number;
  /**
   * A feed answering 304 is read again in full, and its pages asked for (conditionally), when they were last
   * asked for longer ago than this (default 24 h): a page edited without its feed changing is picked up within it.
   */
  pageRecheckMs?: number;
  /** The time now (tests move it). */
  now?: () => number;
  onSource?: (report: SourceReport) => void;
}

const DEFAULT_PAGE_RECHECK_MS = 24 * 60 * 60 * 1000;
/** Extracted text shorter than this is not an article (a cookie wall, an index page, a JavaScript shell). */
const MIN_ARTICLE_CHARS = 80;
const HTML_TYPES = /text\/html|application\/xhtml\+xml/i;

/** A refresh's report, and whether the corpus holds fetched changes no ingest has taken yet (this run's or an earlier one's). */
export type RefreshOutcome = Omit<RefreshReport, 'ingest'> & { ingestDue: boolean };

export async function refreshSources(params: RefreshParams): Promise<RefreshOutcome> {
  const started = performance.now();
  const state = await readFetchState(params.corpusDir);
  const empty = { sources: [], added: 0, changed: 0, unchanged: 0, duplicates: 0, removed: 0, requests: 0, ms: 0, ingestDue: false };
  // Nothing followed now or before: a scheduled refresh must not write a state file into a plain corpus folder.
  if (params.sources.length === 0 && Object.keys(state.sources).length === 0 && Object.keys(state.pages).length === 0) return empty;
  // A bot set up with sources only has no corpus folder yet.
  await mkdir(params.corpusDir, { recursive: true });
  const run: RunContext = { params, state, claimed: new Set(), hashes: new Map(), listedBy: new Map(), dropped: 0 };
  const reports: SourceReport[] = [];
  for (const source of params.sources) {
    const report = await refreshSource(run, source);
    state.sources[source.url] = { ...(state.sources[source.url] ?? { etag: null, lastModified: null, items: [] }), last: { at: report.at, status: report.status, problem: report.problem } };
    reports.push(report);
    params.onSource?.(report);
  }
  for (const [url, listing] of run.listedBy) {
    const stored = state.pages[url];
    if (stored) stored.sources = [...new Set([...stored.sources, ...listing])];
  }
  const removed = run.dropped + (await dropOrphans(params.corpusDir, state, new Set(params.sources.map((s) => s.url))));
  const sum = (key: 'added' | 'changed' | 'unchanged' | 'duplicates' | 'requests') => reports.reduce((n, r) => n + r[key], 0);
  // Cleared only by the ingest that follows (markIngested): an ingest that failed is tried again next refresh.
  if (sum('added') + sum('changed') + removed > 0) state.ingestDue = true;
  await writeFetchState(params.corpusDir, state);
  return {
    ingestDue: state.ingestDue === true,
    sources: reports,
    added: sum('added'),
    changed: sum('changed'),
    unchanged: sum('unchanged'),
    duplicates: sum('duplicates'),
    removed,
    requests: sum('requests'),
    ms: Math.round(performance.now() - started),
  };
}

interface RunContext {
  params: RefreshParams;
  state: FetchState;
  /** Page addresses (and canonical addresses) handled in this run. */
  claimed: Set<string>;
  /**
   * Text hashes stored in this run, to the page that holds them. Reserved before the snapshot is written: pages
   * are extracted concurrently, and two addresses serving one text must not both pass the duplicate check.
   */
  hashes: Map<string, string>;
  /**
   * Sources that list a page stored under another page's address or another source (a duplicate): merged into
   * that page's sources at the end, so removing one of the sources does not delete what another still lists.
   */
  listedBy: Map<string, Set<string>>;
  /** Snapshots deleted because their address now serves another page's text. */
  dropped: number;
}

async function refreshSource(run: RunContext, source: Source): Promise<SourceReport> {
  const report: SourceReport = {
    name: source.name, url: source.url, kind: null, at: new Date().toISOString(), status: 'ok', problem: null,
    requests: 0, items: 0, added: 0, changed: 0, unchanged: 0, duplicates: 0, problems: [],
  };
  const known = run.state.sources[source.url];
  const now = (run.params.now ?? Date.now)();
  const checkedAt = known?.pagesCheckedAt ? Date.parse(known.pagesCheckedAt) : Number.NaN;
  // A feed whose pages have not been asked for in a while is fetched without its validators, so they are.
  const recheck = known !== undefined && known.items.length > 0 && !(now - checkedAt < (run.params.pageRecheckMs ?? DEFAULT_PAGE_RECHECK_MS));
  const fail = (problem: SourceProblem): SourceReport => {
    report.problems.push(problem);
    return finish(report);
  };
  let fetched: Fetched;
  try {
    const conditional = recheck ? { etag: null, lastModified: null } : { etag: known?.etag ?? null, lastModified: known?.lastModified ?? null };
    const result = await fetchUrl(source.url, { ...run.params.fetch, ...conditional, onRequest: () => report.requests++ });
    if (result.status === 'not-modified') {
      // Nothing new in the feed (or the page): its pages are not fetched again until the feed changes.
      report.kind = known && known.items.length > 0 ? 'feed' : 'page';
      report.items = known?.items.length ?? 0;
      report.unchanged = report.items || 1;
      for (const link of known?.items ?? []) {
        claim(run, link);
        listed(run, link, source.url);
      }
      return finish(report, 'unchanged');
    }
    fetched = result;
  } catch (error) {
    return fail(problemOf(error, source.url));
  }
  const text = decodeBody(fetched.body, fetched.contentType);
  const validators = { etag: fetched.etag, lastModified: fetched.lastModified };
  if (looksLikeFeed(text, fetched.contentType)) {
    report.kind = 'feed';
    let items: FeedItem[];
    let feedTitle: string | null;
    try {
      ({ items, title: feedTitle } = parseFeed(text, fetched.url));
    } catch (error) {
      return fail(problem(source.url, 'FEED_MALFORMED', `The feed ${source.url} could not be read: ${(error as Error).message}.`));
    }
    report.items = items.length;
    await eachLimited(items, run.params.concurrency ?? 4, (item) => refreshPage(run, source, report, item.link, { ...item, feedTitle }, null));
    // Validators are kept only once every item was read, so a failed item is tried again next time.
    run.state.sources[source.url] = {
      ...(report.problems.length === 0 ? validators : { etag: null, lastModified: null }),
      last: null,
      items: items.map((i) => i.link),
      pagesCheckedAt: new Date(now).toISOString(),
    };
    return finish(report);
  }
  report.kind = 'page';
  report.items = 1;
  if (!HTML_TYPES.test(fetched.contentType) && !/^\s*<(!doctype html|html)/i.test(text)) {
    return fail(problem(source.url, 'FETCH_UNSUPPORTED_TYPE', `${source.url} is ${fetched.contentType || 'of an unknown type'}, neither a feed nor a web page.`));
  }
  await refreshPage(run, source, report, source.url, null, { fetched, text });
  run.state.sources[source.url] = { ...(report.problems.length === 0 ? validators : { etag: null, lastModified: null }), last: null, items: [] };
  return finish(report);
}

/** Fetches (unless given), extracts and stores one page; every outcome is counted in `report`. */
async function refreshPage(
  run: RunContext,
  source: Source,
  report: SourceReport,
  link: string,
  item: (FeedItem & { feedTitle: string | null }) | null,
  given: { fetched: Fetched; text: string } | null,
): Promise<void> {
  const key = withoutHash(link);
  if (!claim(run, key)) {
    listed(run, key, source.url);
    report.duplicates++;
    return;
  }
  const known: PageState | undefined = run.state.pages[key];
  let fetched = given?.fetched;
  let html = given?.text;
  if (!fetched) {
    try {
      const result = await fetchUrl(key, { ...run.params.fetch, etag: known?.etag ?? null, lastModified: known?.lastModified ?? null, onRequest: () => report.requests++ });
      if (result.status === 'not-modified') {
        if (known && !known.sources.includes(source.url)) known.sources.push(source.url);
        if (known) run.hashes.set(known.textHash, key);
        report.unchanged++;
        return;
      }
      fetched = result;
    } catch (error) {
      report.problems.push(problemOf(error, key));
      return;
    }
    if (!HTML_TYPES.test(fetched.contentType)) {
      report.problems.push(problem(key, 'FETCH_UNSUPPORTED_TYPE', `${key} is ${fetched.contentType || 'of an unknown type'}, not a web page.`));
      return;
    }
    html = decodeBody(fetched.body, fetched.contentType);
  }
  const page: ExtractedPage = extractPage(html!, fetched.url);
  let body = page.text;
  if (body.length < MIN_ARTICLE_CHARS && item?.summary) {
    // A page with no extractable text (script-built): the feed's own full text, when it carries one, stands in.
    body = extractPage(`<html><body><article>${item.summary}</article></body></html>`, fetched.url).text;
  }
  if (body.length < MIN_ARTICLE_CHARS) {
    report.problems.push(problem(key, 'PAGE_NO_ARTICLE', `No article text was found on ${key}.`));
    return;
  }
  const canonical = page.meta.canonical ? withoutHash(page.meta.canonical) : null;
  const textHash = contentHash(body);
  const twin = twinOf(run, key, textHash, canonical);
  if (twin !== null) {
    listed(run, twin, source.url);
    if (known) {
      // This address used to hold its own copy and now serves another page's text: one copy is enough.
      await rm(path.join(run.params.corpusDir, ...known.file.split('/')), { force: true });
      delete run.state.pages[key];
      run.dropped++;
    }
    report.duplicates++;
    return;
  }
  run.hashes.set(textHash, key);
  if (canonical !== null) run.claimed.add(canonical);
  const file = known?.file ?? snapshotName(key);
  const content = pageMarkdown(
    {
      title: (page.meta.titleFrom === 'metadata' ? page.meta.title : null) ?? item?.title ?? page.meta.title,
      // The page's own name for its site, else the feed's title, else the name the source was given.
      publisher: page.meta.publisher ?? item?.feedTitle ?? source.name,
      date: page.meta.date ?? item?.date ?? null,
      url: canonical ?? fetched.url,
      author: page.meta.author ?? item?.author ?? null,
    },
    body,
  );
  const outcome = await writeSnapshot(run.params.corpusDir, file, content);
  report[outcome]++;
  run.state.pages[key] = {
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    file,
    textHash,
    canonical,
    sources: [...new Set([...(known?.sources ?? []), source.url])],
  };
}

/** Snapshots whose every source was removed are deleted, so the next ingest drops their articles. */
async function dropOrphans(corpusDir: string, state: FetchState, followed: Set<string>): Promise<number> {
  let removed = 0;
  for (const url of Object.keys(state.sources)) if (!followed.has(url)) delete state.sources[url];
  for (const [url, page] of Object.entries(state.pages)) {
    page.sources = page.sources.filter((s) => followed.has(s));
    if (page.sources.length > 0) continue;
    await rm(path.join(corpusDir, ...page.file.split('/')), { force: true });
    delete state.pages[url];
    removed++;
  }
  return removed;
}

/**
 * The stored page this one duplicates, or null: the same text stored (in this run or before), the page its
 * canonical address names (handled in this run or stored), or another address naming the same canonical.
 */
function twinOf(run: RunContext, key: string, textHash: string, canonical: string | null): string | null {
  const sameText = run.hashes.get(textHash);
  if (sameText !== undefined && sameText !== key) return sameText;
  if (canonical !== null && canonical !== key && run.claimed.has(canonical)) return canonical;
  for (const [url, stored] of Object.entries(run.state.pages)) {
    if (url === key) continue;
    if (stored.textHash === textHash || (canonical !== null && (url === canonical || stored.canonical === canonical))) return url;
  }
  return null;
}

function listed(run: RunContext, page: string, sourceUrl: string): void {
  const listing = run.listedBy.get(page) ?? new Set<string>();
  listing.add(sourceUrl);
  run.listedBy.set(page, listing);
}

/** Marks an address as handled in this run; false when it already was (the same page listed twice). */
function claim(run: RunContext, url: string): boolean {
  if (run.claimed.has(url)) return false;
  run.claimed.add(url);
  return true;
}

function finish(report: SourceReport, status?: SourceReport['status']): SourceReport {
  report.problem = report.problems[0] ?? null;
  const stored = report.added + report.changed + report.unchanged + report.duplicates;
  report.status = status ?? (report.problems.length === 0 ? 'ok' : stored > 0 ? 'partial' : 'failed');
  return report;
}

function problem(url: string, code: ErrorCode, message: string): SourceProblem {
  return { url, code, message, hint: ERROR_HINTS[code] };
}

function problemOf(error: unknown, url: string): SourceProblem {
  if (error instanceof FetchProblem) return { url, code: error.code, message: error.message, hint: error.hint };
  return problem(url, 'INTERNAL', `${url}: ${error instanceof Error ? error.message : String(error)}`);
}

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
