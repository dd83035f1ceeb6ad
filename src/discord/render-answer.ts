/** An AskResult as a Discord reply: quotes with citations, confidence, and buttons for more and feedback. */
import { ButtonStyle } from 'discord.js';
import type { AskResult, NotFoundReason, Quote } from '../answer/types.js';
import { answerFooter } from './answer-footer.js';
import { encodeButton } from './custom-ids.js';
import { fitBlocks, type Fitted, NOTE_ROOM } from './fit.js';
import { EMBED_DESCRIPTION_MAX, EMBEDS_TOTAL_MAX } from './limits.js';
import { buttonRow, reply, type ButtonSpec, type Reply } from './payload.js';
import { renderQuoteBlock } from './render-quote.js';
import { escapeText } from './escape.js';
import type { VoteCounts } from '../feedback/bot-store.js';

export const ANSWERED_TITLE = 'From the articles';
export const NOT_FOUND_TITLE = 'The articles do not say';
const ANSWERED_COLOUR = 0x2e7d32;
const NOT_FOUND_COLOUR = 0x9e9e9e;

const REASONS: Record<NotFoundReason, string> = {
  'below-threshold': 'Some passages are related, but none answers the question closely enough.',
  'no-candidates': 'No passage matches the question.',
  'empty-index': 'No articles are indexed yet; someone with Manage Server can run /reindex.',
  'unsupported-language': 'Only questions in English can be answered.',
  'no-match-in-period': 'Nothing from the period the question names answers it.',
};

function notFoundHeader(result: AskResult): string {
  const reason = result.reason === undefined ? '' : ` ${REASONS[result.reason]}`;
  const nearest = result.nearest.length > 0 ? '\n**Nearest passages** (related, but they do not answer it):' : '';
  return `**The articles do not say.**${reason}${nearest}`;
}

/** The quotes the answer embed shows, fitted to the room left by title, header and footer. */
function fitAnswer(result: AskResult, title: string, header: string): Fitted<Quote> {
  // Bold marks an answer; a nearest passage is not one, so its span is not shown.
  const quotes = result.status === 'answered' ? result.answers : result.nearest.map((q) => ({ ...q, span: null }));
  const room = Math.min(EMBED_DESCRIPTION_MAX, EMBEDS_TOTAL_MAX - title.length - answerFooter(result).length);
  const headerCost = header.length === 0 ? 0 : header.length + 2;
  return fitBlocks(quotes, room - headerCost - NOTE_ROOM, renderQuoteBlock);
}

/** Quotes for "More sources": answers that did not fit, then the engine's further supporting quotes. */
export function moreQuotes(result: AskResult): Quote[] {
  const dropped = result.status === 'answered' ? fitAnswer(result, ANSWERED_TITLE, headerOf(result)).dropped : [];
  return [...dropped, ...result.more];
}

/** What the embed says above the quotes: how a follow-up was read, the time applied, why nothing answers. */
function headerOf(result: AskResult): string {
  return [followUpLine(result), timeLine(result), result.status === 'answered' ? '' : notFoundHeader(result)].filter((part) => part.length > 0).join('\n');
}

/** A follow-up shows the question it was read as, so a wrong reading is visible at once. */
function followUpLine(result: AskResult): string {
  if (result.followUp === undefined || result.followUp.rule === 'standalone') return '';
  return `*Follow-up, read as:* ${escapeText(result.question)}`;
}

/** The period or "newest first" the engine applied, so an answer left out for its date is explained. */
function timeLine(result: AskResult): string {
  const time = result.trace.time;
  if (!time || (time.applied !== 'period' && time.applied !== 'latest' && time.applied !== 'period+latest')) return '';
  const said = time.words.length > 0 ? ` (${time.words.map((w) => `“${escapeText(w)}”`).join(', ')})` : '';
  const what = time.period ? (/^(?:from|until|no days)\b/.test(time.period) ? `news ${time.period}` : `news from ${time.period}`) : 'the newest news';
  return `*Time: ${what}${said}${time.applied === 'period+latest' ? ', newest first' : ''}.*`;
}

/** The 👍/👎 buttons, with the number of votes each has once anyone voted. */
export function voteButtons(key: string, votes: VoteCounts = { up: 0, down: 0 }): ButtonSpec[] {
  const count = (n: number) => (n > 0 ? ` (${n})` : '');
  return [
    { customId: encodeButton({ kind: 'vote', vote: 'up', key }), label: `Helpful${count(votes.up)}`, emoji: '👍' },
    { customId: encodeButton({ kind: 'vote', vote: 'down', key }), label: `Not helpful${count(votes.down)}`, emoji: '👎' },
  ];
}

/** `key` names this answer in button ids: the id of the message or interaction that asked. */
export function renderAnswer(result: AskResult, key: string, titles: { answered: string; notFound: string } = { answered: ANSWERED_TITLE, notFound: NOT_FOUND_TITLE }): Reply {
  const answered = result.status === 'answered';
  const title = answered ? titles.answered : titles.notFound;
  const header = headerOf(result);
  const fitted = fitAnswer(result, title, header);
  const note = answered && fitted.dropped.length > 0 ? `*${fitted.dropped.length} more quote(s) did not fit here; see More sources.*` : '';
  const description = [header, fitted.text, note].filter((part) => part.length > 0).join('\n\n');
  const extra = moreQuotes(result).length;
  const more: ButtonSpec = { customId: encodeButton({ kind: 'more', key }), label: `More sources (${extra})`, style: ButtonStyle.Primary };
  const buttons: ButtonSpec[] = [
    ...(extra > 0 ? [more] : []),
    ...voteButtons(key),
  ];
  return reply({
    embeds: [{ title, description, color: answered ? ANSWERED_COLOUR : NOT_FOUND_COLOUR, footer: { text: answerFooter(result) } }],
    components: [buttonRow(buttons)],
  });
}
