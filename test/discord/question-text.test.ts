import { describe, expect, it } from 'vitest';
import { findQuestion, isQuestionLike, questionAfterMention } from '../../src/discord/question-text.js';

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

describe('questionAfterMention', () => {
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
  ])('%s', (_why, given, expected) => {
    expect(findQuestion(given, BOT, [ANSWER_CHANNEL])).toEqual(expected);
  });
});
