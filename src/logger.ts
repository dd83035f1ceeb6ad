/**
 * The structured logger every part shares: pino, JSON lines on stderr (stdout stays free for results).
 * Secrets never reach the output: token-named fields are redacted by path, and the literal token value
 * is scrubbed from every line, wherever it hides (an error message, a URL, a nested object).
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { Config } from './config.js';
import { applyQuestionLogging } from './log-privacy.js';

export type Logger = PinoLogger;

export const REDACTED = '[redacted]';

/** Field paths that hold credentials in anything we or discord.js might log. */
const REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
];

/** Shorter strings are too likely to occur by chance to be worth scrubbing as secrets. */
const MIN_SECRET_LENGTH = 8;

/** Replaces every occurrence of each secret in `text`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  return scrubbed;
}

export interface LoggerOptions {
  /** Where JSON lines go; stderr unless given (tests pass a collecting stream). */
  destination?: DestinationStream;
}

export function createLogger(config: Pick<Config, 'logLevel' | 'discord'> & Partial<Pick<Config, 'logQuestions'>>, options: LoggerOptions = {}): Logger {
  const questions = config.logQuestions ?? 'hash';
  const secrets = [config.discord.token].filter((value): value is string => value !== undefined);
  return pino(
    {
      level: config.logLevel,
      base: { app: 'verbatim' },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Question text and user ids follow LOG_QUESTIONS on every line (see log-privacy.ts).
      formatters: { log: (fields) => applyQuestionLogging(fields, questions) },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
