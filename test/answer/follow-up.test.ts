import { describe, expect, it } from 'vitest';
import { namesIn, resolveFollowUp } from '../../src/answer/follow-up.js';

describe('namesIn', () => {
  it('finds runs of capitalised words after the first word', () => {
    expect(namesIn('What did Putin call Xi Jinping at the parade?').map((n) => n.text)).toEqual(['Putin', 'Xi Jinping']);
    expect(namesIn('Who hosted the parade?')).toEqual([]);
  });
});

describe('resolveFollowUp: the rule for follow-up questions', () => {
  it.each([
    ['"what about X" replaces the last name', 'What did Putin call Xi?', 'what about Kim?', 'What did Putin call Kim?', 'substitute'],
    ['"and X" does too', 'When did Xi meet Putin?', 'and Kim Jong Un?', 'When did Xi meet Kim Jong Un?', 'substitute'],
    ['"how about X" with no name before: X is added', 'Who hosted the military parade?', 'how about the fireworks?', 'Who hosted the military parade? (the fireworks)', 'append'],
    ['a pronoun becomes the first name before', 'What did Putin call Xi?', 'What did he say about Trump?', 'What did he say about Trump?', 'standalone'],
    ['a pronoun with no name of its own', 'What did Putin call Xi?', 'Where did he travel next?', 'Where did Putin travel next?', 'pronoun'],
    ['a possessive', 'Why did Kim visit Beijing?', 'Who was in his delegation?', 'Who was in Kim’s delegation?', 'pronoun'],
    ['a new question stands alone', 'What did Putin call Xi?', 'How many troops marched in the parade?', 'How many troops marched in the parade?', 'standalone'],
  ])('%s', (_why, previous, followUp, question, rule) => {
    expect(resolveFollowUp(previous, followUp)).toEqual({ question, rule });
  });
});
