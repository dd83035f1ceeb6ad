/**
 * What a real server needs, end to end on the real discord.js client against the fake Discord: quiet answer
 * channels, follow-ups by reply, "Find sources for this message", stored votes and the admin-only report.
 * Uses the answers suite's bot (the fake's `askHere` channel is an answer channel; QUIET_NOT_FOUND is on by
 * default).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SOURCES_TITLE, SOURCES_TITLE } from '../../src/discord/handlers/find-sources-command.js';
import type { E2eEnv } from './e2e-env.js';
import type { RawMessage } from './fake-discord/entities.js';
import type { InteractionRecord } from './fake-discord/index.js';
import { Harness } from './harness.js';

const EPHEMERAL = 1 << 6;
let h: Harness;

function repliesTo(question: RawMessage): RawMessage[] {
  return [...h.fake.messages.values()].filter((m) => m.message_reference?.message_id === question.id);
}

async function replyTo(question: RawMessage): Promise<RawMessage> {
  return h.fake.until(() => repliesTo(question)[0], `a reply to message ${question.id}`);
}

async function loggedQuestion(text: string, field: 'question' | 'claim' = 'question') {
  return h.fake.until(() => h.logged('question').find((l) => l[field] === text), `a log line for "${text}"`);
}

async function finalReply(record: InteractionRecord): Promise<RawMessage> {
  return h.fake.until(() => (record.original !== null && (record.original.embeds.length > 0 || record.original.content !== '') ? record.original : null), `a reply to interaction ${record.id}`);
}

function customIds(message: RawMessage): string[] {
  return message.components.flatMap((row) => (row.components as Array<{ custom_id: string }>).map((b) => b.custom_id));
}

export function realServersSuite(env: () => E2eEnv): void {
  describe('real servers', () => {
    beforeAll(() => {
      h = env().answers;
    });

    it('stays silent in an answer channel on chatter and on questions the articles do not answer, and answers the rest', async () => {
      const chatter = h.fake.say('Is anyone up for lunch today?', { channel: h.fake.askHere });
      const unanswered = h.fake.say('How many tanks were in the parade?', { channel: h.fake.askHere });
      const answered = h.fake.say('What did Putin call Xi?', { channel: h.fake.askHere });
      await replyTo(answered);
      expect((await loggedQuestion('How many tanks were in the parade?')).status).toBe('not_found');
      expect(repliesTo(unanswered)).toEqual([]);
      expect(h.logged('question').some((l) => l.question === 'Is anyone up for lunch today?')).toBe(false);
      expect(repliesTo(chatter)).toEqual([]);
    });

    it('takes a two-word reply to an answer as a follow-up of its question', async () => {
      const first = h.fake.say('What did Putin call Xi?', { channel: h.fake.askHere });
      const answer = await replyTo(first);
      const followUp = h.fake.say('and Kim?', { channel: h.fake.askHere, replyTo: answer });
      const line = await loggedQuestion('and Kim?');
      expect(line).toMatchObject({ via: 'follow-up', followUpRule: 'substitute' });
      await replyTo(followUp);
      const unrelated = h.fake.say('and Kim?', { channel: h.fake.askHere });
      // The same two words, not a reply, are chat; a question sent after them shows they were handled.
      h.fake.say('What did Kim and Putin discuss?', { channel: h.fake.askHere });
      await loggedQuestion('What did Kim and Putin discuss?');
      expect(h.logged('question').filter((l) => l.question === 'and Kim?')).toHaveLength(1);
      expect(repliesTo(unrelated)).toEqual([]);
    });

    it('finds the article sentences that support a message, privately, or says none do', async () => {
      const claim = h.fake.say('Putin called Xi a dear friend at their meeting', { channel: h.fake.general });
      const found = await finalReply(h.fake.contextMenu('Find sources for this message', claim));
      expect(found.embeds[0]?.title).toBe(SOURCES_TITLE);
      expect(String(found.embeds[0]?.description)).toContain('dear friend');
      expect(found.flags ?? 0).toBe(EPHEMERAL);
      const nonsense = h.fake.say('The moon is made of green cheese says the cheese council', { channel: h.fake.general });
      const none = await finalReply(h.fake.contextMenu('Find sources for this message', nonsense));
      expect(none.embeds[0]?.title).toBe(NO_SOURCES_TITLE);
    });

    it('stores one vote per member per answer (a second click changes it) and shows it to admins only', async () => {
      const asked = h.fake.say(`${h.fake.botMention} What did Putin call Xi?`, { channel: h.fake.general });
      const answer = await replyTo(asked);
      const up = customIds(answer).find((id) => id.startsWith('vote:up:'))!;
      const down = customIds(answer).find((id) => id.startsWith('vote:down:'))!;
      const first = h.fake.click(answer, up);
      await h.fake.until(() => first.callbacks.length > 0, 'the first vote');
      const second = h.fake.click(answer, down);
      await h.fake.until(() => second.callbacks.length > 0, 'the second vote');
      const refused = await finalReply(h.fake.command('feedback', [{ name: 'report', type: 1, options: [] }], { admin: false }));
      expect(JSON.stringify(refused)).not.toContain('What did Putin call Xi?');
      const report = await finalReply(h.fake.command('feedback', [{ name: 'report', type: 1, options: [] }], { admin: true }));
      const text = JSON.stringify(report.embeds);
      expect(text).toMatch(/👎 1\*\* \/ 👍 0 What did Putin call Xi\?/);
    });
  });

  describe('a bot with DMs, answers in threads and a cooldown', () => {
    let bot: Harness;
    beforeAll(async () => {
      h = env().answers;
      bot = await Harness.start({ engine: env().engine.engine, env: { ALLOW_DMS: 'true', ANSWER_IN_THREAD: 'true', COOLDOWN_SECONDS: '60' } });
    });
    afterAll(async () => {
      await bot?.stop();
    });

    it('answers a direct message (and the bot without ALLOW_DMS does not)', async () => {
      const dm = bot.fake.dmWith(bot.fake.member);
      bot.fake.say('What did Putin call Xi?', { channel: dm });
      const answer = await bot.fake.until(() => bot.fake.botMessages(dm)[0], 'an answer in the DM');
      expect(String(answer.embeds[0]?.description)).toContain('dear friend');

      const quietDm = h.fake.dmWith(h.fake.owner);
      h.fake.say('What did Putin call Xi?', { channel: quietDm });
      // A question after it in a channel shows the DM was handled (ignored) by then.
      const later = h.fake.say(`${h.fake.botMention} Who hosted the parade?`, { channel: h.fake.general, author: h.fake.owner });
      await replyTo(later);
      expect(h.fake.botMessages(quietDm)).toEqual([]);
    });

    it('answers a mention in a new thread on the question', async () => {
      bot.fake.say(`${bot.fake.botMention} What did Putin call Xi?`, { channel: bot.fake.general, author: bot.fake.owner });
      const thread = await bot.fake.until(() => bot.fake.threadsIn(bot.fake.general)[0], 'a thread on the question');
      const answer = await bot.fake.until(() => bot.fake.botMessages(thread)[0], 'the answer in the thread');
      expect(String(answer.embeds[0]?.description)).toContain('dear friend');
    });

    it('tells a member who asks again within the cooldown how long to wait, without asking the engine', async () => {
      const asked = bot.fake.say(`${bot.fake.botMention} Who hosted the parade?`, { channel: bot.fake.general, author: bot.fake.member });
      const told = await bot.fake.until(() => [...bot.fake.messages.values()].find((m) => m.message_reference?.message_id === asked.id || (m.channel_id !== asked.channel_id && m.content.includes('wait'))), 'the cooldown reply');
      expect(told.content).toMatch(/wait \d+ s/);
      expect(bot.logged('question.limited').at(-1)).toMatchObject({ reason: 'cooldown' });
      expect(bot.logged('question').some((l) => l.question === 'Who hosted the parade?')).toBe(false);
    });
  });
}
