/**
 * The terminal door, on the real offline encoder and real index files. Rendering, the batch contract and the harness
 * run in-process against one engine, as the CLI wires them; whole commands run in-process through runCli (coded
 * errors, `serve` until stopped); and the real `verbatim` binary (bin/verbatim.js, the compiled dist/) is spawned
 * once, as the smoke test of the process itself: a one-shot `ask` reading its question from stdin.
 */
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import { runBatch } from '../../src/cli/batch.js';
import { runHarness } from '../../src/cli/harness.js';
import { renderAnswer } from '../../src/cli/render-answer.js';
import { renderArticles } from '../../src/cli/render-misc.js';
import { styleFor } from '../../src/cli/style.js';
import { copySeeds } from '../../bench/lib/seed-corpus.js';
import { seedIndexWithUseVectors } from '../../bench/lib/seed-vectors.js';
import { runVerbatim } from '../../bench/lib/run-verbatim.js';
import { until } from '../../bench/lib/until.js';
import { runCli } from '../../src/cli/main.js';
import { inProcessIo, runInProcess } from './in-process.js';

let dirs: string[];
let engine: Engine;

beforeAll(async () => {
  const corpus = await copySeeds();
  // The seeds' USE-lite vectors are in its embedding cache: the warm-up stores them, embedding no article again.
  const index = await seedIndexWithUseVectors('verbatim-cli-index-');
  dirs = ['--corpus', corpus, '--index', index];
  // The same settings the command line reads from these flags and EMBEDDER=use, so its runs open this index as is.
  engine = createEngine(parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: index, EMBEDDER: 'use' }));
  const warm = await engine.warmUp();
  expect(warm.ingest?.articles).toBe(5);
}, 180_000);

afterAll(async () => {
  await engine?.close();
});

/** What the CLI prints to a pipe (or, with FORCE_COLOR, to a pipe that asked for colour). */
const piped = (env: Record<string, string> = {}) => styleFor({ isTTY: false }, env);

/** Collects what is written to a stream. */
function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('verbatim ask', () => {
  it('prints the quote with the span in bold and a numbered citation', async () => {
    const out = renderAnswer(await engine.ask('What did Putin call Xi?'), piped());
    expect(out).toContain('“**dear friend**”');
    expect(out).toMatch(/\[1\] .+ ¶\d+ \((000_7603d30894732e43|004_efccd33ab1c55a82)\.txt/);
  });

  it('reads {"id","question"} lines and writes one result object per line (the batch contract)', async () => {
    const input = [
      JSON.stringify({ id: 'q1', question: 'What did Putin call Xi?' }),
      JSON.stringify({ id: 'q2', question: 'How many tanks were in the parade?' }),
      'not json',
      JSON.stringify({ id: 'q4', question: '' }),
      JSON.stringify({ id: 'q5', question: 42 }),
    ].join('\n');
    const out = sink();
    await runBatch(engine, Readable.from([input]), out.stream);
    const lines = out.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 3, 'q4', 'q5']);
    const [answered, notFound, badLine, empty, numeric] = lines as Array<Record<string, any>>;
    expect(Object.keys(answered!)).toEqual(expect.arrayContaining(['id', 'question', 'status', 'confidence', 'answers', 'nearest']));
    expect(answered!.status).toBe('answered');
    expect(Object.keys(answered!.answers[0].citation).sort()).toEqual(['article', 'date', 'dateKind', 'end', 'paragraph', 'publisher', 'sentence', 'start', 'title', 'url']);
    expect(Array.isArray(answered!.answers[0].dates)).toBe(true);
    expect(answered!.answers[0]).toMatchObject({ sentence: expect.stringContaining('dear friend'), span: { text: 'dear friend' }, score: expect.any(Number) });
    expect(notFound!.status).toBe('not_found');
    expect(notFound!.nearest.length).toBeGreaterThan(0);
    expect(badLine!.error.code).toBe('BATCH_LINE_INVALID');
    expect(empty!.error).toMatchObject({ code: 'QUESTION_EMPTY', hint: expect.any(String) });
    // Every error line carries the caller's id and question as given (null where the line had none).
    expect(badLine).toMatchObject({ id: 3, question: null });
    expect(empty).toMatchObject({ id: 'q4', question: '' });
    expect(numeric).toMatchObject({ id: 'q5', question: 42, error: { code: 'BATCH_LINE_INVALID', hint: expect.any(String) } });
  });

  it('styles the span with ANSI bold when FORCE_COLOR is set, even piped', async () => {
    expect(renderAnswer(await engine.ask('What did Putin call Xi?'), piped({ FORCE_COLOR: '1' }))).toContain('\x1b[1mdear friend\x1b[22m');
  });

  it('as a process: reads the question from stdin when none is given and stdin is piped, and prints the answer', async () => {
    const run = await runVerbatim(['ask', ...dirs], { input: 'What did Putin call Xi?\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('“**dear friend**”');
    expect(run.stdout).toMatch(/\[1\] .+ ¶\d+ /);
  });

  it('refuses a bad --since with DATE_INVALID and a hint before opening anything', async () => {
    const run = await runInProcess(['ask', '--since', 'last week', ...dirs, 'What did Putin call Xi?']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error DATE_INVALID: .*last week.*\nhint: .*YYYY-MM-DD/);
  });

  it('prints an error code and a hint, not a stack trace, for a missing corpus', async () => {
    const run = await runInProcess(['ask', '--corpus', '/nonexistent/verbatim-corpus', '--index', dirs[3]!, 'hello?']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error CORPUS_MISSING: .+\nhint: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('verbatim articles and the harness', () => {
  it('lists the articles', async () => {
    const out = renderArticles(await engine.articles());
    expect(out).toContain('003_6f30dbc2493a046e.txt  Xi meets Kim a day after show of unity with Putin at Chinese military parade');
    expect(out).toContain('(1–5 of 5)');
  });

  /** The harness over piped input, as `verbatim` with no command runs it. */
  async function harness(input: string): Promise<string> {
    const out = sink();
    await runHarness(engine, Readable.from([input]), out.stream as unknown as NodeJS.WriteStream);
    return out.text();
  }

  it('answers questions typed into the harness, like the bot would', async () => {
    const out = await harness('What did Putin call Xi?\nHow many tanks were in the parade?\n/articles\n/quit\n');
    expect(out).toContain('dear friend');
    expect(out).toContain('The articles do not say.');
    expect(out).toContain('Closest passages');
    expect(out).toContain('002_5f0d9263cf5a718c.txt');
  });

  it('says a mistyped /command is unknown instead of answering it as a question', async () => {
    const out = await harness('/sumary corpus\n/quit\n');
    expect(out).toMatch(/error USAGE: Unknown command \/sumary\.\nhint: Ask a question/);
    expect(out).not.toContain('Closest passages');
  });
});

describe('verbatim serve', () => {
  it('serves the index over HTTP on 127.0.0.1 until told to stop (SIGTERM for the process), then ends with status 0', async () => {
    const run = inProcessIo({ env: { API_TOKEN: '' } });
    const status = runCli(['node', 'verbatim', 'serve', '--port', '0', ...dirs], run.io);
    try {
      let url: string | undefined;
      await until(() => (url = /verbatim API on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr())?.[1]) !== undefined, 'the API to listen');
      await until(async () => (await fetch(`${url}/readyz`)).status === 200, 'the engine to warm up');
      const response = await fetch(`${url}/ask`, { method: 'POST', body: JSON.stringify({ question: 'What did Putin call Xi?' }) });
      expect(response.status).toBe(200);
      const result = (await response.json()) as { status: string; answers: Array<{ span: { text: string } }> };
      expect(result.status).toBe('answered');
      expect(result.answers[0]!.span.text).toBe('dear friend');
    } finally {
      run.stop('SIGTERM');
    }
    expect(await status, run.stderr()).toBe(0);
    expect(run.stderr()).toContain('SIGTERM: closing');
  });
});
