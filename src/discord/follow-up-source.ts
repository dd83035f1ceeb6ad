/**
 * Whether a message follows up one of the bot's answers, and which question it follows: a reply to a bot
 * answer (remembered, or read from the answer's footer after a restart), or a message in a thread the bot
 * started (the question last answered there).
 */
import type { Message } from 'discord.js';
import { questionFromFooter } from './answer-footer.js';
import type { BotContext } from './context.js';

export interface FollowUpSource {
  /** The previous question, or null when it is no longer known (the message is then asked as written). */
  previous: string | null;
}

export async function followUpSource(ctx: BotContext, message: Message, botId: string): Promise<FollowUpSource | null> {
  const referenced = message.reference?.messageId;
  if (referenced !== undefined && message.reference?.channelId === message.channelId) {
    const remembered = ctx.conversations.get(referenced);
    if (remembered !== undefined) return { previous: remembered };
    const original = await message.fetchReference().catch(() => null);
    if (original === null || original.author.id !== botId) return null;
    return { previous: questionFromFooter(original.embeds[0]?.footer?.text) };
  }
  const channel = message.channel;
  if (channel.isThread() && channel.ownerId === botId) return { previous: ctx.conversations.get(channel.id) ?? null };
  return null;
}
