/** Shows "typing…" while the engine works, renewing it before Discord lets it lapse. */
import type { Logger } from '../logger.js';
import { TYPING_RENEW_MS } from './limits.js';

/** Starts the indicator and returns the function that stops renewing it (the reply itself ends it). */
export function keepTyping(sendTyping: () => Promise<unknown>, logger: Logger): () => void {
  const send = (): void => {
    sendTyping().catch((error: unknown) => logger.debug({ err: error }, 'typing indicator failed'));
  };
  send();
  const timer = setInterval(send, TYPING_RENEW_MS);
  return () => clearInterval(timer);
}
