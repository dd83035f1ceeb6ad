/**
 * /source end to end: the real discord.js client (startBot) against the fake Discord on loopback, an engine over
 * the seeds with the hashing test double, and the live-sources fixture server on 127.0.0.1 as the news site.
 */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import { operatorRefusal } from '../../src/discord/operator-gate.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { copySeeds, tempDir } from '../../bench/lib/seed-corpus.js';
import { fixture, type FixtureServer, startCoastNewsSite } from '../../bench/lib/fixture-server.js';
import type { InteractionRecord } from './fake-discord/index.js';
import type { RawMessage } from './fake-discord/entities.js';
import { Harness } from './harness.js';

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

let server: FixtureServer;
let engine: Engine;
let h: Harness;
let corpusDir: string;

async function settled(record: InteractionRecord, what: string): Promise<RawMessage> {
  return h.fake.until(() => (record.callbacks.length > 0 && record.original !== null && (record.original.flags & LOADING) === 0 ? record.original : null), what);
}

const description = (message: RawMessage) => String((message.embeds[0] as { description?: string } | undefined)?.description ?? message.content);
const sub = (name: string, options: Array<{ name: string; type: number; value: string; focused?: boolean }> = []) => [{ name, type: 1, options }];

beforeAll(async () => {
  server = await startCoastNewsSite();
  corpusDir = await copySeeds();
  const config = parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir('verbatim-source-index-'), SOURCES_FILE: path.join(await tempDir('verbatim-source-'), 'sources.json'), FETCH_RETRIES: '0', FETCH_ALLOW_PRIVATE: 'true' });
  engine = createEngine(config, { createEmbedder: async () => ({ embedder: new HashEmbedderTestDouble(64), fallback: false, notice: null }) });
  await engine.warmUp();
  h = await Harness.start({ engine });
});

afterAll(async () => {
  await h?.stop();
  await engine?.close();
  await server?.close();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

describe('/source', () => {
  it('is refused to a member without Manage Server, and follows nothing', async () => {
    const record = h.fake.command('source', sub('add', [{ name: 'url', type: 3, value: `${server.base}/rss.xml` }]), { admin: false });
    await h.fake.until(() => record.callbacks.length > 0, 'the refusal');
    expect(record.callbacks[0]).toMatchObject({ type: 4, data: { content: operatorRefusal('source'), flags: EPHEMERAL } });
    expect(await engine.sources()).toEqual([]);
  });

  it('add follows a feed, fetches it at once, and says what was stored', async () => {
    const record = h.fake.command('source', sub('add', [{ name: 'url', type: 3, value: `${server.base}/rss.xml` }, { name: 'name', type: 3, value: 'Courier' }]), { admin: true });
    const final = await settled(record, 'the refresh outcome');
    expect(record.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const text = description(final);
    expect(text).toContain(`Now following **Courier** (<${server.base}/rss.xml>).`);
    expect(text).toContain('2 item(s) in the feed: 2 added, 0 changed, 0 unchanged, 0 duplicate(s).');
    expect(text).toContain('The index now holds **7 articles**.');
    expect(h.logged('source')).toEqual([expect.objectContaining({ action: 'add', source: 'Courier' })]);
    const answer = await engine.ask('How much will the new harbour wall in Tarrowby cost?');
    expect((answer.answers[0] ?? answer.nearest[0])?.sentence).toContain('48 million pounds');
  });

  it('add refuses an address that is not http(s), with the catalog\'s hint', async () => {
    const record = h.fake.command('source', sub('add', [{ name: 'url', type: 3, value: 'file:///etc/passwd' }]), { admin: true });
    await h.fake.until(() => record.callbacks.length > 0, 'the refusal');
    expect(record.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(record.callbacks[0]?.data)).toContain('Give an http:// or https:// address');
  });

  it('list shows each source with its last status, a failing one with its code', async () => {
    const failing = h.fake.command('source', sub('add', [{ name: 'url', type: 3, value: `${server.base}/gone.xml` }, { name: 'name', type: 3, value: 'Gone' }]), { admin: true });
    expect(description(await settled(failing, 'the failed refresh'))).toContain('`FETCH_HTTP_ERROR`');
    const record = h.fake.command('source', sub('list'), { admin: true });
    await h.fake.until(() => record.callbacks.length > 0, 'the list');
    expect(record.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
    const text = String((record.callbacks[0]?.data?.embeds as Array<{ description: string }>)[0]!.description);
    expect(text).toMatch(new RegExp(`^\\*\\*Courier\\*\\* — <${server.base}/rss\\.xml>\\n✅ (ok|unchanged) <t:\\d+:R>$`, 'm'));
    expect(text).toMatch(/^\*\*Gone\*\* — <\S+>\n❌ failed <t:\d+:R> `FETCH_HTTP_ERROR`: /m);
  });

  it('remove autocompletes the followed sources, then drops the chosen one and its articles', async () => {
    const typing = h.fake.command('source', sub('remove', [{ name: 'source', type: 3, value: 'cour', focused: true }]), { admin: true, autocomplete: true });
    await h.fake.until(() => typing.callbacks.length > 0, 'autocomplete choices');
    expect(typing.callbacks[0]).toMatchObject({ type: 8, data: { choices: [{ name: `Courier — ${server.base}/rss.xml`, value: `${server.base}/rss.xml` }] } });

    const record = h.fake.command('source', sub('remove', [{ name: 'source', type: 3, value: `${server.base}/rss.xml` }]), { admin: true });
    const text = description(await settled(record, 'the removal'));
    expect(text).toContain('No longer following **Courier**');
    expect(text).toContain('2 article(s) of removed sources left the index.');
    expect((await engine.sources()).map((s) => s.name)).toEqual(['Gone']);
  });
});
