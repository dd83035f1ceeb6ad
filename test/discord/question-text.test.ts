import { describe, expect, it } from 'vitest';
import { findQuestion, isQuestionLike, questionAfterMention, readMessage } from '../../src/discord/question-text.js';

const BOT = '1300000000000000001';
const ANSWER_CHANNEL = '1300000000000000009';

describe('isQuestionLike', () => {
  it.each([
    ['ends with a question mark', 'Putin called Xi what?', true],
    ['opens with a question word, no mark', 'What did Putin call Xi', true],
    ['opens with an auxiliary', 'Did Kim attend the parade', true],
    ['a statement', 'Putin called Xi a dear friend.', false],
    ['too short to be a question for the articles', 'what?', false],
    ['two words, still chat', 'how so', false],
    ['question word after punctuation', '"Why did Xi host the parade"', true],
  ])('%s', (_why, text, expected) => {
    expect(isQuestionLike(text)).toBe(expected);
  });
});

describe('readMessage: questions for the articles versus chatter in an answer channel', () => {
  it.each([
    ['a news question', 'What did Putin call Xi?', { kind: 'question', text: 'What did Putin call Xi?' }],
    ['a request to the bot', 'Can you tell me what Putin called Xi?', { kind: 'question', text: 'Can you tell me what Putin called Xi?' }],
    ['lunch plans look like a question but ask the room', 'Is anyone up for lunch today?', { kind: 'chatter', why: 'addressed-to-people' }],
    ['a question to each other', 'Did you see the match last night?', { kind: 'chatter', why: 'addressed-to-people' }],
    ['a question about ourselves', 'What should we order for the party?', { kind: 'chatter', why: 'addressed-to-people' }],
    ['y’all, with a curly apostrophe', 'How are y’all doing today?', { kind: 'chatter', why: 'addressed-to-people' }],
    ['a statement', 'Putin called Xi a dear friend.', { kind: 'chatter', why: 'not-a-question' }],
    ['too short', 'why though?', { kind: 'chatter', why: 'too-short' }],
  ])('%s', (_why, text, expected) => {
    expect(readMessage(text, { addressedToBot: false })).toEqual(expected);
  });

  it('drops the room rule for messages addressed to the bot, with two words enough for a follow-up', () => {
    expect(readMessage('Did you find anything on Kim?', { addressedToBot: true })).toEqual({ kind: 'question', text: 'Did you find anything on Kim?' });
    expect(readMessage('and Kim?', { addressedToBot: true, minWords: 2 })).toEqual({ kind: 'question', text: 'and Kim?' });
    expect(readMessage('thanks!', { addressedToBot: true, minWords: 2 }).kind).toBe('chatter');
  });
});

describe('questionAfterMention', () => {
  it('counts a mention of the bot\'s managed role as a mention of the bot', () => {
    expect(questionAfterMention('<@&1300000000000000555> Who hosted the parade?', { userId: BOT, roleId: '1300000000000000555' })).toBe('Who hosted the parade?');
    expect(questionAfterMention('<@&1300000000000000556> Who hosted the parade?', { userId: BOT, roleId: '1300000000000000555' })).toBeNull();
  });

  it.each([
    ['mention first', `<@${BOT}> What did Putin call Xi?`, 'What did Putin call Xi?'],
    ['mention last', `What did Putin call Xi? <@${BOT}>`, 'What did Putin call Xi?'],
    ['nickname form', `<@!${BOT}> who hosted?`, 'who hosted?'],
    ['bare mention: empty question', `<@${BOT}>`, ''],
    ['someone else mentioned', '<@1300000000000000777> hi', null],
    ['no mention', 'What did Putin call Xi?', null],
  ])('%s', (_why, content, expected) => {
    expect(questionAfterMention(content, BOT)).toBe(expected);
  });
});

describe('findQuestion', () => {
  const message = (content: string, fields: { channelId?: string; fromBot?: boolean } = {}) => ({ content, channelId: fields.channelId ?? '1300000000000000008', fromBot: fields.fromBot ?? false });

  it.each([
    ['a mention anywhere is a question', message(`<@${BOT}> What did Putin call Xi?`), { text: 'What did Putin call Xi?', via: 'mention' }],
    ['a question in an answer channel needs no mention', message('What did Putin call Xi?', { channelId: ANSWER_CHANNEL }), { text: 'What did Putin call Xi?', via: 'channel' }],
    ['chat in an answer channel is left alone', message('nice weather today', { channelId: ANSWER_CHANNEL }), null],
    ['a question elsewhere without a mention is left alone', message('What did Putin call Xi?'), null],
    ['bots (this one too) are never answered, even when they mention it', message(`<@${BOT}> What did Putin call Xi?`, { fromBot: true }), null],
    ['lunch chatter in an answer channel is left alone', message('Is anyone up for lunch today?', { channelId: ANSWER_CHANNEL }), null],
    ['a follow-up needs no mention and no answer channel', { ...message('what about Kim?'), followUp: true }, { text: 'what about Kim?', via: 'follow-up' }],
    ['a "thanks" in the bot\'s thread is not a follow-up', { ...message('thanks a lot'), followUp: true }, null],
    ['everything in a DM is for the bot', { ...message('Putin Xi parade'), direct: true }, { text: 'Putin Xi parade', via: 'dm' }],
  ])('%s', (_why, given, expected) => {
    expect(findQuestion(given, BOT, [ANSWER_CHANNEL])).toEqual(expected);
  });
});
