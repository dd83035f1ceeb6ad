/** Asking the engine on behalf of Discord, with one structured log line per question. */
import type { AskResult } from '../answer/types.js';
import type { BotContext, Origin } from './context.js';

export async function askEngine(ctx: BotContext, question: string, origin: Origin): Promise<AskResult> {
  const started = performance.now();
  try {
    const result = await ctx.engine.ask(question);
    ctx.logger.info({
      event: 'question',
      ...origin,
      question,
      latencyMs: Math.round(performance.now() - started),
      status: result.status,
      confidence: result.confidence,
      reason: result.reason,
      answers: result.answers.length,
      trace: result.trace,
    }, 'question answered');
    return result;
  } catch (error) {
    ctx.logger.info({ event: 'question', ...origin, question, latencyMs: Math.round(performance.now() - started), status: 'error' }, 'question failed');
    throw error;
  }
}
