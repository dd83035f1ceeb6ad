/** JSON over node:http: sending a body, reading a capped one, and the status each error code maps to. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toVerbatimError, VerbatimError, type ErrorCode } from '../errors.js';

/** A request the API refuses: an HTTP status, and the error object the body carries. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: VerbatimError,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** The body as text; HttpError 413 REQUEST_TOO_LARGE past `maxBytes` (checked on the declared length first, then as it arrives). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => new HttpError(413, new VerbatimError('REQUEST_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`), { connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body parsed as JSON; HttpError 400 REQUEST_INVALID when it is not. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const text = await readBody(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequest(`The request body is not valid JSON (${(error as Error).message}).`);
  }
}

export function invalidRequest(message: string): HttpError {
  return new HttpError(400, new VerbatimError('REQUEST_INVALID', message));
}

/** 400 for what the caller sent, 503 for what the server cannot serve yet (index, corpus, model), 500 for bugs. */
export function statusFor(code: ErrorCode): number {
  if (code === 'QUESTION_EMPTY' || code === 'QUESTION_TOO_LONG' || code === 'REQUEST_INVALID' || code === 'BATCH_LINE_INVALID' || code === 'TOPIC_EMPTY' || code === 'DATE_INVALID') return 400;
  if (code === 'ARTICLE_NOT_FOUND' || code === 'ROUTE_NOT_FOUND') return 404;
  if (code === 'INTERNAL' || code === 'CONFIG_INVALID') return 500;
  return 503;
}

/** Any thrown value as an HttpError (VerbatimErrors keep their code; anything else is INTERNAL). */
export function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const verbatim = toVerbatimError(error);
  return new HttpError(statusFor(verbatim.code), verbatim);
}
