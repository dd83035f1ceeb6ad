/**
 * The local HTTP API's routes over one engine: the same JSON contract as `verbatim ask --json` / `--jsonl`.
 *   POST /ask        {"question", "id"?, "mode"?, "maxAnswers"?, "since"?, "until"?} → the result object (with the id, if given);
 *                    {"questions": [{"id","question"}, …], "mode"?, "since"?, "until"?} → {"results": [one --jsonl line's object each]}
 *   GET  /articles   ?query=&offset=&limit= → the article list
 *   GET  /stats      → the index and embedder in use
 *   GET  /healthz, GET /readyz (health.ts; never behind the token)
 * Errors are `{…, "error": {code, message, hint}}` with a 4xx/5xx status (http-json.ts says which).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AskOptions, Engine } from '../engine-types.js';
import type { RetrievalMode } from '../answer/types.js';
import { VerbatimError } from '../errors.js';
import { answerRecord } from '../cli/batch.js';
import { readPeriodOptions } from '../time/time-constraint.js';
import { handleHealth, type Readiness } from './health.js';
import { asHttpError, HttpError, invalidRequest, readJson, sendJson, statusFor } from './http-json.js';

export interface ApiOptions {
  /** When set, every route but /healthz and /readyz needs `Authorization: Bearer <apiToken>`. */
  apiToken?: string | undefined;
  /** Largest request body read (default 1 MiB). */
  maxBodyBytes?: number;
  /** Largest batch (default 100 questions). */
  maxBatch?: number;
  readiness: () => Readiness;
  /** Where server-side failures (5xx) are reported, one line each. */
  log?: (line: string) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 1 << 20;
export const DEFAULT_MAX_BATCH = 100;
const MODES: readonly RetrievalMode[] = ['hybrid', 'bm25', 'dense'];

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export function createApiHandler(engine: Engine, options: ApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  const expected = options.apiToken === undefined ? null : digest(options.apiToken);

  const ask: Route = async (req, res) => {
    const body = await readJson(req, maxBodyBytes);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw invalidRequest('The body must be a JSON object: {"question":"…"} for one question, {"questions":[…]} for several.');
    }
    const fields = body as Record<string, unknown>;
    const askOptions = askOptionsFrom(fields);
    if ('questions' in fields) {
      const questions = fields.questions;
      if (!Array.isArray(questions)) throw invalidRequest('"questions" must be an array of {"id","question"} objects.');
      if (questions.length > maxBatch) throw new HttpError(413, new VerbatimError('REQUEST_TOO_LARGE', `A batch holds at most ${maxBatch} questions; this one has ${questions.length}.`));
      const results = [];
      // One after another: the engine answers on one thread anyway, and a batch must not starve other callers' requests
      // of the question embedder.
      for (const [i, record] of questions.entries()) results.push(await answerRecord(engine, record, i + 1, askOptions));
      sendJson(res, 200, { results });
      return;
    }
    const { id, ...output } = await answerRecord(engine, fields, 1, askOptions);
    const shown = 'id' in fields ? { id, ...output } : output;
    const error = output.error as { code: VerbatimError['code'] } | undefined;
    sendJson(res, error ? statusFor(error.code) : 200, shown);
  };

  const articles: Route = async (_req, res, url) => {
    const query = url.searchParams.get('query') ?? undefined;
    const offset = integerParam(url, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = integerParam(url, 'limit', 1, 100);
    sendJson(res, 200, await engine.articles({ ...(query ? { query } : {}), ...(offset === undefined ? {} : { offset }), ...(limit === undefined ? {} : { limit }) }));
  };

  const stats: Route = async (_req, res) => {
    sendJson(res, 200, await engine.stats());
  };

  const routes: Record<string, { method: string; run: Route }> = {
    '/ask': { method: 'POST', run: ask },
    '/articles': { method: 'GET', run: articles },
    '/stats': { method: 'GET', run: stats },
  };

  return async (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJson(res, 400, { error: new VerbatimError('REQUEST_INVALID', 'The request URL cannot be read.').toJSON() });
      return;
    }
    try {
      if (handleHealth(req, res, url.pathname, options.readiness)) return;
      if (expected && !tokenMatches(req.headers.authorization, expected)) {
        throw new HttpError(401, new VerbatimError('UNAUTHORIZED', 'This API needs a bearer token.'), { 'www-authenticate': 'Bearer realm="verbatim"' });
      }
      const route = routes[url.pathname];
      if (!route) throw new HttpError(404, new VerbatimError('ROUTE_NOT_FOUND', `Nothing at ${url.pathname}.`));
      if (req.method !== route.method) {
        throw new HttpError(405, new VerbatimError('REQUEST_INVALID', `${url.pathname} answers ${route.method}, not ${req.method}.`), { allow: route.method });
      }
      await route.run(req, res, url);
    } catch (thrown) {
      const error = asHttpError(thrown);
      if (error.status >= 500) options.log?.(`error ${error.status} ${req.method} ${url.pathname}: ${error.error.code}: ${error.error.message}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, error.status, { error: error.error.toJSON() }, error.headers);
    }
  };
}

function askOptionsFrom(fields: Record<string, unknown>): AskOptions {
  const options: AskOptions = {};
  if (fields.mode !== undefined) {
    if (typeof fields.mode !== 'string' || !(MODES as readonly string[]).includes(fields.mode)) throw invalidRequest(`"mode" must be one of ${MODES.join(', ')}.`);
    options.mode = fields.mode as RetrievalMode;
  }
  if (fields.maxAnswers !== undefined) {
    if (!Number.isInteger(fields.maxAnswers) || (fields.maxAnswers as number) < 1 || (fields.maxAnswers as number) > 3) throw invalidRequest('"maxAnswers" must be 1, 2 or 3.');
    options.maxAnswers = fields.maxAnswers as number;
  }
  for (const name of ['since', 'until'] as const) {
    if (fields[name] === undefined) continue;
    if (typeof fields[name] !== 'string') throw invalidRequest(`"${name}" must be a date string: YYYY, YYYY-MM or YYYY-MM-DD.`);
    options[name] = fields[name] as string;
  }
  // A bad date is the caller's to fix (400 DATE_INVALID), refused before any question is asked.
  readPeriodOptions(options);
  return options;
}

function integerParam(url: URL, name: string, min: number, max: number): number | undefined {
  const text = url.searchParams.get(name);
  if (text === null || text === '') return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw invalidRequest(`"${name}" must be a whole number from ${min} to ${max}.`);
  return value;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Compares digests in constant time, so response timing says nothing about how much of a guess was right. */
function tokenMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}
