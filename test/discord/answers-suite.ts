/**
 * The bot end to end: the real discord.js client (started by startBot) against the fake Discord, with the
 * real engine over the seeds plus two test articles. Questions arrive as /ask, @mentions and messages
 * in an answer channel; faults arrive as a 429, a gateway close and a failing engine.
 */
import { GatewayIntentBits, Status } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { questionFromFooter } from '../../src/discord/answer-footer.js';
import { decodeButton } from '../../src/discord/custom-ids.js';
import { ANSWERED_TITLE, NOT_FOUND_TITLE } from '../../src/discord/render-answer.js';
import { GENERIC_FAILURE } from '../../src/discord/render-error.js';
import { MORE_TITLE } from '../../src/discord/render-more.js';
import { FEEDBACK_THANKS } from '../../src/discord/handlers/buttons.js';
import { EMBED_DESCRIPTION_MAX } from '../../src/discord/limits.js';
import { LONG_QUESTION, MENTION_QUESTION, type TestEngine } from './corpus-fixture.js';
import type { E2eEnv } from './e2e-env.js';
import type { ControlledEngine } from './engine-wrapper.js';
import type { RawMessage } from './fake-discord/entities.js';
import type { InteractionRecord } from './fake-discord/index.js';
import { TOKEN, TOKEN_SECRET_PART, type Harness } from './harness.js';

const DEAR_FRIEND = 'In response, Mr Putin called Mr Xi a “**dear friend**”';
const EPHEMERAL = 1 << 6;

let built: TestEngine;
let engine: ControlledEngine;
let h: Harness;

/** The interaction's reply once it has one with embeds (a deferred "thinking…" edited into an answer). */
async function answerTo(record: InteractionRecord): Promise<RawMessage> {
  return h.fake.until(() => (record.callbacks.length > 0 && record.original !== null && record.original.embeds.length > 0 ? record.original : null), `an answer to interaction ${record.id}`);
}

async function replyTo(question: RawMessage): Promise<RawMessage> {
  return h.fake.until(() => [...h.fake.messages.values()].find((m) => m.message_reference?.message_id === question.id), `a reply to message ${question.id}`);
}

function description(message: RawMessage): string {
  return String(message.embeds[0]?.description ?? '');
}

function customIds(message: RawMessage): string[] {
  return message.components.flatMap((row) => (row.components as Array<{ custom_id: string }>).map((b) => b.custom_id));
}

function bodiesTo(path: RegExp): Array<Record<string, unknown>> {
  return h.fake.rest.requests.filter((r) => path.test(r.path) && r.status < 300).map((r) => r.body as Record<string, unknown>);
}

/** Registers the suite; `env` gives the shared engine and this suite's bot (with an answer channel). */
export function answersSuite(env: () => E2eEnv): void {
  describe('answers', () => {
    beforeAll(() => {
      ({ built, engine, answers: h } = env());
    });

    describe('login', () => {
      it('identifies with MessageContent because an answer channel is set, and registers the commands in the guild', () => {
        expect((h.fake.gateway.intents ?? 0) & GatewayIntentBits.MessageContent).toBe(GatewayIntentBits.MessageContent);
        expect(h.fake.commands.get(h.fake.guild.id)?.map((c) => c.name)).toEqual(['ask', 'summary', 'articles', 'reindex', 'help', 'channels', 'feedback', 'source', 'stats', 'Find sources for this message']);
        const commandCalls = h.fake.rest.requests.filter((r) => r.path.endsWith('/commands')).map((r) => r.method);
        expect(commandCalls).toEqual(['GET', 'PUT']);
      });
    });

    describe('/ask', () => {
      it('defers at once, then answers with the "dear friend" sentence and its citation', async () => {
        const record = h.fake.command('ask', [{ name: 'question', type: 3, value: 'What did Putin call Xi?' }]);
        const answer = await answerTo(record);
        expect(record.callbacks[0]?.type).toBe(5);
        expect(answer.embeds[0]?.title).toBe(ANSWERED_TITLE);
        expect(description(answer)).toContain(DEAR_FRIEND);
        expect(description(answer)).toMatch(/\*Chinese president Xi Jinping hailed his relationship with Russian leader…\* — unknown, unknown, ¶ 11|\*Xi and Putin’s “Old Friend” Bond Defies U\.S\. Pressure\*/);
        expect(record.bodies.at(-1)?.allowed_mentions).toEqual({ parse: [] });
      });

      it('logs the question with guild, channel, latency, status and confidence', () => {
        const line = h.logged('question').find((l) => l.question === 'What did Putin call Xi?');
        expect(line).toMatchObject({ via: 'slash', guild: h.fake.guild.id, channel: h.fake.general.id, status: 'answered' });
        expect(typeof line?.latencyMs).toBe('number');
        expect(line?.confidence).toBeGreaterThan(0.5);
      });

      it('says plainly when the articles do not say, with the nearest passages as such', async () => {
        const answer = await answerTo(h.fake.command('ask', [{ name: 'question', type: 3, value: 'How many tanks were in the parade?' }]));
        expect(answer.embeds[0]?.title).toBe(NOT_FOUND_TITLE);
        expect(description(answer)).toMatch(/^\*\*The articles do not say\.\*\*/);
        expect(description(answer)).toContain('**Nearest passages**');
      });

      it('refuses a bad since date in a reply only the asker sees, before any public "thinking…"', async () => {
        const record = h.fake.command('ask', [{ name: 'question', type: 3, value: 'What did Putin call Xi?' }, { name: 'since', type: 3, value: 'last week' }]);
        await h.fake.until(() => (record.callbacks.length > 0 ? record : null), 'the refusal');
        expect(record.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
        expect(String(record.callbacks[0]?.data?.content)).toMatch(/last week.*YYYY-MM-DD/s);
      });

      it('answers within since/until, and names the period above the quotes', async () => {
        const answer = await answerTo(h.fake.command('ask', [{ name: 'question', type: 3, value: 'What did Kim and Putin discuss?' }, { name: 'since', type: 3, value: '2025-09' }]));
        expect(description(answer)).toContain('*Time: news from 2025-09-01 (“since 2025-09”).*');
      });

      it('fits quotes that together exceed Discord\'s limits by dropping whole ones, and offers them under "More sources"', async () => {
        const direct = await built.engine.ask(LONG_QUESTION);
        expect(direct.answers.reduce((sum, q) => sum + q.sentence.length, 0)).toBeGreaterThan(EMBED_DESCRIPTION_MAX);
        const record = h.fake.command('ask', [{ name: 'question', type: 3, value: LONG_QUESTION }]);
        const answer = await answerTo(record);
        const text = description(answer);
        const shown = direct.answers.filter((q) => text.includes(q.sentence));
        expect(text.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.length).toBeLessThan(direct.answers.length);
        expect(text).not.toContain('…');

        const more = customIds(answer).find((id) => decodeButton(id)?.kind === 'more')!;
        const click = h.fake.click(answer, more);
        const sources = await answerTo(click);
        expect(sources.flags & EPHEMERAL).toBe(EPHEMERAL);
        expect(sources.embeds[0]?.title).toBe(MORE_TITLE);
        const dropped = direct.answers.filter((q) => !shown.includes(q));
        expect(dropped.some((q) => description(sources).includes(q.sentence))).toBe(true);
      });

      it('re-asks from the footer when a "More sources" answer is no longer remembered', async () => {
        const answer = await answerTo(h.fake.command('ask', [{ name: 'question', type: 3, value: LONG_QUESTION }]));
        const sources = await answerTo(h.fake.click(answer, 'more:1300000000000999999'));
        expect(sources.embeds[0]?.title).toBe(MORE_TITLE);
        const reasked = h.logged('question').filter((l) => l.via === 'more-sources');
        expect(reasked.map((l) => l.question)).toEqual([questionFromFooter(String((answer.embeds[0]?.footer as { text: string }).text))]);
      });

      it('logs 👍 feedback with the question, shows the count on the button, and thanks the user privately', async () => {
        const answer = await answerTo(h.fake.command('ask', [{ name: 'question', type: 3, value: 'What did Putin call Xi?' }]));
        const up = customIds(answer).find((id) => id.startsWith('vote:up:'))!;
        const click = h.fake.click(answer, up);
        await h.fake.until(() => click.followUps.length > 0, 'the feedback note');
        expect(click.callbacks[0]?.type).toBe(7);
        expect(JSON.stringify(answer.components)).toContain('Helpful (1)');
        expect(click.followUps[0]).toMatchObject({ flags: EPHEMERAL });
        expect(click.followUps[0]?.content).toContain(FEEDBACK_THANKS);
        expect(h.logged('feedback').at(-1)).toMatchObject({ vote: 'up', question: 'What did Putin call Xi?', status: 'answered' });
      });
    });

    describe('messages', () => {
      it('replies to an @mention (a message reference), typing while it works', async () => {
        const typingBefore = h.fake.typing;
        const asked = h.fake.say(`${h.fake.botMention} What did Putin call Xi?`);
        const reply = await replyTo(asked);
        expect(reply.type).toBe(19);
        expect(description(reply)).toContain(DEAR_FRIEND);
        expect(h.fake.typing).toBeGreaterThan(typingBefore);
        expect(bodiesTo(/^\/channels\/\d+\/messages$/).at(-1)?.allowed_mentions).toEqual({ parse: [] });
      });

      it('answers a question in an answer channel without a mention, and ignores chat, bots and itself', async () => {
        const replies = () => h.fake.botMessages(h.fake.askHere).filter((m) => m.message_reference !== undefined);
        const before = replies().length;
        h.fake.say('nice weather in the newsroom today', { channel: h.fake.askHere });
        h.fake.say('What did Putin call Xi?', { channel: h.fake.askHere, author: h.fake.otherBot });
        h.fake.say(`${h.fake.botMention} What did Putin call Xi?`, { channel: h.fake.askHere, author: h.fake.bot });
        const asked = h.fake.say('What did Putin call Xi?', { channel: h.fake.askHere });
        await replyTo(asked);
        // Events arrive in order, so anything the bot were to answer before this reply would be there by now.
        expect(replies().length).toBe(before + 1);
      });

      it('quotes text with @everyone and user, role and channel mentions without pinging or formatting', async () => {
        const reply = await replyTo(h.fake.say(`${h.fake.botMention} ${MENTION_QUESTION}`));
        const text = description(reply);
        expect(text).toContain('Quayside footbridge will open to walkers on');
        expect(text).not.toMatch(/@everyone|@here|<@\d|<@&\d|<#\d/);
        expect(text).toContain('@\u200Beveryone');
        expect(text).toContain('<\u200B@123456789012345678>');
        expect(bodiesTo(/^\/channels\/\d+\/messages$/).at(-1)?.allowed_mentions).toEqual({ parse: [] });
      });
    });

    describe('faults', () => {
      it('waits out a 429 with Retry-After and sends the reply once', async () => {
        h.fake.rest.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.2);
        const asked = h.fake.say(`${h.fake.botMention} What did Putin call Xi?`);
        const reply = await replyTo(asked);
        expect(description(reply)).toContain(DEAR_FRIEND);
        const attempts = h.fake.rest.requests.filter((r) => r.method === 'POST' && (r.body as { message_reference?: { message_id?: string } } | null)?.message_reference?.message_id === asked.id);
        expect(attempts.map((r) => r.status)).toEqual([429, 200]);
        expect(h.logged('discord.rate_limited').length).toBeGreaterThan(0);
      });

      it('resumes after the gateway closes with 4000, replays a question sent meanwhile, and answers after it', async () => {
        h.fake.gateway.close(4000);
        await h.fake.until(() => !h.fake.gateway.connected, 'the link to drop');
        const duringOutage = h.fake.say(`${h.fake.botMention} What did Putin call Xi?`);
        await h.fake.until(() => h.fake.gateway.counts.resume === 1 && h.bot.client.ws.status === Status.Ready, 'the client to resume');
        expect(h.fake.gateway.counts.identify).toBe(1);
        expect(description(await replyTo(duringOutage))).toContain(DEAR_FRIEND);
        const after = h.fake.say(`${h.fake.botMention} ${MENTION_QUESTION}`);
        expect(description(await replyTo(after))).toContain('Quayside footbridge');
        expect(h.logged('discord.resumed').length).toBe(1);
      });

      it('answers a failing command with an ephemeral error, logs it, and answers the next question', async () => {
        engine.failNextAsk(new Error('engine exploded'));
        const failed = h.fake.command('ask', [{ name: 'question', type: 3, value: 'What did Putin call Xi?' }]);
        await h.fake.until(() => failed.followUps.length > 0 && failed.deleted, 'the error reply');
        expect(failed.followUps[0]).toMatchObject({ content: GENERIC_FAILURE, flags: EPHEMERAL });
        expect(h.logged('handler.failed').at(-1)).toMatchObject({ level: 50, what: '/ask' });

        const next = await answerTo(h.fake.command('ask', [{ name: 'question', type: 3, value: 'What did Putin call Xi?' }]));
        expect(description(next)).toContain(DEAR_FRIEND);
      });

      it('answers a failing mention with an error reply and keeps going', async () => {
        engine.failNextAsk(new Error('engine exploded again'));
        const failed = await replyTo(h.fake.say(`${h.fake.botMention} What did Putin call Xi?`));
        expect(failed.content).toBe(GENERIC_FAILURE);
        expect(description(await replyTo(h.fake.say(`${h.fake.botMention} What did Putin call Xi?`)))).toContain(DEAR_FRIEND);
      });

      it('never writes the token to the log, even at trace level', () => {
        expect(h.rawLogs.length).toBeGreaterThan(10);
        const all = h.rawLogs.join('');
        expect(all).not.toContain(TOKEN);
        expect(all).not.toContain(TOKEN_SECRET_PART);
      });
    });
  });
}
