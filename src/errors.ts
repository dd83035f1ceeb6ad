/**
 * One error catalog: every failure a user can cause or fix has a code, a message and a hint.
 * Doors render `message` and `hint`; they never show a stack trace for these.
 */
export const ERROR_HINTS = {
  CONFIG_INVALID: 'Fix the setting named above in .env or the environment (see .env.example).',
  CORPUS_MISSING: 'Point --corpus (or CORPUS_DIR) at a folder of .txt, .md, .json, .jsonl or .html articles.',
  CORPUS_EMPTY: 'Add article files (.txt, .md, .json, .jsonl, .html) to the corpus folder, or follow a feed with `verbatim sources add <url>`, then run `verbatim ingest`.',
  FOLDER_UNREADABLE: 'Give the bot\'s user read access to the folder, or move it out of the corpus (indexed articles under it are kept meanwhile).',
  ARTICLE_EMPTY: 'The file has no text; add the article text or remove the file.',
  ARTICLE_BINARY: 'Only text articles are read; remove the file or convert it to .txt.',
  ARTICLE_NOT_UTF8: 'Save the file as UTF-8 and run `verbatim ingest` again.',
  ARTICLE_TOO_LARGE: 'Split the file into separate articles (MAX_ARTICLE_BYTES sets the limit).',
  ARTICLE_UNREADABLE: 'Check that the file exists and is readable, then run `verbatim ingest` again.',
  ARTICLE_MALFORMED: 'Fix the record (it needs at least a "text" field) and run `verbatim ingest` again.',
  ARTICLE_NOT_FOUND: 'Run `verbatim articles` to see article ids and titles.',
  INDEX_MISSING: 'Run `verbatim ingest` to build the index.',
  INDEX_CORRUPT: 'The index will be rebuilt from the corpus; run `verbatim ingest --rebuild` to do it now.',
  INDEX_VERSION_MISMATCH: 'The index was written by another version of verbatim; run `verbatim ingest --rebuild`.',
  INDEX_MODEL_MISMATCH: 'The index was built with another embedder; run `verbatim ingest --rebuild` (it will also happen automatically).',
  INDEX_LOCKED: 'Another verbatim process is writing this index; wait for it to finish.',
  STORE_UNREACHABLE: 'Check DATABASE_URL (host, port, user, database) and that PostgreSQL is running; README "Running with PostgreSQL" shows the steps.',
  STORE_EXTENSION_MISSING: 'Install pgvector on the database server (.ci/install-postgres does it on Debian) or ask its owner to run `CREATE EXTENSION vector`.',
  STORE_MIGRATION_FAILED: 'The database schema could not be brought up to date; check the user may create tables, then start again.',
  SHARDING_NEEDS_POSTGRES: 'Set STORE=postgres and DATABASE_URL so every shard queries one shared database (README "Running sharded"), or leave SHARDS empty to run the bot as one process.',
  INDEX_SERVE_ONLY: 'This process only serves the shared index: refresh it from the shard manager (/reindex forwards there) or run `verbatim ingest` as a job.',
  MODEL_UNAVAILABLE: 'Put the model files under MODELS_DIR, or allow internet access once so the model can be cached.',
  EMBEDDER_FAILED: 'Check the embedder settings (EMBEDDER, EMBEDDING_MODEL, MODELS_DIR) and try again.',
  QUESTION_EMPTY: 'Ask a question in words, for example: "What did Putin call Xi?"',
  DATE_INVALID: 'Give since/until as YYYY, YYYY-MM or YYYY-MM-DD (for example 2025-09), with since no later than until.',
  QUESTION_TOO_LONG: 'Shorten the question to one sentence (the message says the limit).',
  SUMMARY_NOT_AVAILABLE: 'This kind of summary is not available in this version.',
  TOPIC_EMPTY: 'Give a topic in a few words, for example: "the military parade".',
  ARTICLE_UNSUPPORTED: 'Only .txt, .md, .json, .jsonl and .html files are read; convert the file to one of these or move it out of the corpus folder.',
  SOURCE_INVALID: 'Give an http:// or https:// address of an RSS/Atom feed or an article page, for example https://example.com/feed.xml.',
  SOURCE_EXISTS: 'Run `verbatim sources list` to see the sources already followed.',
  SOURCE_NOT_FOUND: 'Run `verbatim sources list` (or /source list) to see the sources by name and address.',
  SOURCES_FILE_INVALID: 'Fix the sources file by hand (it is JSON), or delete it and add the sources again.',
  FETCH_HTTP_ERROR: 'The server refused the request; check the address in a browser, or remove the source if it has gone.',
  FETCH_SERVER_ERROR: 'The server failed after retries; it is tried again at the next refresh.',
  FETCH_NETWORK: 'The server could not be reached; check the address and the network. It is tried again at the next refresh.',
  FETCH_TIMEOUT: 'The server was too slow; it is tried again at the next refresh (FETCH_TIMEOUT_MS sets the limit).',
  FETCH_TOO_LARGE: 'The response is larger than FETCH_MAX_BYTES; raise the limit if the page is genuine.',
  FETCH_PRIVATE_ADDRESS: 'The bot does not fetch from loopback or private networks; set FETCH_ALLOW_PRIVATE=true on its host if it should follow a source there.',
  FETCH_REDIRECTS: 'The address redirects too often or in a loop; use the final address of the page or feed.',
  FETCH_UNSUPPORTED_TYPE: 'Only RSS/Atom feeds and HTML pages are read; point the source at a feed or an article page.',
  FEED_MALFORMED: 'The feed is not well-formed XML; tell its publisher, or follow the site\'s article pages instead.',
  PAGE_NO_ARTICLE: 'No article text was found on the page; it may need JavaScript or a login. Try the feed instead.',
  REFRESH_BUSY: 'A refresh is already running; its report will show when it finishes.',
  DISCORD_FAILED: 'Discord did not accept the reply; try again in a moment.',
  USAGE: 'Run `verbatim help` (or /help in the harness) for the commands and their options.',
  BATCH_LINE_INVALID: 'Each line must be a JSON object like {"id":"q1","question":"…"}.',
  REQUEST_INVALID: 'Send a JSON body: {"question":"…"} for one question, {"questions":[{"id":"q1","question":"…"}]} for several (README "Local HTTP API").',
  REQUEST_TOO_LARGE: 'Send a smaller body (the limit is in the message), or split the batch into several requests.',
  UNAUTHORIZED: 'Send the header `Authorization: Bearer <API_TOKEN>` with the token the server was started with.',
  ROUTE_NOT_FOUND: 'The API serves POST /ask, GET /articles, GET /stats, GET /healthz and GET /readyz (README "Local HTTP API").',
  INTERNAL: 'This is a bug in verbatim; the log has the details.',
} as const;

export type ErrorCode = keyof typeof ERROR_HINTS;

/**
 * Notices: things the operator should know that did not stop the work. Each has a code and a hint, like errors;
 * doors show `CODE: message` and may add the hint.
 */
export const NOTICE_HINTS = {
  EMBEDDER_FALLBACK: 'Answers use the offline USE lite embedder; put a transformer model under MODELS_DIR to use it instead.',
  EMBEDDING_CACHE_REPAIRED: 'Nothing to do: vectors the cache lost are embedded again.',
  INDEX_REBUILT: 'Nothing to do: the index was rebuilt from the corpus.',
  INDEX_DAMAGED: 'Nothing to do: the index is checked again and rebuilt from the corpus if need be; check the disk if this repeats.',
  INDEX_BUSY: 'Answers come from the last committed index; run /reindex (or `verbatim ingest`) once the other ingest has finished.',
  LOCK_TAKEN_OVER: 'Nothing to do, unless another verbatim process really is writing this index from another host (then give each its own INDEX_DIR).',
  SENTENCE_CAPPED: 'Break very long lines in the article into sentences or paragraphs for better answers from them.',
} as const;

export type NoticeCode = keyof typeof NOTICE_HINTS;

export interface Notice {
  code: NoticeCode;
  message: string;
  hint: string;
}

export function notice(code: NoticeCode, message: string): Notice {
  return { code, message, hint: NOTICE_HINTS[code] };
}

export class VerbatimError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VerbatimError';
    this.code = code;
    this.hint = options.hint ?? ERROR_HINTS[code];
    this.details = options.details;
  }

  toJSON(): { code: ErrorCode; message: string; hint: string } {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

export function isVerbatimError(error: unknown): error is VerbatimError {
  return error instanceof VerbatimError;
}

/** Wraps anything thrown into a VerbatimError so doors always have a code and a hint to show. */
export function toVerbatimError(error: unknown): VerbatimError {
  if (isVerbatimError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new VerbatimError('INTERNAL', message, { cause: error });
}
