/**
 * The bot in a real server's shape, end to end (real discord.js against the fake Discord, real engine):
 * quiet answer channels and chatter, follow-ups by reply and in the bot's threads, the managed role,
 * DMs on and off, "Find sources for this message", stored votes with the "what was wrong?" form and
 * the report (across a restart), /channels, /stats, cooldowns and LOG_QUESTIONS.
 */
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButton } from '../../src/discord/custom-ids.js';
import { NO_SOURCES_TITLE, SOURCES_TITLE } from '../../src/discord/handlers/find-sources-command.js';
import { REASON_FIELD } from '../../src/discord/handlers/votes.js';
import { operatorRefusal } from '../../src/discord/operator-gate.js';
import { ANSWERED_TITLE, NOT_FOUND_TITLE } from '../../src/discord/render-answer.js';
import { REPORT_TITLE, STATS_TITLE } from '../../src/discord/render-report.js';
import { shortHash } from '../../src/log-privacy.js';
import type { E2eEnv } from './e2e-env.js';
import type { RawChannel, RawMessage } from './fake-discord/entities.js';
import type { InteractionRecord } from './fake-discord/index.js';
import { Harness } from './harness.js';

const DEAR_FRIEND = 'In response, Mr Putin called Mr Xi a “**dear friend**”';
const NOT_ANSWERED = 'How many tanks were in the parade?';
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const REACTION = '🔍';

/** a: answer channel, quiet not-found with a reaction, DMs allowed. b: answers in threads, 60 s cooldown, hashed logs. c: LOG_QUESTIONS=none. */
let a: Harness;
let b: Harness;
let c: Harness;

function description(message: RawMessage): string {
  return String(message.embeds[0]?.description ?? '');
}

function customIds(message: RawMessage): string[] {
  return message.components.flatMap((row) => (row.components as Array<{ custom_id: string }>).map((x) => x.custom_id));
}

function labels(message: RawMessage): string[] {
  return message.components.flatMap((row) => (row.components as Array<{ label: string }>).map((x) => x.label));
}

async function replyTo(h: Harness, question: RawMessage): Promise<RawMessage> {
  return h.fake.until(() => [...h.fake.messages.values()].find((m) => m.author.id === h.fake.bot.id && m.message_reference?.message_id === question.id), `a reply to message ${question.id}`);
}

async function settled(h: Harness, record: InteractionRecord, what: string): Promise<RawMessage> {
  return h.fake.until(() => (record.callbacks.length > 0 && record.original !== null && (record.original.flags & LOADING) === 0 && (record.original.embeds.length > 0 || record.original.content !== '') ? record.original : null), what);
}

function repliesTo(h: Harness, question: RawMessage): RawMessage[] {
  return [...h.fake.messages.values()].filter((m) => m.author.id === h.fake.bot.id && m.message_reference?.message_id === question.id);
}

function fieldValue(message: RawMessage, name: string): string {
  const fields = (message.embeds[0]?.fields ?? []) as Array<{ name: string; value: string }>;
  return fields.find((f) => f.name === name)?.value ?? '';
}

export function serversSuite(env: () => E2eEnv): void {
  describe('servers', () => {
    beforeAll(async () => {
      const engine = env().engine.engine;
      [a, b, c] = await Promise.all([
        Harness.start({ engine, answerChannel: true, env: { NOT_FOUND_REACTION: REACTION, ALLOW_DMS: 'true' } }),
        Harness.start({ engine, env: { ANSWER_IN_THREAD: 'true', COOLDOWN_SECONDS: '60', LOG_QUESTIONS: 'hash' } }),
        Harness.start({ engine, env: { LOG_QUESTIONS: 'none' } }),
      ]);
    });

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    });

    describe('answer channels', () => {
      it('stays quiet (a reaction only) when the articles do not answer a question in an answer channel', async () => {
        const asked = a.fake.say(NOT_ANSWERED, { channel: a.fake.askHere });
        await a.fake.until(() => a.fake.reactions.get(asked.id), 'the not-found reaction');
        expect(a.fake.reactions.get(asked.id)).toEqual([encodeURIComponent(REACTION) === REACTION ? REACTION : REACTION]);
        expect(a.logged('question').find((l) => l.question === NOT_ANSWERED)).toMatchObject({ via: 'channel', status: 'not_found' });
        // The answered question after it gets its reply; by then a reply to the first would have arrived too.
        const next = a.fake.say('What did Putin call Xi?', { channel: a.fake.askHere });
        expect(description(await replyTo(a, next))).toContain(DEAR_FRIEND);
        expect(repliesTo(a, asked)).toEqual([]);
      });

      it('says "not found" out loud when asked by @mention', async () => {
        const reply = await replyTo(a, a.fake.say(`${a.fake.botMention} ${NOT_ANSWERED}`, { channel: a.fake.askHere }));
        expect(reply.embeds[0]?.title).toBe(NOT_FOUND_TITLE);
      });

      it('leaves chatter that looks like a question alone: nothing is asked, nothing is sent', async () => {
        const chatter = a.fake.say('Is anyone up for lunch today?', { channel: a.fake.askHere });
        const next = a.fake.say('Who did Xi call an old friend?', { channel: a.fake.askHere });
        await replyTo(a, next);
        expect(repliesTo(a, chatter)).toEqual([]);
        expect(a.fake.reactions.get(chatter.id)).toBeUndefined();
        expect(a.logged('question').some((l) => l.question === 'Is anyone up for lunch today?')).toBe(false);
      });

      it('counts a mention of the bot\'s managed role as a mention', async () => {
        const reply = await replyTo(a, a.fake.say(`${a.fake.botRoleMention} What did Putin call Xi?`));
        expect(description(reply)).toContain(DEAR_FRIEND);
      });
    });

    describe('follow-ups', () => {
      it('answers a reply to an answer as a follow-up: "what about Kim?" after "What did Putin call Xi?"', async () => {
        const first = await replyTo(a, a.fake.say(`${a.fake.botMention} What did Putin call Xi?`));
        const followUp = a.fake.say('what about Kim?', { replyTo: first });
        const answer = await replyTo(a, followUp);
        expect(description(answer)).toContain('*Follow-up, read as:* What did Putin call Kim?');
        expect(answer.embeds[0]?.title).toBe(ANSWERED_TITLE);
        expect(description(answer)).toMatch(/Kim/);
        expect(a.logged('question').at(-1)).toMatchObject({ via: 'follow-up', question: 'what about Kim?', followUpRule: 'substitute' });
      });

      it('ignores a "thanks" reply to an answer', async () => {
        const first = await replyTo(a, a.fake.say(`${a.fake.botMention} What did Putin call Xi?`));
        const thanks = a.fake.say('thanks!', { replyTo: first });
        const next = await replyTo(a, a.fake.say(`${a.fake.botMention} Who did Xi call an old friend?`));
        expect(next).toBeDefined();
        expect(repliesTo(a, thanks)).toEqual([]);
      });

      it('with ANSWER_IN_THREAD answers in a new thread on the question, and takes messages there as follow-ups', async () => {
        const asked = b.fake.say(`${b.fake.botMention} What did Putin call Xi?`);
        const thread = await b.fake.until(() => b.fake.threadsIn(b.fake.general).find((t) => t.id === asked.id), 'a thread on the question');
        expect(thread.name).toBe('What did Putin call Xi?');
        const inThread = await b.fake.until(() => b.fake.botMessages(thread)[0], 'the answer in the thread');
        expect(description(inThread)).toContain(DEAR_FRIEND);

        const followUp = b.fake.say('what about Kim?', { channel: thread, author: b.fake.owner });
        const second = await b.fake.until(() => b.fake.botMessages(thread).find((m) => m.message_reference?.message_id === followUp.id), 'the follow-up answer in the thread');
        expect(description(second)).toContain('*Follow-up, read as:* What did Putin call Kim?');
        // A follow-up in the thread does not open another thread.
        expect(b.fake.threadsIn(b.fake.general).length).toBe(1);
      });
    });

    describe('cooldown', () => {
      it('refuses a second question from the same member within COOLDOWN_SECONDS, privately, and says how long to wait', async () => {
        // The member asked in the thread test above, less than 60 s ago.
        const record = b.fake.command('ask', [{ name: 'question', type: 3, value: 'Who hosted the military parade?' }]);
        await b.fake.until(() => record.callbacks.length > 0, 'the refusal');
        expect(record.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
        expect(String(record.callbacks[0]?.data?.content)).toMatch(/please wait \d+ s/);
        expect(b.logged('question.limited').some((l) => l.reason === 'cooldown')).toBe(true);
      });
    });

    describe('direct messages', () => {
      it('answers a DM with ALLOW_DMS (asking for the DirectMessages intent)', async () => {
        expect((a.fake.gateway.intents ?? 0) & GatewayIntentBits.DirectMessages).toBe(GatewayIntentBits.DirectMessages);
        const dm = a.fake.dmWith(a.fake.member);
        const reply = await replyTo(a, a.fake.say('What did Putin call Xi?', { channel: dm }));
        expect(reply.channel_id).toBe(dm.id);
        expect(description(reply)).toContain(DEAR_FRIEND);
      });

      it('without ALLOW_DMS does not ask for DMs and answers none', async () => {
        expect((c.fake.gateway.intents ?? 0) & GatewayIntentBits.DirectMessages).toBe(0);
        const dm: RawChannel = c.fake.dmWith(c.fake.member);
        const ignored = c.fake.say('What did Putin call Xi?', { channel: dm });
        const answered = await replyTo(c, c.fake.say(`${c.fake.botMention} What did Putin call Xi?`));
        expect(answered).toBeDefined();
        expect(repliesTo(c, ignored)).toEqual([]);
      });
    });

    describe('Find sources for this message', () => {
      it('is registered as a message command Discord accepts', () => {
        const registered = a.fake.commands.get(a.fake.guild.id)?.find((cmd) => cmd.name === 'Find sources for this message');
        expect(registered).toMatchObject({ type: 3 });
        expect(registered?.description ?? '').toBe('');
      });

      it('returns the article sentence that supports a message, privately', async () => {
        const claim = a.fake.say('Putin called Xi a dear friend at the parade.', { author: a.fake.owner });
        const record = a.fake.contextMenu('Find sources for this message', claim);
        const answer = await settled(a, record, 'the sources');
        expect(record.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
        expect(answer.embeds[0]?.title).toBe(SOURCES_TITLE);
        expect(description(answer)).toContain('In response, Mr Putin called Mr Xi a “');
        expect(a.logged('question').at(-1)).toMatchObject({ via: 'find-sources', claim: 'Putin called Xi a dear friend at the parade.', status: 'answered' });
      });

      it('says when no article sentence supports it', async () => {
        const claim = a.fake.say('The moon is made of green cheese, astronomers announced on Tuesday.', { author: a.fake.owner });
        const answer = await settled(a, a.fake.contextMenu('Find sources for this message', claim), 'the no-sources answer');
        expect(answer.embeds[0]?.title).toBe(NO_SOURCES_TITLE);
      });
    });

    describe('feedback, /feedback report, /channels and /stats', () => {
      it('keeps one vote per user per answer, opens "what was wrong?" on 👎, and shows the counts on the buttons', async () => {
        const answer = await settled(a, a.fake.command('ask', [{ name: 'question', type: 3, value: 'Who hosted the military parade?' }]), 'the answer');
        const up = customIds(answer).find((id) => id.startsWith('vote:up:'))!;
        const down = customIds(answer).find((id) => id.startsWith('vote:down:'))!;
        for (let i = 0; i < 2; i += 1) {
          const click = a.fake.click(answer, up);
          await a.fake.until(() => click.followUps.length > 0, 'the vote note');
        }
        expect(labels(answer)).toContain('Helpful (1)');

        const downClick = a.fake.click(answer, down, { user: a.fake.owner });
        await a.fake.until(() => downClick.callbacks.length > 0, 'the form');
        expect(downClick.callbacks[0]?.type).toBe(9);
        const form = downClick.callbacks[0]?.data as { custom_id: string; components: Array<{ components: Array<{ custom_id: string; required: boolean }> }> };
        expect(decodeButton(form.custom_id)).toMatchObject({ kind: 'why' });
        expect(form.components[0]?.components[0]).toMatchObject({ custom_id: REASON_FIELD, required: false });
        const sent = a.fake.submitModal(answer, form.custom_id, { [REASON_FIELD]: 'It quotes the wrong parade' }, { user: a.fake.owner });
        await a.fake.until(() => sent.followUps.length > 0, 'the form thanks');
        expect(sent.callbacks[0]?.type).toBe(7);
        expect(labels(answer)).toEqual(expect.arrayContaining(['Helpful (1)', 'Not helpful (1)']));

        // The member changes their mind: still one vote each.
        const change = a.fake.click(answer, down);
        await a.fake.until(() => change.callbacks.length > 0, 'the changed vote');
        a.fake.submitModal(answer, form.custom_id, { [REASON_FIELD]: '' });
        await a.fake.until(() => labels(answer).includes('Not helpful (2)') && labels(answer).includes('Helpful'), 'the counts after the change');
      });

      it('lists the most-asked unanswered questions and the answers voted down in /feedback report, for Manage Server only, after a restart too', async () => {
        const refused = a.fake.command('feedback', [{ name: 'report', type: 1, options: [] }], { admin: false });
        await a.fake.until(() => refused.callbacks.length > 0, 'the refusal');
        expect(refused.callbacks[0]?.data).toMatchObject({ content: operatorRefusal('feedback'), flags: EPHEMERAL });

        await a.stopBot();
        await a.launch();
        const record = a.fake.command('feedback', [{ name: 'report', type: 1, options: [] }], { admin: true });
        const report = await settled(a, record, 'the report');
        expect(report.flags & EPHEMERAL).toBe(EPHEMERAL);
        expect(report.embeds[0]?.title).toBe(REPORT_TITLE);
        // Asked quietly in the answer channel and by mention: two askings of one question.
        expect(fieldValue(report, 'Most-asked unanswered questions')).toContain('**2×** How many tanks were in the parade?');
        expect(fieldValue(report, 'Most-asked unanswered questions')).not.toContain('green cheese');
        expect(fieldValue(report, 'Answers voted down')).toContain('**👎 2** / 👍 0 Who hosted the military parade?');
        expect(fieldValue(report, 'Answers voted down')).toContain('It quotes the wrong parade');
      });

      it('adds, lists and removes answer channels with /channels (Manage Server), kept across a restart', async () => {
        const refused = a.fake.command('channels', [{ name: 'add', type: 1, options: [] }], { admin: false });
        await a.fake.until(() => refused.callbacks.length > 0, 'the refusal');
        expect(refused.callbacks[0]?.data?.content).toBe(operatorRefusal('channels'));

        const add = a.fake.command('channels', [{ name: 'add', type: 1, options: [] }], { admin: true });
        await a.fake.until(() => add.callbacks.length > 0, 'the add reply');
        expect(String(add.callbacks[0]?.data?.content)).toContain(`<#${a.fake.general.id}> is now an answer channel`);
        const asked = a.fake.say('Who did Xi call an old friend?');
        expect((await replyTo(a, asked)).embeds[0]?.title).toBe(ANSWERED_TITLE);

        await a.stopBot();
        await a.launch();
        const list = a.fake.command('channels', [{ name: 'list', type: 1, options: [] }], { admin: true });
        await a.fake.until(() => list.callbacks.length > 0, 'the list');
        expect(String(list.callbacks[0]?.data?.content)).toContain(`<#${a.fake.general.id}>`);
        expect(String(list.callbacks[0]?.data?.content)).toContain(`<#${a.fake.askHere.id}> (from ANSWER_CHANNELS)`);

        const remove = a.fake.command('channels', [{ name: 'remove', type: 1, options: [] }], { admin: true });
        await a.fake.until(() => remove.callbacks.length > 0, 'the remove reply');
        expect(String(remove.callbacks[0]?.data?.content)).toContain('is no longer an answer channel');
        const ignored = a.fake.say('Who did Xi call an old friend?');
        await replyTo(a, a.fake.say(`${a.fake.botMention} Who did Xi call an old friend?`));
        expect(repliesTo(a, ignored)).toEqual([]);
      });

      it('shows /stats to Manage Server: articles, passages, last refresh, embedder and the day\'s answer rate', async () => {
        const stats = await settled(a, a.fake.command('stats', [], { admin: true }), 'the stats');
        expect(stats.embeds[0]?.title).toBe(STATS_TITLE);
        const real = await env().engine.engine.stats();
        expect(fieldValue(stats, 'Articles')).toBe(String(real.articles));
        expect(fieldValue(stats, 'Passages')).toBe(String(real.passages));
        expect(fieldValue(stats, 'Last refresh')).toContain(String(real.indexWrittenAt));
        expect(fieldValue(stats, 'Answered, last 24 hours')).toMatch(/^\d+% \(\d+ of \d+\)$/);
      });
    });

    describe('LOG_QUESTIONS', () => {
      it('full logs the text (a), hash logs only hashes (b), none logs neither (c); user ids likewise', async () => {
        await replyTo(c, c.fake.say(`${c.fake.botMention} Who did Xi call an old friend?`));
        expect(a.logged('question').some((l) => l.question === 'What did Putin call Xi?' && l.user === a.fake.member.id)).toBe(true);

        const hashed = b.logged('question');
        expect(hashed.length).toBeGreaterThan(0);
        expect(hashed.every((l) => l.question === undefined && typeof l.questionHash === 'string' && l.user === undefined && typeof l.userHash === 'string')).toBe(true);
        expect(hashed[0]?.questionHash).toBe(shortHash('What did Putin call Xi?'));
        const bRaw = b.rawLogs.join('');
        expect(bRaw).not.toContain('Putin call');
        expect(bRaw).not.toContain('about Kim');
        expect(bRaw).not.toContain(b.fake.member.id);

        const none = c.logged('question');
        expect(none.length).toBeGreaterThan(0);
        expect(none.every((l) => l.question === undefined && l.questionHash === undefined && l.user === undefined && l.userHash === undefined)).toBe(true);
        expect(c.rawLogs.join('')).not.toContain('old friend');
      });
    });
  });
}
