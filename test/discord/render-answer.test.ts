import { describe, expect, it } from 'vitest';
import { decodeButton } from '../../src/discord/custom-ids.js';
import { EMBED_DESCRIPTION_MAX } from '../../src/discord/limits.js';
import { limitViolations } from '../../src/discord/payload-limits.js';
import { ANSWERED_TITLE, moreQuotes, NOT_FOUND_TITLE, renderAnswer } from '../../src/discord/render-answer.js';
import { renderMoreSources } from '../../src/discord/render-more.js';
import { askResult, citation, quote } from './results.js';

const KEY = '1300000000000000042';
const dearFriend = quote('In response, Mr Putin called Mr Xi a “dear friend” and said ties are strong.', {
  span: 'dear friend',
  citation: { title: 'Xi hails old friend', publisher: null, date: null, paragraph: 11 },
  alsoReportedBy: [citation({ title: 'Putin in Beijing', publisher: 'AFP', date: '2025-09-02', paragraph: 3 })],
});

function description(result = askResult()): string {
  return renderAnswer(result, KEY).embeds[0]!.description!;
}

describe('renderAnswer: answered', () => {
  const result = askResult({ answers: [dearFriend], confidence: 0.82, confidenceWord: 'high' });
  const payload = renderAnswer(result, KEY);

  it('quotes the sentence with the answer span in bold', () => {
    expect(description(result)).toContain('> In response, Mr Putin called Mr Xi a “**dear friend**” and said ties are strong.');
  });

  it('numbers the citation and says "unknown" for what the article does not say', () => {
    expect(description(result)).toContain('**[1]** *Xi hails old friend* — unknown, unknown, ¶ 11');
  });

  it('shows the other sources that report the same', () => {
    expect(description(result)).toContain('↳ also reported by *Putin in Beijing* — AFP, 2025-09-02, ¶ 3');
  });

  it('titles the answer and puts confidence in words in the footer', () => {
    expect(payload.embeds[0]!.title).toBe(ANSWERED_TITLE);
    expect(payload.embeds[0]!.footer!.text).toBe('Confidence: high · Question: What did Putin call Xi?');
  });

  it('pings no one', () => {
    expect(payload.allowedMentions).toEqual({ parse: [] });
  });

  it('offers feedback buttons that name this answer, and no "More sources" when there are none', () => {
    const actions = payload.components.flatMap((row) => row.components.map((b) => decodeButton(b.custom_id)));
    expect(actions).toEqual([{ kind: 'vote', vote: 'up', key: KEY }, { kind: 'vote', vote: 'down', key: KEY }]);
  });

  it('offers "More sources" with a count when the engine has more', () => {
    const withMore = renderAnswer(askResult({ answers: [dearFriend], more: [quote('Another supporting sentence.')] }), KEY);
    const first = withMore.components[0]!.components[0]!;
    expect(decodeButton(first.custom_id)).toEqual({ kind: 'more', key: KEY });
    expect(first.label).toBe('More sources (1)');
  });
});

describe('renderAnswer: not found', () => {
  const nearest = quote('Mr Xi will oversee the parade to mark the 80th anniversary.', { citation: { title: 'Parade day', paragraph: 4 } });
  const result = askResult({ status: 'not_found', confidence: 0.3, confidenceWord: 'low', reason: 'below-threshold', nearest: [nearest], question: 'How many tanks were in the parade?' });

  it('says plainly that the articles do not say, and why', () => {
    const payload = renderAnswer(result, KEY);
    expect(payload.embeds[0]!.title).toBe(NOT_FOUND_TITLE);
    expect(description(result)).toMatch(/^\*\*The articles do not say\.\*\* Some passages are related, but none answers/);
  });

  it('shows the nearest passages as such, not as answers (no span in bold)', () => {
    const spanned = askResult({ ...result, nearest: [quote(nearest.sentence, { span: '80th', citation: { title: 'Parade day', paragraph: 4 } })] });
    expect(description(spanned)).toContain('**Nearest passages** (related, but they do not answer it):');
    expect(description(spanned)).toContain('> Mr Xi will oversee the parade to mark the 80th anniversary.');
  });

  it('says only that, when there is nothing near', () => {
    expect(description(askResult({ status: 'not_found', confidence: 0, reason: 'empty-index' }))).toBe(
      '**The articles do not say.** No articles are indexed yet; someone with Manage Server can run /reindex.',
    );
  });
});

describe('renderAnswer: fitting Discord limits', () => {
  const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');
  const longQuotes = [1, 2, 3].map((n) => quote(`${words(300, `w${n}x`)}.`, { citation: { title: `Long ${n}`, paragraph: n } }));

  it('drops whole quotes rather than cutting one, and says so', () => {
    const result = askResult({ answers: longQuotes });
    const text = description(result);
    expect(longQuotes.reduce((sum, q) => sum + q.sentence.length, 0)).toBeGreaterThan(EMBED_DESCRIPTION_MAX);
    const shown = longQuotes.filter((q) => text.includes(q.sentence));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(longQuotes.length);
    expect(text).not.toContain('…');
    expect(text).toContain(`*${longQuotes.length - shown.length} more quote(s) did not fit here; see More sources.*`);
    expect(limitViolations(renderAnswer(result, KEY))).toEqual([]);
  });

  it('hands the dropped quotes to "More sources", before the engine\'s own extras', () => {
    const extra = quote('An extra supporting sentence.');
    const result = askResult({ answers: longQuotes, more: [extra] });
    const more = moreQuotes(result);
    expect(more.at(-1)).toBe(extra);
    expect(more.length).toBeGreaterThan(1);
    expect(limitViolations(renderMoreSources(result))).toEqual([]);
  });

  it('shortens a single quote too long for any message at a word, with an ellipsis', () => {
    const huge = quote(`${words(1200, 'h')}.`);
    const text = description(askResult({ answers: [huge] }));
    expect(text).toMatch(/h\d+…\n\*\*\[1\]\*\*/);
    expect(limitViolations(renderAnswer(askResult({ answers: [huge] }), KEY))).toEqual([]);
  });

  it('keeps a quote with mentions and markdown inert', () => {
    const risky = quote('A notice to @everyone from <@123456789012345678> said *free* __tickets__.', { span: '*free*' });
    const text = description(askResult({ answers: [risky] }));
    expect(text).not.toMatch(/@everyone|<@\d/);
    expect(text).toContain('said **\\*free\\*** \\_\\_tickets\\_\\_.');
  });
});
