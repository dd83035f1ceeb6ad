/** Finding the question in a message: after an @mention of the bot, or a question-like line in an answer channel. */

const QUESTION_WORDS = new Set([
  'who', 'whom', 'whose', 'what', 'when', 'where', 'which', 'why', 'how',
  'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'has', 'have', 'had',
]);

/** Shorter messages ("what?", "how so") are chat, not questions for the articles. */
const MIN_QUESTION_WORDS = 3;

function mentionPattern(botId: string): RegExp {
  return new RegExp(`<@!?${botId}>`, 'g');
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The message with the bot's mentions removed, or null when the message does not mention the bot. */
export function questionAfterMention(content: string, botId: string): string | null {
  if (!mentionPattern(botId).test(content)) return null;
  return tidy(content.replace(mentionPattern(botId), ' '));
}

/** True for a message that reads as a question: ends with "?" or opens with a question word, in three words or more. */
export function isQuestionLike(content: string): boolean {
  const text = tidy(content);
  const words = text.split(' ').filter(Boolean);
  if (words.length < MIN_QUESTION_WORDS) return false;
  const first = words[0]!.toLowerCase().replace(/[^a-z']/g, '');
  return text.endsWith('?') || QUESTION_WORDS.has(first);
}

export interface IncomingMessage {
  content: string;
  channelId: string;
  /** Bots (this one included) are never answered: two bots could otherwise answer each other forever. */
  fromBot: boolean;
}

export interface FoundQuestion {
  /** May be empty: a bare mention, answered with a hint. */
  text: string;
  via: 'mention' | 'channel';
}

/** The question a message asks the bot, or null when it is not addressed to the bot. */
export function findQuestion(message: IncomingMessage, botId: string, answerChannels: readonly string[]): FoundQuestion | null {
  if (message.fromBot) return null;
  const afterMention = questionAfterMention(message.content, botId);
  if (afterMention !== null) return { text: afterMention, via: 'mention' };
  if (answerChannels.includes(message.channelId) && isQuestionLike(message.content)) return { text: tidy(message.content), via: 'channel' };
  return null;
}
