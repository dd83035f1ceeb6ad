/**
 * Messages: @mentions (of the bot or its managed role) anywhere, questions in answer channels, follow-ups
 * (replies to an answer, messages in the bot's threads) and, with ALLOW_DMS, direct messages. Typing while
 * the engine works, then a reply, in a new thread with ANSWER_IN_THREAD. In answer channels a question the
 * articles do not answer gets no reply (QUIET_NOT_FOUND), at most a reaction.
 */
import { ChannelType, type Message, type SendableChannels } from 'discord.js';
import { askEngine } from '../ask.js';
import { isAnswerChannel, type BotContext } from '../context.js';
import { shortenAtWord } from '../fit.js';
import { followUpSource } from '../follow-up-source.js';
import { messageOrigin } from '../origin.js';
import { reply, type Reply } from '../payload.js';
import { findQuestion } from '../question-text.js';
import { limitMessage } from '../question-limits.js';
import { renderAnswer } from '../render-answer.js';
import { keepTyping } from '../typing.js';

export const BARE_MENTION_HINT = 'Ask me a question after the mention, for example: *What did Putin call Xi?*';
/** Discord's limit on a thread name. */
const THREAD_NAME_MAX = 100;

export async function handleMessage(ctx: BotContext, message: Message, botId: string): Promise<void> {
  if (message.author.bot || message.author.id === botId) return;
  const direct = message.guildId === null;
  if (direct && !ctx.config.discord.allowDms) return;
  const followUp = direct ? null : await followUpSource(ctx, message, botId);
  const roleId = message.guild?.roles.botRoleFor(botId)?.id ?? null;
  const answerChannel = !direct && isAnswerChannel(ctx, message.guildId, message.channelId);
  const found = findQuestion(
    { content: message.content, channelId: message.channelId, fromBot: false, direct, followUp: followUp !== null },
    { userId: botId, roleId },
    answerChannel ? [message.channelId] : [],
  );
  if (found === null) return;
  if (found.text.length === 0) {
    await message.reply(reply({ content: BARE_MENTION_HINT }));
    return;
  }
  const origin = messageOrigin(message, found.via);
  const quiet = found.via === 'channel' && ctx.config.discord.quietNotFound;
  const limit = ctx.limits.tryStart(message.author.id);
  if (!limit.ok) {
    ctx.logger.info({ event: 'question.limited', ...origin, reason: limit.reason }, 'question refused by the rate limits');
    // A member who did not address the bot is not told off in public.
    if (found.via !== 'channel') await message.reply(reply({ content: limitMessage(limit) }));
    return;
  }
  const channel = message.channel;
  const stopTyping = keepTyping(() => ('sendTyping' in channel ? channel.sendTyping() : Promise.resolve()), ctx.logger);
  try {
    const result = await askEngine(ctx, found.text, origin, { key: message.id, ...(followUp?.previous ? { previousQuestion: followUp.previous } : {}) });
    ctx.answers.set(message.id, result);
    if (quiet && result.status === 'not_found') {
      ctx.logger.debug({ event: 'question.quiet', ...origin }, 'not found in an answer channel: no reply');
      if (ctx.config.discord.notFoundReaction !== undefined) await message.react(ctx.config.discord.notFoundReaction);
      return;
    }
    const sent = await deliver(ctx, message, renderAnswer(result, message.id), found.via === 'channel' || found.via === 'mention', result.question);
    ctx.conversations.set(sent.id, result.question);
    if (sent.channel.isThread() && sent.channel.ownerId === botId) ctx.conversations.set(sent.channelId, result.question);
  } finally {
    stopTyping();
    limit.done();
  }
}

/** A reply to the question, or with ANSWER_IN_THREAD (for a new question in a server channel) the first message of a thread on it. */
async function deliver(ctx: BotContext, message: Message, payload: Reply, newQuestion: boolean, question: string): Promise<Message> {
  const canThread = newQuestion && ctx.config.discord.answerInThread && (message.channel.type === ChannelType.GuildText || message.channel.type === ChannelType.GuildAnnouncement);
  if (!canThread) return message.reply(payload);
  const name = shortenAtWord(message.content.replace(/<@[!&]?\d+>/g, '').replace(/\s+/g, ' ').trim(), THREAD_NAME_MAX) || 'Answer';
  const thread = await message.startThread({ name });
  // The thread's conversation is known before the answer is posted: a member may write in it first.
  ctx.conversations.set(thread.id, question);
  return (thread as SendableChannels).send(payload);
}
