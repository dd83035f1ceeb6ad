/**
 * The local HTTP API over real HTTP on 127.0.0.1: a real server (node:http) in front of the real engine on the seeds
 * (hnswlib, files in temp folders), asked with fetch as a client would. The engine embeds with the hashing test
 * double: these tests are about HTTP and the JSON contract; `verbatim serve` runs on the real encoder in
 * test/cli/cli.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import type { AskResult } from '../../src/answer/types.js';
import { startApi } from '../../src/serve/run.js';
import type { RunningServer } from '../../src/serve/health.js';
import { copySeeds, tempDir } from '../../bench/lib/seed-corpus.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';

let engine: Engine;
let corpusDir: string;
let api: RunningServer & { warmed: Promise<void> };
let guarded: RunningServer & { warmed: Promise<void> };
const logged: string[] = [];
const TOKEN = 'test-token-4f1c9a';

beforeAll(async () => {
  corpusDir = await copySeeds();
  const embedder = new HashEmbedderTestDouble(64);
  engine = createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir('verbatim-serve-index-'), EMBEDDER: 'use' }), {
    createEmbedder: async () => ({ embedder, fallback: false, notice: null }),
  });
  api = await startApi(engine, { port: 0, host: '127.0.0.1', apiToken: undefined, log: (line) => logged.push(line) });
  await api.warmed;
  guarded = await startApi(engine, { port: 0, host: '127.0.0.1', apiToken: TOKEN, log: (line) => logged.push(line) });
  await guarded.warmed;
}, 180_000);

afterAll(async () => {
  await api?.close();
  await guarded?.close();
  await engine?.close();
});

async function call(path: string, init: RequestInit = {}, base = api.url): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

const post = (body: string, base = api.url, headers: Record<string, string> = {}) =>
  call('/ask', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }, base);

function expectVerbatim(result: AskResult): void {
  for (const quote of [...result.answers, ...result.nearest, ...result.more]) {
    const text = readFileSync(`${corpusDir}/${quote.citation.article}`, 'utf8');
    expect(text.slice(quote.citation.start, quote.citation.end)).toBe(quote.sentence);
  }
}

describe('POST /ask', () => {
  it('answers one question with the same result object as `ask --json`, echoing the id when one is given', async () => {
    const { status, body } = await post(JSON.stringify({ question: 'What did Putin call Xi?', id: 'q-7' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'q-7', question: 'What did Putin call Xi?', status: 'answered', confidenceWord: expect.any(String) });
    expect(body.answers[0].span.text).toBe('dear friend');
    expectVerbatim(body);
    const direct = await engine.ask('What did Putin call Xi?');
    const { trace: _a, ...sameAsEngine } = direct;
    const { trace: _b, id: _id, ...served } = body;
    expect(served).toEqual(sameAsEngine);
    const { body: noId } = await post(JSON.stringify({ question: 'What did Putin call Xi?' }));
    expect(noId).not.toHaveProperty('id');
  });

  it('takes a mode and maxAnswers, and refuses values outside them with a 400', async () => {
    const { status, body } = await post(JSON.stringify({ question: 'What did Putin call Xi?', mode: 'bm25', maxAnswers: 1 }));
    expect(status).toBe(200);
    expect(body.trace.mode).toBe('bm25');
    expect(body.answers.length).toBeLessThanOrEqual(1);
    for (const bad of [{ mode: 'fuzzy' }, { maxAnswers: 9 }, { maxAnswers: '2' }]) {
      const refused = await post(JSON.stringify({ question: 'Who?', ...bad }));
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.code).toBe('REQUEST_INVALID');
    }
  });

  it('takes since/until as a period, and refuses a bad date with a 400 DATE_INVALID', async () => {
    const { status, body } = await post(JSON.stringify({ question: 'What did Putin call Xi?', since: '2025', until: '2025-12' }));
    expect(status).toBe(200);
    expect(body.trace.time).toMatchObject({ applied: 'period', period: '2025-01-01 – 2025-12-31', words: ['since 2025', 'until 2025-12'] });
    const refused = await post(JSON.stringify({ question: 'Who?', since: 'last week' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'DATE_INVALID', hint: expect.stringMatching(/YYYY-MM-DD/) });
  });

  it('answers a batch in order, one --jsonl object per question, errors carrying the caller\'s id and question', async () => {
    const { status, body } = await post(JSON.stringify({
      questions: [{ id: 'a', question: 'What did Putin call Xi?' }, { id: 'b', question: '' }, { id: 'c', question: 42 }, 'not an object', { question: 'How many tanks were in the parade?' }],
    }));
    expect(status).toBe(200);
    const [answered, empty, numeric, notObject, noId] = body.results;
    expect(answered).toMatchObject({ id: 'a', status: 'answered' });
    expect(empty).toMatchObject({ id: 'b', question: '', error: { code: 'QUESTION_EMPTY', hint: expect.any(String) } });
    expect(numeric).toMatchObject({ id: 'c', question: 42, error: { code: 'BATCH_LINE_INVALID' } });
    expect(notObject).toMatchObject({ id: 4, question: null, error: { code: 'BATCH_LINE_INVALID' } });
    expect(noId).toMatchObject({ id: 5, status: 'not_found' });
  });

  it('answers 400 with the error object for bad JSON, a non-object body and an empty question', async () => {
    const bad = await post('{"question": "Who');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'REQUEST_INVALID', message: expect.stringContaining('not valid JSON'), hint: expect.any(String) });
    const array = await post('["Who?"]');
    expect(array.status).toBe(400);
    expect(array.body.error.code).toBe('REQUEST_INVALID');
    const empty = await post(JSON.stringify({ question: '   ' }));
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ question: '   ', error: { code: 'QUESTION_EMPTY' } });
  });

  it('caps the body (413) and the batch size', async () => {
    const huge = await post(JSON.stringify({ question: 'x'.repeat(1_100_000) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('REQUEST_TOO_LARGE');
    const many = await post(JSON.stringify({ questions: Array.from({ length: 101 }, (_, i) => ({ id: i, question: 'Who?' })) }));
    expect(many.status).toBe(413);
    expect(many.body.error.message).toContain('at most 100');
  });

  it('answers concurrent requests, each with its own question', async () => {
    const questions = ['What did Putin call Xi?', 'How many tanks were in the parade?', 'Who did Xi meet a day after the parade?'];
    const replies = await Promise.all(Array.from({ length: 24 }, (_, i) => post(JSON.stringify({ id: i, question: questions[i % 3] }))));
    for (const [i, reply] of replies.entries()) {
      expect(reply.status).toBe(200);
      expect(reply.body.id).toBe(i);
      expect(reply.body.question).toBe(questions[i % 3]);
    }
    expect(new Set(replies.filter((_, i) => i % 3 === 0).map((r) => JSON.stringify(r.body.answers)))).toHaveProperty('size', 1);
  });
});

describe('GET /articles and GET /stats', () => {
  it('lists articles with offset, limit and query, as `articles --json`', async () => {
    const page = await call('/articles?limit=2&offset=1');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 5, offset: 1 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body).toEqual(await engine.articles({ limit: 2, offset: 1 }));
    const found = await call('/articles?query=kim');
    expect(found.body.items.map((a: { id: string }) => a.id)).toContain('003_6f30dbc2493a046e.txt');
    const bad = await call('/articles?limit=lots');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('REQUEST_INVALID');
  });

  it('reports the index and embedder', async () => {
    const { status, body } = await call('/stats');
    expect(status).toBe(200);
    expect(body).toMatchObject({ articles: 5, embedder: { id: 'test-hash:64' } });
  });
});

describe('routes, methods and health', () => {
  it('answers 404 for an unknown path and 405 (with Allow) for a wrong method', async () => {
    const missing = await call('/answers');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ROUTE_NOT_FOUND');
    const wrong = await call('/ask');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('says live on /healthz and ready on /readyz once the engine is warm', async () => {
    expect((await call('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await call('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', checks: { engine: 'ok' } });
  });

  it('says not ready (503) while the engine warms up', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Engine = { ...engine, warmUp: async (options) => (await gate, engine.warmUp(options)) };
    const server = await startApi(slow, { port: 0, host: '127.0.0.1', apiToken: undefined, log: () => {} });
    try {
      const starting = await call('/readyz', {}, server.url);
      expect(starting.status).toBe(503);
      expect(starting.body).toMatchObject({ ready: false, checks: { engine: 'starting' } });
      expect((await call('/healthz', {}, server.url)).status).toBe(200);
      release();
      await server.warmed;
      expect((await call('/readyz', {}, server.url)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('reports a failed warm-up on /readyz with its code', async () => {
    const broken = createEngine(parseConfig({ CORPUS_DIR: '/nonexistent/verbatim-corpus', INDEX_DIR: await tempDir('verbatim-serve-index-'), EMBEDDER: 'use' }));
    const server = await startApi(broken, { port: 0, host: '127.0.0.1', apiToken: undefined, log: () => {} });
    try {
      await server.warmed;
      const readyz = await call('/readyz', {}, server.url);
      expect(readyz.status).toBe(503);
      expect(readyz.body).toMatchObject({ checks: { engine: 'failed' }, errors: { engine: { code: 'CORPUS_MISSING' } } });
      const asked = await post(JSON.stringify({ question: 'Who?' }), server.url);
      expect(asked.status).toBe(503);
      expect(asked.body.error.code).toBe('CORPUS_MISSING');
    } finally {
      await server.close();
      await broken.close();
    }
  });
});

describe('API_TOKEN', () => {
  it('needs the bearer token on every route but the health ones', async () => {
    const none = await post(JSON.stringify({ question: 'What did Putin call Xi?' }), guarded.url);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await post(JSON.stringify({ question: 'x' }), guarded.url, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await post(JSON.stringify({ question: 'x' }), guarded.url, { authorization: TOKEN })).status).toBe(401);
    expect((await call('/stats', {}, guarded.url)).status).toBe(401);
    const allowed = await post(JSON.stringify({ question: 'What did Putin call Xi?' }), guarded.url, { authorization: `Bearer ${TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(allowed.body.status).toBe('answered');
    expect((await call('/healthz', {}, guarded.url)).status).toBe(200);
    expect((await call('/readyz', {}, guarded.url)).status).toBe(200);
  });
});
