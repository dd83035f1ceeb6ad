/** Turns whatever Transformers.js throws while loading a model into a short reason a person can act on. */
import { HubTimeoutError } from './hub-fetch.js';

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const MAX_REASON_LENGTH = 200;

/** A few words: which file is missing, that the Hub is unreachable or slow, or the library's own first line. */
export function describeModelLoadFailure(error: unknown): string {
  const timeout = findInCauses(error, (e): e is HubTimeoutError => e instanceof HubTimeoutError);
  if (timeout) return `the Hugging Face Hub did not answer within ${Math.round(timeout.timeoutMs / 1000)} s`;
  const code = networkCode(error);
  if (code) return `the Hugging Face Hub is unreachable (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  const missing = /file was not found locally at "([^"]+)"/.exec(message);
  if (missing) return `model file not found: ${missing[1]}`;
  if (/fetch failed/i.test(message)) return 'the Hugging Face Hub is unreachable';
  const firstLine = message.split('\n')[0]!.trim();
  return firstLine.length > MAX_REASON_LENGTH ? `${firstLine.slice(0, MAX_REASON_LENGTH - 1)}…` : firstLine;
}

function networkCode(error: unknown): string | undefined {
  const withCode = findInCauses(error, (e): e is Error & { code: string } => {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' && NETWORK_CODES.has(code);
  });
  return withCode?.code;
}

function findInCauses<T extends Error>(error: unknown, match: (e: Error) => e is T): T | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (match(current)) return current;
  }
  return undefined;
}
