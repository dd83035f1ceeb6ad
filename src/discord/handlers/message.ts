/** @mentions anywhere, and questions in ANSWER_CHANNELS: typing while the engine works, then a reply. */
import type { Message } from 'discord.js';
import { askEngine } from '../ask.js';
import type { BotContext } from '../context.js';
import { messageOrigin } from '../origin.js';
import { reply } from '../payload.js';
import { findQuestion } from '../question-text.js';
import { renderAnswer } from '../render-answer.js';
import { keepTyping } from '../typing.js';

export const BARE_MENTION_HINT = 'Ask me a question after the mention, for example: *What did Putin call Xi?*';

export async function handleMessage(ctx: BotContext, message: Message, botId: string): Promise<void> {
  const found = findQuestion(
    { content: message.content, channelId: message.channelId, fromBot: message.author.bot || message.author.id === botId },
    botId,
    ctx.config.discord.answerChannels,
  );
  if (found === null) return;
  if (found.text.length === 0) {
    await message.reply(reply({ content: BARE_MENTION_HINT }));
    return;
  }
  const channel = message.channel;
  const stopTyping = keepTyping(() => ('sendTyping' in channel ? channel.sendTyping() : Promise.resolve()), ctx.logger);
  try {
    const result = await askEngine(ctx, found.text, messageOrigin(message, found.via));
    ctx.answers.set(message.id, result);
    await message.reply(renderAnswer(result, message.id));
  } finally {
    stopTyping();
  }
}
