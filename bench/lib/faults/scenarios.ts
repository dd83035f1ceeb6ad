/**
 * The fault table's scenarios: each provokes one fault from issue 17 on real files (and, where the fault is about
 * processes, real child processes) and counts what happened. The fault suite asserts every row is handled; the
 * benchmark prints the table. Written against APIs that predate the fixes, so it measures the unfixed code too.
 */
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { access, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { isVerbatimError } from '../../../src/errors.js';
import type { Engine } from '../../../src/engine-types.js';
import { runBatch } from '../../../src/cli/batch.js';
import { renderAnswer } from '../../../src/cli/render-answer.js';
import { indexDirFor } from '../../../src/index/store.js';
import { embeddingCacheFile } from '../../../src/embedding/embedding-cache.js';
import { MANIFEST_FILE } from '../../../src/index/manifest.js';
import { HashEmbedderTestDouble } from '../hash-embedder.js';
import { runVerbatim, type VerbatimRun } from '../run-verbatim.js';
import { until } from '../until.js';
import {
  HASH_DIMENSION,
  REPO_ROOT,
  copySeeds,
  generatedCorpus,
  hashEngine,
  removeTree,
  sleeper,
  startIngestChild,
  tempDir,
  tooDeepFolder,
  type FaultCounts,
  type IngestChild,
} from './fault-kit.js';

export interface FaultOutcome extends FaultCounts {
  /** What was seen, in a few words. */
  note: string;
}

export interface FaultScenario {
  id: string;
  title: string;
  run(): Promise<FaultOutcome>;
}

const LOCK_FILE = 'write.lock';
const QUESTION = 'What did Putin call Xi?';
const HASH_INFO = new HashEmbedderTestDouble(HASH_DIMENSION).info;

/** Tally of one scenario's attempts. */
class Tally {
  readonly counts: FaultOutcome = { tried: 0, clear: 0, crash: 0, lost: 0, corrupt: 0, note: '' };
  private readonly notes: string[] = [];
  attempt(result: { clear?: boolean; crash?: boolean; lost?: number; corrupt?: boolean; note: string }): void {
    this.counts.tried++;
    if (result.clear === true) this.counts.clear++;
    if (result.crash === true) this.counts.crash++;
    this.counts.lost += result.lost ?? 0;
    if (result.corrupt === true) this.counts.corrupt++;
    this.notes.push(result.note);
  }
  done(): FaultOutcome {
    return { ...this.counts, note: this.notes.join('; ') };
  }
}

/** Runs `work`, turning a thrown error into a note: a catalog error other than INTERNAL is a message, anything else a crash. */
async function attempt<T>(work: () => Promise<T>): Promise<{ value: T } | { error: unknown; catalog: boolean; code: string }> {
  try {
    return { value: await work() };
  } catch (error) {
    const catalog = isVerbatimError(error) && error.code !== 'INTERNAL';
    return { error, catalog, code: isVerbatimError(error) ? error.code : (error as Error).name };
  }
}

/** An index over the five seeds built by the hashing double; returns the folders. */
/** A fresh corpus folder and index folder, both empty. */
async function emptyFolders(): Promise<{ corpus: string; index: string }> {
  return { corpus: await tempDir('verbatim-fault-corpus-'), index: await tempDir('verbatim-fault-index-') };
}

async function builtSeeds(): Promise<{ corpus: string; index: string }> {
  const corpus = await copySeeds();
  const index = await tempDir('verbatim-fault-index-');
  const builder = hashEngine(corpus, index);
  await builder.warmUp();
  await builder.close();
  return { corpus, index };
}

async function closing<T>(engine: Engine, work: (engine: Engine) => Promise<T>): Promise<T> {
  try {
    return await work(engine);
  } finally {
    await engine.close().catch(() => {});
  }
}

const unreadableFolder: FaultScenario = {
  id: 'unreadable-folder',
  title: '1. a folder past the OS path limit in the corpus',
  async run() {
    const tally = new Tally();
    const { corpus, index } = await builtSeeds();
    await tooDeepFolder(corpus);
    try {
      await closing(hashEngine(corpus, index), async (engine) => {
        const asked = await attempt(() => engine.ask(QUESTION));
        const ingest = await attempt(() => engine.ingest());
        const articles = await attempt(() => engine.articles({ limit: 100 }));
        const total = 'value' in articles ? articles.value.total : 0;
        const folderProblem = 'value' in ingest && ingest.value.problems.some((p) => p.path.startsWith('deep') && p.code !== 'INTERNAL');
        tally.attempt({
          clear: 'value' in asked && folderProblem,
          crash: !('value' in asked) || !('value' in ingest),
          lost: Math.max(0, 5 - total),
          note: 'value' in asked ? (folderProblem ? 'answered; the folder reported as a problem' : 'answered, folder not reported') : `ask failed with ${asked.code}`,
        });
      });
    } finally {
      removeTree(corpus);
    }
    return tally.done();
  },
};

const longLine: FaultScenario = {
  id: 'long-line',
  title: '2. a 100 KB unbroken line (real USE lite encoder, 120 s budget)',
  async run() {
    const tally = new Tally();
    const { corpus, index } = await emptyFolders();
    const line = Array.from({ length: 100_000 / 10 }, (_, i) => `word${String(i % 1000).padStart(4, '0')}`).join(' ').slice(0, 100_000);
    await writeFile(path.join(corpus, 'long.txt'), `A very long line\n\n${line}\n\nThe harbour toll rose to 42 euros on Monday.\n`);
    const started = performance.now();
    const run = await runCli(['ingest', '--corpus', corpus, '--index', index], 120_000);
    const seconds = (performance.now() - started) / 1000;
    const indexed = /Indexed 1 articles/.test(run.stdout);
    tally.attempt({
      clear: run.code === 0 && indexed && /SENTENCE_CAPPED/.test(run.stderr),
      crash: run.code !== 0,
      lost: indexed ? 0 : 1,
      note: run.timedOut ? `still embedding after ${seconds.toFixed(0)} s (killed)` : `exit ${run.code} in ${seconds.toFixed(1)} s${/SENTENCE_CAPPED/.test(run.stderr) ? ' with a SENTENCE_CAPPED notice' : ''}`,
    });
    return tally.done();
  },
};

const staleLock: FaultScenario = {
  id: 'stale-lock',
  title: '3. a stale write lock (reused pid, another host), SIGTERM, a killed first build',
  async run() {
    const tally = new Tally();
    // Two children, each on its own corpus and index: SIGTERM during an ingest, and kill -9 during a first build.
    // Started held, they load (engine, parser, language model) while the takeovers below run in this process.
    const made: Made = { children: [], folders: [] };
    try {
      const sigterm = await sigtermReleasesTheLock(made);
      const killed = await killedFirstBuildResumes(made);
      const other = sleeper();
      try {
        for (const [what, owner] of [
          ['a reused pid', { pid: other.pid, host: hostname() }],
          ['another host', { pid: 4242, host: 'recreated-container-1' }],
        ] as const) {
          const { corpus, index } = await builtSeeds();
          made.folders.push(corpus, index);
          await writeFile(path.join(corpus, 'new.txt'), 'A new article\n\nThe ferry timetable changes on Friday.\n');
          const lock = path.join(indexDirFor(index, HASH_INFO), LOCK_FILE);
          await writeFile(lock, JSON.stringify({ ...owner, since: '2026-01-01T00:00:00.000Z' }));
          const hourAgo = new Date(Date.now() - 3_600_000);
          await utimes(lock, hourAgo, hourAgo);
          const notices: string[] = [];
          await closing(hashEngine(corpus, index, notices), async (engine) => {
            const ingest = await attempt(() => engine.ingest());
            const noticed = notices.some((n) => /^[A-Z_]+: .*lock/i.test(n));
            tally.attempt({
              clear: 'value' in ingest && noticed,
              crash: !('value' in ingest),
              lost: 'value' in ingest ? Math.max(0, 6 - ingest.value.articles) : 0,
              note: `${what}: ${'value' in ingest ? `ingested${noticed ? ' with a takeover notice' : ' silently'}` : `failed with ${ingest.code}`}`,
            });
          });
        }
      } finally {
        other.kill();
      }
      await Promise.all([sigterm(tally), killed(tally)]);
    } finally {
      // Only after a failure: a child still waiting (held, or inside its long embedder call) goes now.
      for (const { child } of made.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await Promise.all(made.children.map((ingest) => ingest.done));
      await Promise.all(made.folders.map((dir) => rm(dir, { recursive: true, force: true })));
    }
    return tally.done();
  },
};

/** What a scenario started and made: children to end and temp folders to remove when it is over. */
interface Made {
  children: IngestChild[];
  folders: string[];
}

/** Embedder delay that no ingest here outlasts: the child stays inside that embedder call until it is signalled. */
const UNTIL_SIGNALLED_MS = 60_000;

/** SIGTERM during an ingest releases the write lock. Starts the child held; the returned step runs it. */
async function sigtermReleasesTheLock(made: Made): Promise<(tally: Tally) => Promise<void>> {
  // The child only has to be inside an ingest, holding the lock, when the signal comes: a few small articles.
  const corpus = await generatedCorpus(5, 4, 17);
  const index = await tempDir('verbatim-fault-index-');
  made.folders.push(corpus, index);
  const lock = path.join(indexDirFor(index, HASH_INFO), LOCK_FILE);
  const ingest = startIngestChild(corpus, index, UNTIL_SIGNALLED_MS, () => {}, { held: true });
  made.children.push(ingest);
  return async (tally) => {
    await ingest.loaded;
    ingest.go();
    await until(() => exists(lock), 'the child to take the lock');
    ingest.child.kill('SIGTERM');
    const result = await ingest.done;
    const left = await exists(lock);
    tally.attempt({ clear: !left, note: `SIGTERM: exit ${result.code ?? result.signal}, lock ${left ? 'left behind' : 'released'}` });
  };
}

/**
 * kill -9 during a first build's embedding: the next build re-embeds only what was not cached. Starts the child
 * held; the returned step runs it, kills it, and rebuilds here in this process (the same engine code over the same
 * files and cache).
 */
async function killedFirstBuildResumes(made: Made): Promise<(tally: Tally) => Promise<void>> {
  // 60 articles of 20 sentences: two embedding batches (1024 and 176). The first is embedded at once and cached; the
  // second's embedder call lasts until the kill.
  const corpus = await generatedCorpus(60, 20, 18);
  const index = await tempDir('verbatim-fault-index-');
  made.folders.push(corpus, index);
  let embedded = 0;
  const ingest = startIngestChild(
    corpus,
    index,
    [0, UNTIL_SIGNALLED_MS],
    (line) => {
      const progress = (JSON.parse(line) as { progress?: { phase: string; done: number } }).progress;
      if (progress?.phase === 'embedding') embedded = Math.max(embedded, progress.done);
    },
    { held: true },
  );
  made.children.push(ingest);
  return async (tally) => {
    await ingest.loaded;
    ingest.go();
    // The first batch's checkpoint writes the embedding cache file (whole, by rename): once it exists, the first
    // batch's vectors are on disk and the child is inside the second batch's embedding.
    const cacheFile = embeddingCacheFile(path.join(index, 'cache'), HASH_INFO);
    await until(() => exists(cacheFile), 'the first batch to be embedded and cached', 120_000);
    ingest.child.kill('SIGKILL');
    const { signal } = await ingest.done;
    const interrupted = signal === 'SIGKILL';
    await closing(hashEngine(corpus, index), async (engine) => {
      const rebuild = await attempt(() => engine.ingest());
      if (!('value' in rebuild)) {
        tally.attempt({ crash: true, lost: 60, note: `killed after ${embedded} sentences: the rebuild failed with ${rebuild.code}` });
        return;
      }
      const report = rebuild.value;
      tally.attempt({
        // Some sentences embedded again (those of the batch the kill cut short), not all of them (the cached batch).
        clear: interrupted && report.embedded > 0 && report.embedded < report.sentences,
        lost: Math.max(0, 60 - report.articles),
        note: `${interrupted ? `killed after ${embedded} sentences` : `not killed mid-build (${signal ?? 'exited'})`}: the rebuild embedded ${report.embedded} of ${report.sentences}`,
      });
    });
  };
}

const askWhileIngesting: FaultScenario = {
  id: 'ask-during-ingest',
  title: '4. ask while another process ingests a changed corpus',
  async run() {
    const tally = new Tally();
    const { corpus, index } = await builtSeeds();
    await writeFile(path.join(corpus, 'new.txt'), 'A new article\n\nThe ferry timetable changes on Friday.\n');
    const writer = sleeper();
    try {
      await writeFile(path.join(indexDirFor(index, HASH_INFO), LOCK_FILE), JSON.stringify({ pid: writer.pid, host: hostname(), since: new Date().toISOString() }));
      const notices: string[] = [];
      await closing(hashEngine(corpus, index, notices), async (engine) => {
        const asked = await attempt(() => engine.ask(QUESTION));
        const quotes = 'value' in asked ? asked.value.answers.length + asked.value.nearest.length : 0;
        tally.attempt({
          clear: quotes > 0 && notices.some((n) => /^[A-Z_]+: /.test(n)),
          crash: !('value' in asked),
          note: 'value' in asked ? `answered from the committed index (${quotes} quotes)` : `ask failed with ${asked.code}`,
        });
      });
    } finally {
      writer.kill();
    }
    return tally.done();
  },
};

const numericDates: FaultScenario = {
  id: 'numeric-dates',
  title: '5. numeric dates (YAML `date: 2025`, epoch seconds in JSON)',
  async run() {
    const tally = new Tally();
    const { corpus, index } = await emptyFolders();
    await writeFile(path.join(corpus, 'year.md'), '---\ntitle: A year only\ndate: 2025\n---\nThe harbour reopened after the storm.\n');
    await writeFile(path.join(corpus, 'records.json'), JSON.stringify([{ id: 'seconds', title: 'Epoch seconds', date: 1_715_817_600, text: 'The council met in May.' }, { id: 'year', title: 'A year', date: 2024, text: 'The bridge was painted.' }]));
    await writeFile(path.join(corpus, 'ms.jsonl'), `${JSON.stringify({ id: 'ms', title: 'Epoch ms', date: Date.UTC(2024, 4, 16), text: 'The ferry was late.' })}\n`);
    await closing(hashEngine(corpus, index), async (engine) => {
      await engine.warmUp();
      const { items } = await engine.articles({ limit: 100 });
      for (const item of items) {
        const expected = item.id === 'ms.jsonl#ms' ? '2024-05-16' : null;
        tally.attempt({ clear: item.date === expected, corrupt: item.date !== expected, lost: 0, note: `${item.id}: ${item.date ?? 'no date'}` });
      }
      tally.counts.lost += Math.max(0, 4 - items.length);
    });
    return tally.done();
  },
};

const editedManifest: FaultScenario = {
  id: 'edited-manifest',
  title: '6. a manifest edited to shift sentence-vector rows (in range)',
  async run() {
    const tally = new Tally();
    const { corpus, index } = await builtSeeds();
    const file = path.join(indexDirFor(index, HASH_INFO), MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(file, 'utf8')) as { articles: Record<string, { vectors: { row: number } | null }> };
    const shifted = Object.values(manifest.articles).find((a) => a.vectors !== null && a.vectors.row > 0)!;
    shifted.vectors!.row -= 1;
    await writeFile(file, JSON.stringify(manifest));
    const notices: string[] = [];
    await closing(hashEngine(corpus, index, notices), async (engine) => {
      const warm = await attempt(() => engine.warmUp());
      const rebuilt = 'value' in warm && warm.value.ingest?.rebuilt != null;
      const coded = notices.some((n) => /^[A-Z_]+: .*rebuilt/i.test(n));
      tally.attempt({
        clear: rebuilt && coded,
        crash: !('value' in warm),
        corrupt: 'value' in warm && !rebuilt,
        note: rebuilt ? `detected and rebuilt${coded ? ' with a coded notice' : ' (notice without a code)'}` : 'opened as if intact',
      });
    });
    return tally.done();
  },
};

const escapeCodes: FaultScenario = {
  id: 'escape-codes',
  title: '7. terminal escape codes in article text',
  async run() {
    const tally = new Tally();
    const { corpus, index } = await emptyFolders();
    const text = 'Harbour tolls\n\nThe harbour toll rose to \x1b[31m42\x1b[0m euros on Monday, the port said.\x1b]0;owned title\x07 Ferry crews voted to accept the new toll of 12 euros per car.\n\n' +
      // Enough ordinary text around the codes that the file reads as text (a short one is refused as binary).
      'The port authority said the rise would pay for dredging the outer harbour. Shipping firms had asked for the work for years. ' +
      'The council will review the tolls again next spring, after the summer season. Local traders welcomed the plan but asked for a discount for residents.\n';
    await writeFile(path.join(corpus, 'tolls.txt'), text);
    await closing(hashEngine(corpus, index), async (engine) => {
      for (const question of ['How much did the harbour toll rise to?', 'What was the new toll per car that ferry crews voted to accept?']) {
        const asked = await attempt(() => engine.ask(question));
        if (!('value' in asked)) {
          tally.attempt({ crash: true, note: `ask failed with ${asked.code}` });
          continue;
        }
        const output = renderAnswer(asked.value, { bold: (t) => `**${t}**`, dim: (t) => t });
        const quotes = [...asked.value.answers, ...asked.value.nearest];
        const verbatim = quotes.every((q) => text.slice(q.citation.start, q.citation.end) === q.sentence);
        const spanInEscape = quotes.some((q) => q.span !== null && /\x1b|\[\d*m|\]0;/.test(text.slice(q.span.start - 2, q.span.end + 1)));
        const raw = /[\x00-\x08\x0b-\x1f\x7f]/.test(output);
        tally.attempt({
          clear: !raw && verbatim && !spanInEscape && quotes.length > 0,
          corrupt: raw || !verbatim || spanInEscape,
          note: `${raw ? 'raw control codes printed' : 'printed clean'}${spanInEscape ? ', span taken from an escape code' : ''}${verbatim ? '' : ', NOT verbatim'}`,
        });
      }
    });
    return tally.done();
  },
};

const batchBlankLines: FaultScenario = {
  id: 'batch-blank-lines',
  title: '8. blank lines in `ask --jsonl`',
  async run() {
    const tally = new Tally();
    const { corpus, index } = await builtSeeds();
    await closing(hashEngine(corpus, index), async (engine) => {
      const input = `{"question":"${QUESTION}"}\n\n   \n{"question":"Who hosted the parade?"}\n`;
      const output = new PassThrough();
      let written = '';
      output.on('data', (chunk: Buffer) => (written += chunk.toString()));
      const ran = await attempt(() => runBatch(engine, Readable.from([input]), output));
      const lines = written.trim().split('\n').map((line) => JSON.parse(line) as { id: unknown });
      const ids = lines.map((line) => line.id);
      const right = lines.length === 4 && ids[3] === 4;
      tally.attempt({ clear: right, crash: !('value' in ran), corrupt: !right, note: `4 input lines gave ${lines.length} output lines with ids ${ids.join(',')}` });
    });
    return tally.done();
  },
};

const gatewayClose: FaultScenario = {
  id: 'gateway-4004',
  title: '9. the gateway closes with 4004 (authentication failed)',
  async run() {
    const tally = new Tally();
    // The one place bench reaches into test/: the fake Discord lives with the Discord tests, and this scenario needs
    // a gateway that closes with 4004. Imported on demand, so nothing else in bench depends on test/.
    const { FakeDiscord } = await import('../../../test/discord/fake-discord/index.js');
    const token = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.fake-token.for-loopback-tests-only';
    const fake = await FakeDiscord.start({ token });
    const corpus = await tempDir('verbatim-fault-corpus-');
    try {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/main.js')], {
        cwd: REPO_ROOT,
        env: { ...process.env, DISCORD_TOKEN: token, DISCORD_REST_API: fake.restUrl, DISCORD_GUILD_ID: fake.guild.id, CORPUS_DIR: corpus, INDEX_DIR: await tempDir('verbatim-fault-index-'), BOT_DB: path.join(await tempDir('verbatim-fault-bot-'), 'bot.sqlite'), EMBEDDER: 'use', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      // Logged in and ready: the bot registers its slash commands once the gateway's READY and guilds have arrived.
      await until(() => fake.gateway.connected && fake.commands.size > 0, 'the bot to log in and register its commands', 120_000);
      fake.gateway.close(4004);
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([exited, new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), 20_000)))]);
      clearTimeout(timer);
      if (code === 'running') child.kill('SIGKILL');
      const coded = /CONFIG_INVALID/.test(output) && /DISCORD_TOKEN/.test(output);
      tally.attempt({
        clear: code !== 'running' && code !== 0 && coded,
        crash: code === 0 || code === 'running',
        note: `${code === 'running' ? 'still running 20 s later, serving nothing' : `exit ${code}${coded ? ' with a code and a hint' : ' with no code'}`}${code !== 'running' && code !== 0 && coded ? '' : `; it said: ${output.slice(-1500)}`}`,
      });
    } finally {
      await fake.stop();
    }
    return tally.done();
  },
};

const messages: FaultScenario = {
  id: 'messages',
  title: '10. messages: deep JSON, broken YAML, emoji-only question, rebuilt notice',
  async run() {
    const tally = new Tally();
    const { corpus, index } = await builtSeeds();
    const depth = 200_000;
    await writeFile(path.join(corpus, 'deep.json'), `{"text":"The harbour opened.","x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    await writeFile(path.join(corpus, 'broken.md'), '---\ntitle: [unclosed\ndate: 2025-01-02\n---\nThe body of a broken article.\n');
    await closing(hashEngine(corpus, index), async (engine) => {
      const ingest = await attempt(() => engine.ingest());
      const problems = 'value' in ingest ? ingest.value.problems : [];
      const deep = problems.find((p) => p.path.startsWith('deep.json'));
      tally.attempt({ clear: deep?.code === 'ARTICLE_MALFORMED', crash: !('value' in ingest), note: `deep JSON: ${deep ? `${deep.code} — ${deep.hint}` : 'no problem reported'}` });
      const yaml = problems.find((p) => p.path === 'broken.md');
      tally.attempt({ clear: yaml !== undefined && /yaml|---/i.test(yaml.hint) && !/"text" field/.test(yaml.hint), note: `broken YAML hint: ${yaml?.hint ?? 'none'}` });
      const emoji = await attempt(() => engine.ask('🦆🦆🦆 ❓'));
      const said = 'error' in emoji && isVerbatimError(emoji.error) ? emoji.error.message : 'no error';
      tally.attempt({ clear: !/is empty/.test(said) && 'catalog' in emoji && emoji.catalog, note: `emoji-only question: "${said}"` });
    });
    // The rebuilt notice: an index written by another format version is rebuilt with a notice that carries a code.
    const file = path.join(indexDirFor(index, HASH_INFO), MANIFEST_FILE);
    await writeFile(file, JSON.stringify({ ...(JSON.parse(await readFile(file, 'utf8')) as object), version: 1 }));
    await rm(path.join(corpus, 'deep.json'));
    const notices: string[] = [];
    await closing(hashEngine(corpus, index, notices), async (engine) => {
      await engine.warmUp();
      // The temp folder named as [index]: the note goes into committed results.
      const notice = (notices.find((n) => /rebuilt/i.test(n)) ?? 'none').replaceAll(index, '[index]');
      tally.attempt({ clear: /^[A-Z_]+: /.test(notice), note: `rebuilt notice: "${notice.slice(0, 60)}…"` });
    });
    return tally.done();
  },
};

export const FAULT_SCENARIOS: readonly FaultScenario[] = [unreadableFolder, longLine, staleLock, askWhileIngesting, numericDates, editedManifest, escapeCodes, batchBlankLines, gatewayClose, messages];

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The real `verbatim` binary with the real offline encoder; killed after `timeoutMs`. */
export function runCli(args: string[], timeoutMs: number): Promise<VerbatimRun> {
  return runVerbatim(args, { timeoutMs });
}
