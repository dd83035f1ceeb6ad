/**
 * The bot's other commands end to end (/summary with autocomplete, /articles paging, /reindex, /help),
 * registration on restart, start-up refusals, and a guild without an answer channel (no MessageContent).
 */
import { GatewayIntentBits } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/discord/bot.js';
import { decodeButton } from '../../src/discord/custom-ids.js';
import { REINDEX_REFUSED } from '../../src/discord/handlers/reindex-command.js';
import { createLogger } from '../../src/logger.js';
import { isVerbatimError } from '../../src/errors.js';
import type { E2eEnv } from './e2e-env.js';
import type { ControlledEngine } from './engine-wrapper.js';
import type { RawMessage } from './fake-discord/entities.js';
import type { InteractionRecord } from './fake-discord/index.js';
import { Harness } from './harness.js';

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
export const PAGE = 3;

let engine: ControlledEngine;
let h: Harness;

/** The reply once it is final: sent directly, or deferred ("thinking…", flagged loading) and then edited. */
async function settled(record: InteractionRecord, what: string): Promise<RawMessage> {
  return h.fake.until(() => (record.callbacks.length > 0 && record.original !== null && (record.original.flags & LOADING) === 0 ? record.original : null), what);
}

function buttons(message: RawMessage): Array<{ custom_id: string; disabled?: boolean; label: string }> {
  return message.components.flatMap((row) => row.components as Array<{ custom_id: string; disabled?: boolean; label: string }>);
}

/** Registers the suite; `env` gives the shared engine and this suite's bot (no answer channel, pages of 3). */
export function commandsSuite(env: () => E2eEnv): void {
  describe('commands', () => {
    beforeAll(() => {
      ({ engine, commands: h } = env());
    });

    describe('/summary article', () => {
      it('autocompletes article titles from what the user typed, and summarises the chosen one', async () => {
        const typing = h.fake.command('summary', [{ name: 'article', type: 1, options: [{ name: 'article', type: 3, value: 'Kim', focused: true }] }], { autocomplete: true });
        await h.fake.until(() => typing.callbacks.length > 0, 'autocomplete choices');
        expect(typing.callbacks[0]?.type).toBe(8);
        const choices = (typing.callbacks[0]?.data?.choices ?? []) as Array<{ name: string; value: string }>;
        expect(choices.map((c) => c.value)).toContain('003_6f30dbc2493a046e.txt');
        expect(choices.every((c) => c.name.length <= 100)).toBe(true);

        const chosen = h.fake.command('summary', [{ name: 'article', type: 1, options: [{ name: 'article', type: 3, value: '003_6f30dbc2493a046e.txt' }] }]);
        const summary = await settled(chosen, 'the article summary');
        expect(chosen.callbacks[0]?.type).toBe(5);
        const embed = summary.embeds[0] as { title: string; description: string };
        expect(embed.title).toBe('Summary: Xi meets Kim a day after show of unity with Putin at Chinese military parade');
        expect(embed.description).toContain('**Source:** *Xi meets Kim a day after show of unity with Putin at Chinese military parade* — CNN, 2025-09-04');
        expect(embed.description).toMatch(/^> .+ \(¶ \d+\)$/m);
      });

      it('answers an unknown article with the catalog\'s message and hint, privately', async () => {
        const record = h.fake.command('summary', [{ name: 'article', type: 1, options: [{ name: 'article', type: 3, value: 'no-such-article.txt' }] }]);
        await h.fake.until(() => record.followUps.length > 0 && record.deleted, 'the error reply, and the placeholder gone');
        expect(record.followUps[0]?.flags).toBe(EPHEMERAL);
        expect(record.followUps[0]?.content).toContain('verbatim articles');
      });
    });

    describe('/summary topic and corpus', () => {
      it.each([
        ['a topic: quotes numbered with their citations', [{ name: 'topic', type: 1, options: [{ name: 'topic', type: 3, value: 'the military parade' }] }], 'Summary: the military parade', /^> .+\n\*\*\[1\]\*\* \*.+\* — .+, ¶ \d+$/m],
        ['the corpus: story by story, with sources', [{ name: 'corpus', type: 1, options: [] }], 'Summary of all articles', /^\*\*Story 1\*\*.*\n(?:> .+\n)+Sources: /m],
      ])('summarises %s', async (_what, options, title, shape) => {
        const record = h.fake.command('summary', options);
        const summary = await settled(record, 'the summary');
        const embed = summary.embeds[0] as { title: string; description: string };
        expect(embed.title).toBe(title);
        expect(embed.description).toMatch(shape);
      });
    });

    describe('/articles', () => {
      it('lists a page privately and moves to the next page with its button', async () => {
        const record = h.fake.command('articles');
        const first = await settled(record, 'the first page');
        expect(first.flags & EPHEMERAL).toBe(EPHEMERAL);
        expect((first.embeds[0] as { footer: { text: string } }).footer.text).toBe('Page 1 of 3 · 7 articles');
        const [previous, next] = buttons(first);
        expect(previous?.disabled).toBe(true);
        expect(decodeButton(next!.custom_id)).toEqual({ kind: 'articles', offset: PAGE });

        const click = h.fake.click(first, next!.custom_id);
        await h.fake.until(() => (click.original?.embeds[0] as { footer?: { text: string } } | undefined)?.footer?.text === 'Page 2 of 3 · 7 articles', 'the second page');
        expect(click.callbacks[0]?.type).toBe(6);
        expect(String((click.original?.embeds[0] as { description: string }).description)).toMatch(/^\*\*4\.\*\* /);
      });
    });

    describe('/reindex', () => {
      it('is refused to a member without Manage Server, and does not touch the index', async () => {
        const record = h.fake.command('reindex', [], { admin: false });
        await h.fake.until(() => record.callbacks.length > 0, 'the refusal');
        expect(record.callbacks[0]).toMatchObject({ type: 4, data: { content: REINDEX_REFUSED, flags: EPHEMERAL } });
        expect(engine.ingests).toBe(0);
        expect(h.logged('reindex.refused').length).toBe(1);
      });

      it('updates the index for a member with Manage Server and reports what changed', async () => {
        const record = h.fake.command('reindex', [], { admin: true });
        const report = await settled(record, 'the reindex report');
        expect(record.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
        expect(engine.ingests).toBe(1);
        expect(String((report.embeds[0] as { description: string }).description)).toMatch(/^\*\*7 articles\*\* indexed: 0 added, 0 changed, 0 removed, 7 unchanged\./);
      });
    });

    describe('/help', () => {
      it('explains the commands privately', async () => {
        const record = h.fake.command('help');
        await h.fake.until(() => record.callbacks.length > 0, 'the help');
        expect(record.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
        expect(JSON.stringify(record.callbacks[0]?.data?.embeds)).toContain('/summary article');
      });
    });

    describe('without an answer channel', () => {
      it('does not ask for MessageContent; unmentioned messages arrive blank and are ignored, mentions are answered', async () => {
        expect((h.fake.gateway.intents ?? 0) & GatewayIntentBits.MessageContent).toBe(0);
        const ignored = h.fake.say('What did Putin call Xi?');
        const asked = h.fake.say(`${h.fake.botMention} What did Putin call Xi?`);
        await h.fake.until(() => [...h.fake.messages.values()].find((m) => m.message_reference?.message_id === asked.id), 'the reply to the mention');
        expect(h.fake.delivered.find((m) => m.id === ignored.id)?.content).toBe('');
        expect([...h.fake.messages.values()].some((m) => m.message_reference?.message_id === ignored.id)).toBe(false);
      });
    });

    describe('start and stop', () => {
      it('does not register again when the commands are unchanged, and closes the gateway link on stop', async () => {
        await h.stopBot();
        expect(h.fake.gateway.connected).toBe(false);
        await h.launch();
        const commandCalls = h.fake.rest.requests.filter((r) => r.path.endsWith('/commands')).map((r) => r.method);
        expect(commandCalls).toEqual(['GET', 'PUT', 'GET']);
        expect(h.logged('commands.unchanged').length).toBe(1);
      });

      it('refuses to start with a token Discord rejects, saying which setting to fix', async () => {
        const config = Harness.configFor(h.fake, {}, 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token-value');
        const failure = await startBot({ config, engine: engine.engine, logger: createLogger({ ...config, logLevel: 'silent' }) }).catch((error: unknown) => error);
        expect(isVerbatimError(failure) && failure.code).toBe('CONFIG_INVALID');
        expect((failure as Error).message).toBe('Discord rejected DISCORD_TOKEN');
      });
    });
  });
}
