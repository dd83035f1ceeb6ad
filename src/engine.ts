/**
 * The one facade both doors use. Constructing it does no I/O; `warmUp()` loads the embedder and
 * the index (building or refreshing it from the corpus), so `--help` stays instant and the bot can
 * acknowledge Discord before anything slow happens.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.js';
import { VerbatimError, isVerbatimError, notice as makeNotice, type Notice, type NoticeCode } from './errors.js';
import type { Article, CorpusProblem } from './corpus/types.js';
import { loadCorpus } from './corpus/load-corpus.js';
import { FileStamps, STAMPS_FILE } from './corpus/file-stamps.js';
import { buildPassages } from './corpus/passages.js';
import type { Embedder } from './embedding/embedder.js';
import { chooseEmbedder, type ChosenEmbedder } from './embedding/create-embedder.js';
import { withEmbeddingCache, type CachedEmbedder } from './embedding/cached-embedder.js';
import { embeddingCacheFile } from './embedding/embedding-cache.js';
import { MAX_EMBED_CHARS, type IngestSummary } from './index/ingest.js';
import type { IndexStore } from './index/index-store.js';
import { createStore } from './index/create-store.js';
import type { ServingIndex } from './index/serving-index.js';
import { retrieve } from './search/retrieve.js';
import type { FusionMethod } from './search/fusion.js';
import type { AskResult } from './answer/types.js';
import { isUnsupportedScript, validateQuestion } from './answer/ask-input.js';
import { termStatsFrom, type TermStats } from './answer/term-stats.js';
import { createAnswerer, type AnswererOptions } from './answer/answerer.js';
import { resolveFollowUp } from './answer/follow-up.js';
import { claimAsQuery } from './answer/claim.js';
import { summarizeWithIndex } from './summary/engine-summary.js';
import type { Summary, SummaryRequest } from './summary/types.js';
import type { ArticleList, AskOptions, Engine, EngineStats, IngestProgress, IngestReport, RefreshReport, WarmUpReport } from './engine-types.js';
import { markIngested } from './sources/fetch-state.js';
import { listSources } from './sources/source-list.js';
import { addSource, readSources, removeSource } from './sources/sources-file.js';
import { LruCache } from './lru.js';
import { round } from './answer/cite.js';
import { today } from './time/calendar.js';
import { createTimeIndex, type TimeIndex } from './time/time-index.js';
import { readPeriodOptions, referenceDay, timeConstraint } from './time/time-constraint.js';
import { timeStep } from './time/time-step.js';
import { withDates, withSummaryDates } from './time/quote-dates.js';
import { withOccasionFrom } from './time/occasion.js';


export interface EngineDeps {
  /**
   * Replaces the configured embedder (tests pass a double or a tiny model; benchmarks pass a cached one). With
   * `ready`, the embedder may still be loading when returned (its index opens meanwhile).
   */
  createEmbedder?: (config: Config) => Promise<EmbedderChoice>;
  /** Where notices go (the embedder fallback notice, rebuild reasons, …): `CODE: message`, and the notice itself. */
  notice?: (message: string, notice: Notice) => void;
  fusion?: FusionMethod;
  /** Models other than the shipped ones for the answer step (benchmarks' ablations and training folds). */
  models?: AnswererOptions['models'];
  /** Replaces the store STORE names (tests pass one on a throwaway database). */
  store?: IndexStore;
  /** The clock relative time words ("yesterday") count from on a live corpus; default the system clock. */
  now?: () => Date;
  /**
   * Serve what another process committed, never read the corpus or ingest: a shard of the sharded bot, whose
   * manager (or a `verbatim ingest` job) refreshes the shared store. `reload()` picks up a newer generation.
   */
  serveOnly?: boolean;
}

/** The chosen embedder; without `ready` it is already loaded. */
type EmbedderChoice = Omit<ChosenEmbedder, 'ready'> & { ready?: Promise<void> };

interface Loaded {
  /** Embeds questions (they have their own small cache). */
  embedder: Embedder;
  fallback: boolean;
  notice: string | null;
  index: ServingIndex;
  stats: TermStats;
  /** Article dates (stated or borrowed) and sentence date mentions, worked out when first asked. */
  time: TimeIndex;
}

/** How long a warmed-up engine waits for its first question before checking the deferred checksums anyway. */
const VERIFY_AFTER_WARM_UP_MS = 10_000;
/** …and after its first answer: a one-shot `verbatim ask` has exited by then and never pays for the hashing. */
const VERIFY_AFTER_ANSWER_MS = 1_000;

function toVerbatimErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createEngine(config: Config, deps: EngineDeps = {}): Engine {
  let loaded: Promise<Loaded> | null = null;
  let embedderReady: Promise<EmbedderChoice> | null = null;
  let ingestEmbedderReady: Promise<CachedEmbedder> | null = null;
  let current: Loaded | null = null;
  let questionsAnswered = 0;
  /** Ingests in this process run one after another (a scheduled refresh and /reindex must not race for the lock). */
  let writing: Promise<unknown> = Promise.resolve();
  let refreshing = false;
  const answerer = createAnswerer({
    ...(config.answerThreshold !== undefined ? { threshold: config.answerThreshold } : {}),
    ...(deps.models ? { models: deps.models } : {}),
  });
  const queryCache = new LruCache<string, Float32Array>(1_000);
  /** Set when a deferred checksum check failed: the next open checks every file before serving (and so rebuilds). */
  let verifyFully = false;
  /** The index whose deferred checksum check has been started (once per opened index). */
  let verifying: ServingIndex | null = null;
  const notify = (code: NoticeCode, message: string): void => deps.notice?.(`${code}: ${message}`, makeNotice(code, message));
  const store = deps.store ?? createStore(config);

  function getEmbedder() {
    embedderReady ??= (deps.createEmbedder ?? ((c: Config) => chooseEmbedder(c)))(config).then((made) => {
      if (made.notice) notify('EMBEDDER_FALLBACK', made.notice);
      // Awaited by every ingest; this only keeps a failure from counting as unhandled meanwhile.
      made.ready?.catch(() => {});
      return made;
    });
    return embedderReady;
  }

  /**
   * Article sentences go through an on-disk cache keyed by content hash: an edited article re-embeds only its new
   * sentences, and a rebuild re-embeds nothing it has seen. The cache file grows with the corpus (~390 MB at 100k
   * passages), so it is read only when an ingest has something to embed, never on a start with nothing changed.
   */
  function getIngestEmbedder(embedder: Embedder): Promise<CachedEmbedder> {
    ingestEmbedderReady ??= (async () => {
      const cacheFile = embeddingCacheFile(path.join(config.indexDir, 'cache'), embedder.info);
      await mkdir(path.dirname(cacheFile), { recursive: true });
      return withEmbeddingCache(embedder, cacheFile, { log: (message) => notify('EMBEDDING_CACHE_REPAIRED', message) });
    })();
    ingestEmbedderReady.catch(() => {
      ingestEmbedderReady = null;
    });
    return ingestEmbedderReady;
  }

  /**
   * `explicit`: asked for (`ingest`, `/reindex`), so a lock held by another writer is an error. Otherwise (warm-up,
   * the first question) the committed generation answers meanwhile: readers never need the write lock.
   */
  async function runIngest(rebuild: boolean, onProgress?: (p: IngestProgress) => void, explicit = true): Promise<{ loaded: Loaded; report: IngestReport }> {
    const started = performance.now();
    // The embedder's model may still be loading (worker threads): the index opens and the corpus is read meanwhile.
    const made = await getEmbedder();
    onProgress?.({ phase: 'reading', done: 0, total: 1 });
    // Large ranking-only files are checked by size now and by checksum once the first answer is out (scheduleVerify).
    const previous = rebuild ? null : (current?.index ?? (await store.open(made.embedder.info, { verify: verifyFully ? 'full' : 'deferred' }).catch(() => null)));
    verifyFully = false;
    // Files whose stamp (size, times, inode) is unchanged since they were last read are not read or hashed again.
    const stamps = await FileStamps.read(path.join(config.indexDir, STAMPS_FILE), { corpusDir: config.corpusDir, maxArticleBytes: config.maxArticleBytes });
    const { articles, problems } = await loadCorpus(config.corpusDir, {
      maxArticleBytes: config.maxArticleBytes,
      reuse: (id, hash) => {
        const known = previous?.articles.get(id);
        return known?.contentHash === hash ? known : undefined;
      },
      stamps,
    });
    if (articles.length > 0) {
      await mkdir(config.indexDir, { recursive: true }).catch(() => {});
      await stamps.save();
    }
    if (articles.length === 0 && problems.every((p) => p.code === 'ARTICLE_UNSUPPORTED')) {
      // An emptied folder (unmounted, wrong path) must not wipe what is indexed; nor a folder left with only PDFs.
      throw new VerbatimError('CORPUS_EMPTY', `No articles found in ${config.corpusDir}.`);
    }
    await made.ready;
    const kept = previous ? previousVersions(problems, previous) : [];
    const readable = [...articles, ...kept];
    // The usual start: nothing changed since the index was written, so the opened index serves as is
    // (ingest would read it all again only to find nothing to do).
    let outcome: { index: ServingIndex; report: IngestSummary };
    if (previous && isUpToDate(previous, readable)) {
      outcome = { index: previous, report: unchangedReport(previous) };
    } else {
      const ingestEmbedder = await getIngestEmbedder(made.embedder);
      const missesBefore = ingestEmbedder.stats.misses;
      try {
        outcome = await store.ingest({
          embedder: ingestEmbedder,
          articles: readable,
          rebuild,
          buildPassages: (article) => buildPassages(article),
          // Vectors reach the cache file batch by batch, so a killed build resumes instead of starting over.
          checkpoint: () => ingestEmbedder.flush(),
          onLockTakenOver: (message) => notify('LOCK_TAKEN_OVER', message),
          ...(onProgress ? { onProgress } : {}),
        });
        // Sentences the cache already held were not embedded again.
        outcome.report.embedded = ingestEmbedder.stats.misses - missesBefore;
      } catch (error) {
        if (explicit || previous === null || !isVerbatimError(error) || error.code !== 'INDEX_LOCKED') throw error;
        notify('INDEX_BUSY', `${error.message} Answering from the committed index meanwhile.`);
        outcome = { index: previous, report: unchangedReport(previous) };
      } finally {
        await ingestEmbedder.flush();
      }
    }
    const { index, report } = outcome;
    if (report.rebuilt) notify('INDEX_REBUILT', `Index rebuilt: ${report.rebuilt.message}`);
    if (report.capped > 0) {
      notify('SENTENCE_CAPPED', `${report.capped} sentence(s) longer than ${MAX_EMBED_CHARS} characters were embedded from their first ${MAX_EMBED_CHARS} characters (their full text is still indexed and quoted).`);
    }
    const next: Loaded = { embedder: made.embedder, fallback: made.fallback, notice: made.notice, index, stats: termStatsFrom(index.lexical), time: createTimeIndex(index) };
    current = next;
    answerer.reset();
    return {
      loaded: next,
      report: { ...report, corpusDir: config.corpusDir, problems, ms: Math.round(performance.now() - started) },
    };
  }

  /** True when the index holds exactly these articles, each with the same content hash. */
  function isUpToDate(index: ServingIndex, articles: readonly Article[]): boolean {
    return index.articles.size === articles.length && articles.every((a) => index.articles.get(a.id)?.contentHash === a.contentHash);
  }

  function unchangedReport(index: ServingIndex): IngestSummary {
    const { counts } = index;
    return { indexDir: index.dir, articles: counts.articles, added: 0, changed: 0, removed: 0, unchanged: counts.articles, passages: counts.passages, sentences: counts.sentences, embedded: 0, capped: 0, rebuilt: null };
  }

  /**
   * The indexed versions of files that could not be read this time (broken, vanished mid-ingest):
   * they stay in the index until the file is fixed or deleted, so a bad save loses nothing.
   */
  function previousVersions(problems: readonly CorpusProblem[], previous: ServingIndex): Article[] {
    if (problems.length === 0) return [];
    const broken = new Set(problems.map((p) => p.path));
    // An unlisted folder keeps everything indexed under it ('.' is the corpus folder itself).
    const folders = problems.filter((p) => p.code === 'FOLDER_UNREADABLE').map((p) => (p.path === '.' ? '' : `${p.path}/`));
    return [...previous.articles.values()].filter(
      (a) => broken.has(a.id) || broken.has(a.id.split('#')[0]!) || folders.some((folder) => a.id.startsWith(folder)),
    );
  }

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = writing.then(work, work);
    writing = run.catch(() => {});
    return run;
  }

  /** The committed index as it is (serve-only): the embedder loads while the index is read. */
  async function openCommitted(): Promise<Loaded> {
    const made = await getEmbedder();
    const [index] = await Promise.all([store.open(made.embedder.info, { verify: verifyFully ? 'full' : 'deferred' }), made.ready]);
    verifyFully = false;
    const next: Loaded = { embedder: made.embedder, fallback: made.fallback, notice: made.notice, index, stats: termStatsFrom(index.lexical), time: createTimeIndex(index) };
    current = next;
    answerer.reset();
    return next;
  }

  function ensureLoaded(onProgress?: (p: IngestProgress) => void): Promise<Loaded> {
    loaded ??= deps.serveOnly
      ? openCommitted()
      : runIngest(false, onProgress, false).then((r) => {
          lastWarmIngest = r.report;
          return r.loaded;
        });
    loaded.catch(() => {
      loaded = null;
    });
    return loaded;
  }
  let lastWarmIngest: IngestReport | null = null;

  /**
   * Checks the checksums an open deferred, in a worker thread, once the first answer is out (or when the process has
   * been idle a while after warming up): the first answer does not wait for hashing hundreds of MB. A mismatch drops
   * the loaded index with a notice; the next question opens it with every checksum checked, which rebuilds it.
   */
  function scheduleVerify(index: ServingIndex, delayMs: number): void {
    if (verifying === index || !index.verify) return;
    verifying = index;
    const timer = setTimeout(() => {
      index.verify!().catch((error: unknown) => {
        // Closed, or replaced by a newer index meanwhile: nothing is served from this one any more.
        if (current?.index !== index) return;
        notify('INDEX_DAMAGED', `${toVerbatimErrorMessage(error)} The index is checked in full and rebuilt if need be before the next answer.`);
        verifyFully = true;
        current = null;
        loaded = null;
        verifying = null;
      });
    }, delayMs);
    timer.unref();
  }

  async function embedQuery(embedder: Embedder, text: string): Promise<Float32Array> {
    const hit = queryCache.get(text);
    if (hit) return hit;
    const [vector] = await embedder.embed([text]);
    queryCache.set(text, vector!);
    return vector!;
  }

  async function statsOf(state: Loaded): Promise<EngineStats> {
    return {
      corpusDir: config.corpusDir,
      indexDir: state.index.dir,
      embedder: { ...state.embedder.info, fallback: state.fallback, notice: state.notice },
      ...state.index.counts,
      indexBytes: await store.bytes(state.index),
      questionsAnswered,
      indexWrittenAt: state.index.writtenAt,
    };
  }

  const engine: Engine = {
    async warmUp(options = {}): Promise<WarmUpReport> {
      const started = performance.now();
      const state = await ensureLoaded(options.onProgress);
      // A long-running door (bot, serve) checks the deferred checksums even before its first question.
      scheduleVerify(state.index, VERIFY_AFTER_WARM_UP_MS);
      return { ingest: lastWarmIngest, stats: await statsOf(state), ms: Math.round(performance.now() - started) };
    },

    async ask(asked: string, options: AskOptions = {}): Promise<AskResult> {
      const started = performance.now();
      const previous = options.previousQuestion;
      const resolved = previous === undefined ? undefined : resolveFollowUp(previous, validateQuestion(asked));
      const followUp = resolved && previous !== undefined ? { asked, previous, rule: resolved.rule } : undefined;
      const rawQuestion = resolved?.question ?? asked;
      const question = validateQuestion(rawQuestion);
      const mode = options.mode ?? 'hybrid';
      // A bad since/until is the asker's to fix: refused before any work.
      readPeriodOptions(options);
      const state = current ?? (await ensureLoaded());
      const trace: AskResult['trace'] = { mode, embedMs: 0, retrieveMs: 0, answerMs: 0, totalMs: 0, candidates: 0, evidence: null };
      const finish = (result: Omit<AskResult, 'question' | 'trace'>): AskResult => {
        trace.totalMs = round(performance.now() - started, 2);
        questionsAnswered++;
        return { question: rawQuestion, ...(followUp ? { followUp } : {}), ...result, trace };
      };
      if (isUnsupportedScript(question)) {
        return finish({ status: 'not_found', confidence: 0, confidenceWord: 'low', answers: [], nearest: [], more: [], reason: 'unsupported-language' });
      }
      if (state.index.passages.size === 0) {
        return finish({ status: 'not_found', confidence: 0, confidenceWord: 'low', answers: [], nearest: [], more: [], reason: 'empty-index' });
      }
      const constraint =
        options.timeConstraint === false ? null : timeConstraint(question, referenceDay(today(deps.now?.() ?? new Date()), state.time.newestDay()), options);
      // The question's time words become the constraint; the words left are what is matched.
      const attempt = async (text: string) => {
        const analysis = answerer.analyze(text);
        let t = performance.now();
        const queryVector = mode === 'bm25' ? null : await embedQuery(state.embedder, analysis.text);
        trace.embedMs = round(trace.embedMs + performance.now() - t, 2);
        t = performance.now();
        const candidates = await retrieve(state.index, analysis.text, queryVector, { mode, fusion: deps.fusion ?? 'score' });
        trace.retrieveMs = round(trace.retrieveMs + performance.now() - t, 2);
        trace.candidates = candidates.length;
        const step = constraint ? timeStep(withOccasionFrom(question, constraint, candidates, state.time), state.time) : null;
        t = performance.now();
        const answered = await answerer.answer(
          analysis,
          candidates,
          {
            stats: state.stats,
            queryVector,
            sentenceVector: (id, i) => (mode === 'bm25' ? undefined : state.index.sentenceVector(id, i)),
          },
          options.maxAnswers ?? 3,
          step?.around,
        );
        trace.answerMs = round(trace.answerMs + performance.now() - t, 2);
        return { answered, step };
      };
      let { answered, step } = await attempt(constraint?.text ?? question);
      // An archive whose articles carry no date states it in the sentence ("Lufthansa was hit in 2003 by…"): when the
      // question, its dates set aside, finds no answer, it is asked again with the dates it states kept as words to
      // match. The period still applies to the second try.
      if (constraint && answered.status !== 'answered' && constraint.datedText !== constraint.text) {
        const again = await attempt(constraint.datedText);
        if (again.answered.status === 'answered') ({ answered, step } = again);
      }
      const { evidence, ...composed } = answered;
      trace.evidence = evidence;
      if (step) trace.time = step.trace();
      const result = finish(withDates(composed, state.index.articles, state.time));
      scheduleVerify(state.index, VERIFY_AFTER_ANSWER_MS);
      return result;
    },

    async findSources(claim: string): Promise<AskResult> {
      return engine.ask(claimAsQuery(claim));
    },

    async articles(options = {}): Promise<ArticleList> {
      const state = current ?? (await ensureLoaded());
      const offset = Math.max(0, options.offset ?? 0);
      const limit = Math.max(1, Math.min(100, options.limit ?? 25));
      const query = options.query?.trim().toLowerCase() ?? '';
      const items = [...state.index.articles.values()]
        .filter((a) => !query || a.id.toLowerCase().includes(query) || query.split(/\s+/).every((w) => a.title.toLowerCase().includes(w)))
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((a) => ({ id: a.id, title: a.title, publisher: a.publisher, date: a.date, url: a.url, sentences: a.sentences.length }));
      return { total: items.length, offset, items: items.slice(offset, offset + limit) };
    },

    async ingest(options = {}): Promise<IngestReport> {
      if (deps.serveOnly) throw new VerbatimError('INDEX_SERVE_ONLY', 'This process serves the shared index and does not ingest.');
      // The loaded index is replaced only when the new one is ready; a failed ingest leaves it serving.
      const { loaded: next, report } = await exclusive(() => runIngest(options.rebuild ?? false, options.onProgress));
      loaded = Promise.resolve(next);
      return report;
    },

    async adoptCommitted(): Promise<boolean> {
      const serving = current;
      if (serving === null || (await store.committed(serving.embedder.info)) === serving.index.generation) return false;
      // Behind this engine's own ingests: one that commits meanwhile is what the manifest shows, and nothing is left to do.
      return exclusive(async () => {
        const now = current;
        if (now === null) return false;
        const committed = await store.committed(now.embedder.info);
        if (committed === null || committed === now.index.generation) return false;
        const index = await store.open(now.embedder.info);
        current = { ...now, index, stats: termStatsFrom(index.lexical) };
        loaded = Promise.resolve(current);
        answerer.reset();
        return true;
      });
    },

    sources: () => listSources(config.sourcesFile, config.corpusDir),
    addSource: (url, name) => addSource(config.sourcesFile, url, name),
    removeSource: (ref) => removeSource(config.sourcesFile, ref),

    async refresh(options = {}): Promise<RefreshReport> {
      if (refreshing) throw new VerbatimError('REFRESH_BUSY', 'A refresh of the sources is already running.');
      refreshing = true;
      try {
        // A warm-up under way finishes first: its ingest and this one would otherwise race for the write lock.
        if (loaded) await loaded.catch(() => {});
        // Loaded on first refresh (HTML extraction and the feed parser): a process that only answers never pays for them.
        const { refreshSources } = await import('./sources/refresh.js');
        const fetched = await refreshSources({
          corpusDir: config.corpusDir,
          sources: await readSources(config.sourcesFile),
          fetch: config.fetch,
          ...(options.onSource ? { onSource: options.onSource } : {}),
        });
        const { ingestDue, ...report } = fetched;
        // Also after a refresh that brought nothing new, when an earlier one's ingest failed (the index was locked).
        if (!ingestDue) return { ...report, ingest: null };
        const ingest = await engine.ingest(options.onProgress ? { onProgress: options.onProgress } : {});
        await markIngested(config.corpusDir);
        return { ...report, ingest };
      } finally {
        refreshing = false;
      }
    },

    async reload(): Promise<EngineStats> {
      // The index serving now keeps answering until the newer one is read.
      const next = await openCommitted();
      loaded = Promise.resolve(next);
      return statsOf(next);
    },

    async summarize(request: SummaryRequest): Promise<Summary> {
      const state = current ?? (await ensureLoaded());
      const summary = await summarizeWithIndex(state.index, request, {
        embed: (text) => embedQuery(state.embedder, text),
        retrieve: (text, vector) => retrieve(state.index, text, vector, { mode: 'hybrid', limit: 30, maxPerArticle: 8 }),
      });
      return withSummaryDates(summary, state.time);
    },

    async stats(): Promise<EngineStats> {
      return statsOf(current ?? (await ensureLoaded()));
    },

    async close(): Promise<void> {
      // The cached embedder owns the embedder it wraps: closing it saves the cache and closes both.
      const cached = ingestEmbedderReady ? await ingestEmbedderReady.catch(() => null) : null;
      const made = embedderReady ? await embedderReady.catch(() => null) : null;
      await (cached ?? made?.embedder)?.close();
      current?.index.release?.();
      await store.close();
      ingestEmbedderReady = null;
      embedderReady = null;
      loaded = null;
      current = null;
    },
  };
  return engine;
}

