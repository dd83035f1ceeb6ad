import { describe, expect, it } from 'vitest';
import { escapeText, neutraliseMentions } from '../../src/discord/escape.js';

const ZWSP = '\u200B';

describe('escapeText', () => {
  it.each([
    ['plain prose is left alone', 'Mr Putin called Mr Xi a “dear friend”.', 'Mr Putin called Mr Xi a “dear friend”.'],
    ['asterisks cannot make bold or italics', 'a *b* **c**', 'a \\*b\\* \\*\\*c\\*\\*'],
    ['underscores cannot make italics or underline', 'snake_case __x__', 'snake\\_case \\_\\_x\\_\\_'],
    ['backticks cannot open code', 'run `rm -rf`', 'run \\`rm -rf\\`'],
    ['pipes cannot hide a spoiler', '||secret||', '\\|\\|secret\\|\\|'],
    ['tildes cannot strike through', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['a heading at the start stays text', '# Breaking', '\\# Breaking'],
    ['a list marker at the start stays text', '- one', '\\- one'],
    ['a block quote marker at the start stays text', '> quoted', '\\> quoted'],
    ['a masked link cannot be formed', '[click](https://evil.example)', '\\[click](https://evil.example)'],
    ['a line break becomes a space, so what followed it is mid-line and cannot start markup', 'one\n# two', 'one # two'],
    ['@everyone cannot ping', 'hello @everyone', `hello @${ZWSP}everyone`],
    ['@here cannot ping', 'hello @here', `hello @${ZWSP}here`],
    ['a user mention becomes text', 'by <@123456789012345678>', `by <${ZWSP}@123456789012345678>`],
    ['a nickname mention becomes text', 'by <@!123456789012345678>', `by <${ZWSP}@!123456789012345678>`],
    ['a role mention becomes text', 'the <@&234567890123456789> crew', `the <${ZWSP}@&234567890123456789> crew`],
    ['a channel mention becomes text', 'in <#345678901234567890>', `in <${ZWSP}#345678901234567890>`],
    ['a timestamp cannot render', 'at <t:1700000000:F>', `at <${ZWSP}t:1700000000:F>`],
    ['a custom emoji cannot render', '<:party:123456789012345678>', `<${ZWSP}:party:123456789012345678>`],
    ['a comparison is not a mention', 'x < y and 3 <4', 'x < y and 3 <4'],
  ])('%s', (_why, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('neutraliseMentions', () => {
  it('leaves an email address readable', () => {
    expect(neutraliseMentions('write to desk@example.com')).toBe('write to desk@example.com');
  });
});
