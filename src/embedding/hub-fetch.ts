/**
 * A fetch for Transformers.js that gives up when the Hugging Face Hub has not started answering in time.
 *
 * Why: with no route to the Hub, DNS usually fails within ~0.1 s ("fetch failed", ENOTFOUND), but a firewall
 * that drops packets, or a dead DNS server, can keep the first request pending for minutes, and the bot would
 * sit in warm-up instead of falling back. Only the wait for response headers is bounded: a 23 MB model download
 * on a slow link must still be allowed to finish.
 */
export const HUB_RESPONSE_TIMEOUT_MS = 15_000;

export class HubTimeoutError extends Error {
  constructor(readonly url: string, readonly timeoutMs: number) {
    super(`no answer from ${new URL(url).host} within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'HubTimeoutError';
  }
}

type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Wraps the global fetch (looked up on each call, so tests can watch it) with a response-header deadline. */
export function fetchWithResponseTimeout(timeoutMs: number = HUB_RESPONSE_TIMEOUT_MS): Fetch {
  return async (input, init = {}) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new HubTimeoutError(String(input), timeoutMs)), timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      return await globalThis.fetch(input, { ...init, signal });
    } catch (error) {
      throw controller.signal.aborted ? controller.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
  };
}
