/** /feedback report and /stats as embeds. Question text is user text: escaped, never a ping. */
import type { EngineStats } from '../engine-types.js';
import type { AnswerRate, FeedbackReport } from '../feedback/bot-store.js';
import { escapeText } from './escape.js';
import { fitBlocks, shortenAtWord } from './fit.js';
import { EMBED_FIELD_VALUE_MAX } from './limits.js';
import { reply, type Reply } from './payload.js';

export const REPORT_TITLE = 'Feedback report';
export const STATS_TITLE = 'Bot statistics';
const QUESTION_MAX = 200;

function list<T>(rows: readonly T[], render: (row: T) => string, empty: string): string {
  if (rows.length === 0) return empty;
  return fitBlocks(rows, EMBED_FIELD_VALUE_MAX, (row) => render(row), '\n').text;
}

export function renderFeedbackReport(report: FeedbackReport, days: number | null): Reply {
  const scope = days === null ? 'all time' : `last ${days} day(s)`;
  return reply({
    embeds: [{
      title: REPORT_TITLE,
      description: `Questions the articles did not answer tell you what news to add; answers voted down tell you where the bot went wrong (${scope}).`,
      fields: [
        { name: 'Most-asked unanswered questions', value: list(report.unanswered, (r) => `**${r.count}×** ${escapeText(shortenAtWord(r.question, QUESTION_MAX))}`, 'None.') },
        {
          name: 'Answers voted down',
          value: list(report.downvoted, (r) => {
            const reasons = r.reasons.length === 0 ? '' : ` — “${escapeText(shortenAtWord(r.reasons.join('” “'), QUESTION_MAX))}”`;
            return `**👎 ${r.down}** / 👍 ${r.up} ${escapeText(shortenAtWord(r.question, QUESTION_MAX))}${reasons}`;
          }, 'None.'),
        },
      ],
    }],
  });
}

function percent(rate: AnswerRate): string {
  return rate.asked === 0 ? 'no questions yet' : `${Math.round((100 * rate.answered) / rate.asked)}% (${rate.answered} of ${rate.asked})`;
}

export function renderStats(stats: EngineStats, lastDay: AnswerRate): Reply {
  const embedder = `${stats.embedder.name} (${stats.embedder.dimension} dimensions)${stats.embedder.fallback ? ', fallback' : ''}`;
  return reply({
    embeds: [{
      title: STATS_TITLE,
      fields: [
        { name: 'Articles', value: String(stats.articles), inline: true },
        { name: 'Passages', value: String(stats.passages), inline: true },
        { name: 'Sentences', value: String(stats.sentences), inline: true },
        { name: 'Last refresh', value: stats.indexWrittenAt === null ? 'unknown' : `<t:${Math.floor(Date.parse(stats.indexWrittenAt) / 1000)}:R> (${stats.indexWrittenAt})`, inline: false },
        { name: 'Embedder', value: escapeText(embedder), inline: false },
        { name: 'Answered, last 24 hours', value: percent(lastDay), inline: false },
      ],
    }],
  });
}
