/**
 * Settings, read once from `.env` and the environment into one typed, validated object.
 * Every variable is documented in `.env.example`.
 */
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { VerbatimError } from './errors.js';
import { checkShardingStore, parseSharding, shardDatabase, type Sharding } from './config-shards.js';

export type { Sharding } from './config-shards.js';

const optionalString = z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined));
const snowflake = z.string().trim().regex(/^\d{17,20}$/, 'a Discord id (17–20 digits)');
const optionalSnowflake = snowflake.optional().or(z.literal('').transform(() => undefined));
/** A TCP port; 0 asks the system for any free one. Empty means unset (Number('') would be 0). */
const port = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.coerce.number().int().min(0).max(65_535).optional());
/** true/false, yes/no, 1/0 (any case); empty means the default. */
const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .default('')
    .pipe(z.enum(['', 'true', 'false', 'yes', 'no', '1', '0'], { message: 'expected true or false' }))
    .transform((value) => (value === '' ? fallback : ['true', 'yes', '1'].includes(value)));

const schema = z.object({
  CORPUS_DIR: z.string().trim().min(1).default('seeds'),
  INDEX_DIR: z.string().trim().min(1).default('embeddings'),
  EMBEDDER: z.enum(['auto', 'minilm', 'use']).default('auto'),
  EMBEDDING_MODEL: z.string().trim().min(1).default('Xenova/all-MiniLM-L6-v2'),
  EMBEDDING_DTYPE: z.enum(['q8', 'fp32', 'fp16', 'int8', 'uint8', 'q4']).default('q8'),
  MODELS_DIR: optionalString,
  MODEL_CACHE_DIR: z.string().trim().min(1).default('.cache/models'),
  EMBED_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  MAX_ARTICLE_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  SOURCES_FILE: optionalString,
  REFRESH_MINUTES: z.coerce.number().min(0).max(7 * 24 * 60).default(30),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  FETCH_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  FETCH_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  FETCH_ALLOW_PRIVATE: flag(false),
  ANSWER_THRESHOLD: z.coerce.number().min(0).max(1).optional().or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SERVE_PORT: port.transform((value) => value ?? 8787),
  SERVE_HOST: z.string().trim().min(1).default('127.0.0.1'),
  API_TOKEN: optionalString,
  HEALTH_PORT: port,
  HEALTH_HOST: z.string().trim().min(1).default('127.0.0.1'),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalSnowflake,
  DISCORD_GUILD_ID: optionalSnowflake,
  ANSWER_CHANNELS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(snowflake)),
  DISCORD_REST_API: z.string().trim().url().optional().or(z.literal('').transform(() => undefined)),
  QUIET_NOT_FOUND: flag(true),
  NOT_FOUND_REACTION: optionalString,
  ANSWER_IN_THREAD: flag(false),
  ALLOW_DMS: flag(false),
  FEEDBACK_MODAL: flag(true),
  BOT_DB: z.string().trim().min(1).default('.verbatim/bot.sqlite'),
  COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  MAX_CONCURRENT_QUESTIONS: z.coerce.number().int().min(1).max(64).default(4),
  LOG_QUESTIONS: z.enum(['full', 'hash', 'none']).default('hash'),
  STORE: z.enum(['files', 'postgres']).default('files'),
  DATABASE_URL: z.string().trim().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional().or(z.literal('').transform(() => undefined)),
});

/** Every setting's name (each is documented in `.env.example`; a test keeps the two in step). SHARDS is read apart. */
export const SETTING_NAMES: readonly string[] = [...Object.keys(schema.shape), 'SHARDS'];

const EXAMPLES: Record<string, string> = {
  EMBEDDER: 'EMBEDDER=auto',
  EMBEDDING_DTYPE: 'EMBEDDING_DTYPE=q8',
  EMBED_WORKERS: 'EMBED_WORKERS=2',
  MAX_ARTICLE_BYTES: 'MAX_ARTICLE_BYTES=10485760',
  REFRESH_MINUTES: 'REFRESH_MINUTES=30',
  FETCH_TIMEOUT_MS: 'FETCH_TIMEOUT_MS=15000',
  FETCH_MAX_BYTES: 'FETCH_MAX_BYTES=5242880',
  FETCH_RETRIES: 'FETCH_RETRIES=2',
  FETCH_ALLOW_PRIVATE: 'FETCH_ALLOW_PRIVATE=false',
  ANSWER_THRESHOLD: 'ANSWER_THRESHOLD=0.45',
  LOG_LEVEL: 'LOG_LEVEL=info',
  SERVE_PORT: 'SERVE_PORT=8787',
  HEALTH_PORT: 'HEALTH_PORT=8788',
  DISCORD_APPLICATION_ID: 'DISCORD_APPLICATION_ID=123456789012345678',
  DISCORD_GUILD_ID: 'DISCORD_GUILD_ID=123456789012345678',
  ANSWER_CHANNELS: 'ANSWER_CHANNELS=123456789012345678,234567890123456789',
  DISCORD_REST_API: 'DISCORD_REST_API=http://127.0.0.1:8080/api',
  QUIET_NOT_FOUND: 'QUIET_NOT_FOUND=true',
  ANSWER_IN_THREAD: 'ANSWER_IN_THREAD=false',
  ALLOW_DMS: 'ALLOW_DMS=false',
  FEEDBACK_MODAL: 'FEEDBACK_MODAL=true',
  COOLDOWN_SECONDS: 'COOLDOWN_SECONDS=5',
  MAX_CONCURRENT_QUESTIONS: 'MAX_CONCURRENT_QUESTIONS=4',
  LOG_QUESTIONS: 'LOG_QUESTIONS=hash',
  STORE: 'STORE=postgres',
  DATABASE_URL: 'DATABASE_URL=postgres://verbatim@127.0.0.1:5432/verbatim',
};

export interface Config {
  corpusDir: string;
  indexDir: string;
  embedder: 'auto' | 'minilm' | 'use';
  embeddingModel: string;
  embeddingDtype: 'q8' | 'fp32' | 'fp16' | 'int8' | 'uint8' | 'q4';
  modelsDir: string | undefined;
  modelCacheDir: string;
  embedWorkers: number;
  maxArticleBytes: number;
  answerThreshold: number | undefined;
  /** The followed feeds and pages (JSON), beside the corpus folder by default. */
  sourcesFile: string;
  /** Minutes between scheduled refreshes of the sources while the bot or harness runs; 0 turns it off. */
  refreshMinutes: number;
  fetch: { timeoutMs: number; maxBytes: number; retries: number; allowPrivate: boolean };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `verbatim serve`: where it listens by default, and the bearer token every API route but health needs (if set). */
  serve: { port: number; host: string; apiToken: string | undefined };
  /** The bot's /healthz and /readyz listener (HEALTH_PORT; none when unset). */
  health: { port: number; host: string } | null;
  /** Where the index lives: folders under indexDir, or PostgreSQL at databaseUrl. */
  store: { kind: 'files' } | { kind: 'postgres'; databaseUrl: string };
  /** SHARDS: the bot as one process, as a manager of shard processes, or as one of those shards. */
  sharding: Sharding;
  discord: {
    token: string | undefined;
    applicationId: string | undefined;
    guildId: string | undefined;
    answerChannels: string[];
    restApi: string | undefined;
    /** In answer channels, a question the articles do not answer gets no reply (only NOT_FOUND_REACTION, if set). */
    quietNotFound: boolean;
    notFoundReaction: string | undefined;
    answerInThread: boolean;
    allowDms: boolean;
    feedbackModal: boolean;
    /** The bot's own small database: answer channels set from Discord, votes, asked questions. */
    database: string;
    cooldownSeconds: number;
    maxConcurrentQuestions: number;
  };
  /** How question text (and user ids) appear in logs: as is, as a short hash, or not at all. */
  logQuestions: 'full' | 'hash' | 'none';
}

/** Parses settings from an environment object; throws CONFIG_INVALID naming the variable and an example. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'setting');
    const example = EXAMPLES[name];
    throw new VerbatimError('CONFIG_INVALID', `${name} is invalid: ${issue.message}`, {
      hint: `Set ${name} in .env or the environment${example ? `, for example ${example}` : ''} (see .env.example).`,
    });
  }
  const s = result.data;
  if (s.STORE === 'postgres' && !s.DATABASE_URL) {
    throw new VerbatimError('CONFIG_INVALID', 'DATABASE_URL is missing: STORE=postgres needs it.', {
      hint: `Set DATABASE_URL in .env or the environment, for example ${EXAMPLES.DATABASE_URL} (see .env.example).`,
    });
  }
  // SHARDS is not in the schema: inside a shard process discord.js has overwritten it (see config-shards.ts).
  const sharding = parseSharding(env);
  checkShardingStore(sharding, s.STORE);
  return {
    corpusDir: path.resolve(cwd, s.CORPUS_DIR),
    indexDir: path.resolve(cwd, s.INDEX_DIR),
    embedder: s.EMBEDDER,
    embeddingModel: s.EMBEDDING_MODEL,
    embeddingDtype: s.EMBEDDING_DTYPE,
    modelsDir: s.MODELS_DIR === undefined ? undefined : path.resolve(cwd, s.MODELS_DIR),
    modelCacheDir: path.resolve(cwd, s.MODEL_CACHE_DIR),
    embedWorkers: s.EMBED_WORKERS,
    maxArticleBytes: s.MAX_ARTICLE_BYTES,
    answerThreshold: s.ANSWER_THRESHOLD,
    sourcesFile: s.SOURCES_FILE === undefined ? defaultSourcesFile(path.resolve(cwd, s.CORPUS_DIR)) : path.resolve(cwd, s.SOURCES_FILE),
    refreshMinutes: s.REFRESH_MINUTES,
    fetch: { timeoutMs: s.FETCH_TIMEOUT_MS, maxBytes: s.FETCH_MAX_BYTES, retries: s.FETCH_RETRIES, allowPrivate: s.FETCH_ALLOW_PRIVATE },
    logLevel: s.LOG_LEVEL,
    serve: { port: s.SERVE_PORT, host: s.SERVE_HOST, apiToken: s.API_TOKEN },
    health: s.HEALTH_PORT === undefined ? null : { port: s.HEALTH_PORT, host: s.HEALTH_HOST },
    store: s.STORE === 'postgres' ? { kind: 'postgres', databaseUrl: s.DATABASE_URL! } : { kind: 'files' },
    sharding,
    discord: {
      token: s.DISCORD_TOKEN,
      applicationId: s.DISCORD_APPLICATION_ID,
      guildId: s.DISCORD_GUILD_ID,
      answerChannels: s.ANSWER_CHANNELS,
      restApi: s.DISCORD_REST_API,
      quietNotFound: s.QUIET_NOT_FOUND,
      notFoundReaction: s.NOT_FOUND_REACTION,
      answerInThread: s.ANSWER_IN_THREAD,
      allowDms: s.ALLOW_DMS,
      feedbackModal: s.FEEDBACK_MODAL,
      database: shardDatabase(path.resolve(cwd, s.BOT_DB), sharding),
      cooldownSeconds: s.COOLDOWN_SECONDS,
      maxConcurrentQuestions: s.MAX_CONCURRENT_QUESTIONS,
    },
    logQuestions: s.LOG_QUESTIONS,
  };
}

/** `<corpus>.sources.json` beside the corpus folder (outside it, so the reader never takes it for an article). */
export function defaultSourcesFile(corpusDir: string): string {
  return path.join(path.dirname(corpusDir), `${path.basename(corpusDir)}.sources.json`);
}

/** Reads `.env` (without overriding real environment variables) and parses the result. */
export function loadConfig(overrides: Record<string, string | undefined> = {}, env: Readonly<Record<string, string | undefined>> = process.env): Config {
  // .env fills only what `env` lacks, into a copy: reading settings never changes the process's environment.
  const settings = { ...env };
  loadDotenv({ quiet: true, processEnv: settings as Record<string, string> });
  return parseConfig({ ...settings, ...overrides });
}
