/** Asking the engine on behalf of Discord, with one structured log line per question and a row in the bot store. */
import type { AskResult } from '../answer/types.js';
import type { BotContext, Origin } from './context.js';

export interface AskParams {
  /** The id of the message or interaction that asked: answers and votes are stored under it. */
  key?: string;
  previousQuestion?: string;
  /** "Find sources": the text is a claim, not a question. */
  claim?: boolean;
  /** /ask's since/until. */
  period?: { since?: string; until?: string };
}

export async function askEngine(ctx: BotContext, question: string, origin: Origin, params: AskParams = {}): Promise<AskResult> {
  const started = performance.now();
  const field = params.claim === true ? 'claim' : 'question';
  try {
    const result = params.claim === true
      ? await ctx.engine.findSources(question)
      : await ctx.engine.ask(question, { ...(params.previousQuestion === undefined ? {} : { previousQuestion: params.previousQuestion }), ...params.period });
    ctx.logger.info({
      event: 'question',
      ...origin,
      [field]: question,
      ...(result.followUp && result.followUp.rule !== 'standalone' ? { followUpRule: result.followUp.rule } : {}),
      latencyMs: Math.round(performance.now() - started),
      status: result.status,
      confidence: result.confidence,
      reason: result.reason,
      answers: result.answers.length,
      trace: result.trace,
    }, 'question answered');
    if (params.key !== undefined) {
      try {
        ctx.store.recordAsked({ key: params.key, question: result.question, status: result.status, confidence: result.confidence, via: origin.via, guild: origin.guild });
      } catch (error) {
        // The answer matters more than its statistics: log and carry on.
        ctx.logger.error({ event: 'store.failed', err: error }, 'could not record the question');
      }
    }
    return result;
  } catch (error) {
    ctx.logger.info({ event: 'question', ...origin, [field]: question, latencyMs: Math.round(performance.now() - started), status: 'error' }, 'question failed');
    throw error;
  }
}
