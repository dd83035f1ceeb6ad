/**
 * Finding the question in a message, and telling questions for the articles from chatter.
 *
 * The rule (README "Answer channels"): a message in an answer channel is a question for the articles when
 *   1. it reads as a question: it ends with "?" or opens with a question word (who, what, … is, did, can…),
 *      or with a request to the bot ("can you tell me …", "tell me …");
 *   2. it has at least three words ("what?", "how so" are chat);
 *   3. it is not addressed to the people in the room: no "anyone", "someone", "everyone", "guys", "folks",
 *      "y'all" …, and no "I/me/my/we/us/our/you/your" (questions about ourselves and each other:
 *      "Is anyone up for lunch today?", "Did you see the match?") — except in a request to the bot
 *      ("Can you tell me what Putin called Xi?").
 * A message that passes is asked; in an answer channel an unanswered one still gets no reply (QUIET_NOT_FOUND).
 * @mentions and DMs are addressed to the bot and always asked. Follow-ups (replies to an answer, messages
 * in the bot's thread) skip rule 3 and need two words instead of three: "and Kim?" follows up, "thanks!"
 * does not.
 */

const QUESTION_WORDS = new Set([
  'who', 'whom', 'whose', 'what', 'whats', "what's", 'when', 'where', 'which', 'why', 'how',
  'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'has', 'have', 'had',
]);

/** Words that address the people in the channel rather than the articles. */
const ROOM_WORDS = new Set(['anyone', 'anybody', 'someone', 'somebody', 'everyone', 'everybody', "y'all", 'yall', 'guys', 'folks', 'lads', 'u', 'ya']);
const PERSONAL_WORDS = new Set(['i', "i'm", 'im', "i've", 'me', 'my', 'we', "we're", 'us', 'our', 'you', "you're", 'your', 'yours']);

/** "Can you tell me …", "tell me …": the rest of the message is the question, asked of the bot. */
const REQUEST = /^(?:(?:can|could|would|will) you |please )?(?:tell|show|give) me(?: about)? |^(?:(?:can|could|would|will) you |please )?(?:find|explain|summari[sz]e) /i;

/** Shorter messages ("what?", "how so") are chat, not questions for the articles. */
export const MIN_QUESTION_WORDS = 3;
export const MIN_FOLLOW_UP_WORDS = 2;

export type Reading = { kind: 'question'; text: string } | { kind: 'chatter'; why: 'too-short' | 'not-a-question' | 'addressed-to-people' };

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** True for a message that reads as a question: ends with "?" or opens with a question word, in three words or more. */
export function isQuestionLike(content: string, minWords = MIN_QUESTION_WORDS): boolean {
  const text = tidy(content);
  const words = wordsOf(text);
  if (words.length < minWords) return false;
  return text.endsWith('?') || QUESTION_WORDS.has(words[0]!) || REQUEST.test(text.replace(/^["'“‘(]+/, ''));
}

/**
 * How a message reads. `addressedToBot` (mentions, DMs, follow-ups) drops the room rule; `minWords` is three
 * for channel questions and two for follow-ups.
 */
export function readMessage(content: string, options: { addressedToBot: boolean; minWords?: number } = { addressedToBot: false }): Reading {
  const text = tidy(content);
  const minWords = options.minWords ?? MIN_QUESTION_WORDS;
  const words = wordsOf(text);
  if (words.length < minWords) return { kind: 'chatter', why: 'too-short' };
  if (!isQuestionLike(text, minWords)) return { kind: 'chatter', why: 'not-a-question' };
  if (options.addressedToBot) return { kind: 'question', text };
  const request = REQUEST.exec(text);
  const rest = request === null ? words : wordsOf(text.slice(request[0].length));
  if (rest.some((w) => ROOM_WORDS.has(w) || PERSONAL_WORDS.has(w))) return { kind: 'chatter', why: 'addressed-to-people' };
  return { kind: 'question', text };
}

export interface BotIdentity {
  userId: string;
  /** The bot's managed role in this guild: mentioning it is mentioning the bot. */
  roleId?: string | null;
}

function mentionPattern(bot: BotIdentity): RegExp {
  const role = bot.roleId ? `|<@&${bot.roleId}>` : '';
  return new RegExp(`<@!?${bot.userId}>${role}`, 'g');
}

/** The message with the bot's mentions removed, or null when the message does not mention the bot. */
export function questionAfterMention(content: string, bot: BotIdentity | string): string | null {
  const identity = typeof bot === 'string' ? { userId: bot } : bot;
  if (!mentionPattern(identity).test(content)) return null;
  return tidy(content.replace(mentionPattern(identity), ' '));
}

export interface IncomingMessage {
  content: string;
  channelId: string;
  /** Bots (this one included) are never answered: two bots could otherwise answer each other forever. */
  fromBot: boolean;
  /** A direct message (only seen when ALLOW_DMS is on). */
  direct?: boolean;
  /** A reply to one of the bot's answers, or a message in a thread the bot started. */
  followUp?: boolean;
}

export interface FoundQuestion {
  /** May be empty: a bare mention, answered with a hint. */
  text: string;
  via: 'mention' | 'channel' | 'follow-up' | 'dm';
}

/** The question a message asks the bot, or null when it is not addressed to the bot (or is chatter). */
export function findQuestion(message: IncomingMessage, bot: BotIdentity | string, answerChannels: readonly string[]): FoundQuestion | null {
  if (message.fromBot) return null;
  const afterMention = questionAfterMention(message.content, bot);
  if (afterMention !== null) return { text: afterMention, via: message.followUp === true ? 'follow-up' : 'mention' };
  // Everything in a DM is written to the bot; an empty one gets the hint.
  if (message.direct === true) return { text: tidy(message.content), via: 'dm' };
  if (message.followUp === true) {
    const reading = readMessage(message.content, { addressedToBot: true, minWords: MIN_FOLLOW_UP_WORDS });
    return reading.kind === 'question' ? { text: reading.text, via: 'follow-up' } : null;
  }
  if (!answerChannels.includes(message.channelId)) return null;
  const reading = readMessage(message.content, { addressedToBot: false });
  return reading.kind === 'question' ? { text: reading.text, via: 'channel' } : null;
}
