/**
 * `verbatim sources add|list|remove` and `verbatim refresh` as the command line runs them (in-process: runCli with the
 * test's streams and settings), against the fixture server on 127.0.0.1: what a user types and what they read. The
 * embedder is the hashing test double (fetching, storing and indexing sources are the point here; the real encoder's
 * end to end runs are cli.test.ts and the doors' e2e tests). Each command opens its own engine, as each run of the
 * binary does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../bench/lib/seed-corpus.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { type FixtureServer, startCoastNewsSite } from '../../bench/lib/fixture-server.js';
import { runInProcess } from './in-process.js';

let server: FixtureServer;
let corpus: string;
let sourcesFile: string;
let env: Record<string, string>;

function verbatim(args: string[]) {
  return runInProcess(args, { env, engineDeps: { createEmbedder: async () => ({ embedder: new HashEmbedderTestDouble(64), fallback: false, notice: null }) } });
}

beforeAll(async () => {
  server = await startCoastNewsSite();
  const root = await tempDir('verbatim-sources-cli-');
  // The corpus folder does not exist yet: a bot fed only by sources starts from nothing.
  corpus = path.join(root, 'news');
  sourcesFile = path.join(root, 'news.sources.json');
  env = { CORPUS_DIR: corpus, INDEX_DIR: path.join(root, 'index'), FETCH_RETRIES: '0', FETCH_ALLOW_PRIVATE: 'true' };
});

afterAll(async () => {
  await server.close();
});

describe('verbatim sources', () => {
  it('adds, lists and removes sources in the file beside the corpus folder', async () => {
    const added = await verbatim(['sources', 'add', `${server.base}/rss.xml`, '--name', 'Courier']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`Following Courier: ${server.base}/rss.xml`);
    const other = await verbatim(['sources', 'add', `${server.base}/gone.xml`]);
    expect(other.stdout).toContain('Following 127.0.0.1:');
    expect(JSON.parse(await readFile(sourcesFile, 'utf8')).sources).toHaveLength(2);

    const refused = await verbatim(['sources', 'add', 'ftp://example.com/feed']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error SOURCE_INVALID: .*not ftp\.\nhint: Give an http:\/\/ or https:\/\/ address/);

    const bare = await verbatim(['sources']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: verbatim sources');

    const listed = await verbatim(['sources', 'list']);
    expect(listed.stdout).toMatch(/Courier  http:\/\/127\.0\.0\.1:\d+\/rss\.xml\n  not refreshed yet/);
    expect(listed.stdout).toContain('(2 sources in');
  });

  it('refresh fetches every source, indexes the articles, and says what failed with a hint', async () => {
    const run = await verbatim(['refresh']);
    expect(run.stderr).not.toMatch(/error /);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ok +Courier \(feed\): 2 item\(s\): 2 added/m);
    expect(run.stdout).toMatch(/^failed +127\.0\.0\.1 \(unread\): 1 request\(s\)\n {2}FETCH_HTTP_ERROR: .*404/m);
    expect(run.stdout).toContain('hint: The server refused the request');
    expect(run.stdout).toMatch(/Indexed 2 articles/);

    const listed = await verbatim(['sources', 'list']);
    expect(listed.stdout).toMatch(/Courier  \S+\n {2}ok at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);

    const asked = await verbatim(['ask', 'How much will the Tarrowby harbour wall cost?']);
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stdout).toContain('48 million pounds');
  }, 180_000);

  it('removes a source by name, and says when a name is not followed', async () => {
    const removed = await verbatim(['sources', 'remove', 'courier']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('No longer following Courier');
    const missing = await verbatim(['sources', 'remove', 'courier']);
    expect(missing.stderr).toContain('error SOURCE_NOT_FOUND');
  });
});
