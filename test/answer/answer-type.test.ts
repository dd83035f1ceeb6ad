/** What kind of answer a question asks for, from its wh-phrase; each row says which rule decides. */
import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question.js';

describe('answer types from the wh-phrase', () => {
  it.each([
    ['Which local councillor was picked for West Ham?', 'person', 'a role noun asks for a person'],
    ['which labour mp said blair got a roasting', 'person', 'lower-case chat, "mp" is a role'],
    ['Which senior cabinet figure hosted the dinner?', 'person', '"figure" after other nouns is a person'],
    ['What figure did the survey give?', 'number', '"figure" alone asks for a number'],
    ['Which three Manchester United directors were voted off?', 'person', 'a lower-cased club name the tagger calls a verb stays in the phrase'],
    ['Which US digital music distributor bought the brand?', 'org', '"distributor" is an organisation'],
    ['Ruth Kelly has admitted links to which religious group?', 'org', 'the wh-word may come late'],
    ["What's the minimum Russian ownership a company needs?", 'number', '"minimum" asks for a figure'],
    ['What growth rate is Beijing targeting?', 'number', '"rate" asks for a figure'],
    ['in the bbc trust poll what % said politicians never answer straight', 'number', 'a percent sign, not the later "politicians"'],
    ['how big was the uk trade gap in novmber', 'number', '"how big" asks for a measure'],
    ['How quickly were the tickets snapped up?', 'duration', '"how quickly" asks for a time span'],
    ['how come argonaut games let go 100 staff', 'reason', '"how come" is why'],
    ['What made Beverley Knight sing on the single?', 'reason', '"what made" asks for a cause'],
    ['What economic reason did Egypt have for signing?', 'reason', '"reason" as the head noun'],
    ['Which film won the documentary prize?', 'name', 'a titled work asks for a name'],
    ['What did it cost Sony to make the film?', 'number', '"what did … cost" asks for a sum'],
    ['Which nine-times champion won’t come out of retirement?', 'person', '"times" inside a compound is not a date'],
    ['What did Xi condemn on Monday?', 'other', 'no head noun: the answer is free text'],
  ])('%s → %s (%s)', (question, type) => {
    expect(analyzeQuestion(question).type).toBe(type);
  });

  it.each([
    ['Which banks had Parmalat sued before?', true, 'a plural head noun'],
    ['What two prizes did Ant and Dec take home?', true, 'a count word'],
    ['Which Russian women won Grand Slam titles?', true, 'an irregular plural'],
    ['Which club was Benitez in charge of?', false, 'one club'],
  ])('%s asks for several: %s (%s)', (question, list) => {
    expect(analyzeQuestion(question).list).toBe(list);
  });

  it('drops the measure word of "how big/fast" from the terms: the answer does not repeat it', () => {
    expect(analyzeQuestion('how big was the trade gap').terms).not.toContain('big');
    expect(analyzeQuestion('how fast was the express going').terms).not.toContain('fast');
  });
});
