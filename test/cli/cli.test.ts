/**
 * The terminal door through the real `verbatim` binary (bin/verbatim.js), as a user or a script
 * would run it: one index built by `ingest`, then `ask`, `ask --jsonl`, `articles` and the harness.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, copySeeds, tempDir } from '../helpers/seed-corpus.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function verbatim(args: string[], input = '', env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // FORCE_COLOR (which test runners may set) would win over NO_COLOR: only a test that passes it gets it.
    const { FORCE_COLOR: _inherited, ...inherited } = process.env;
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/verbatim.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...inherited, EMBEDDER: 'use', DISCORD_TOKEN: '', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

let dirs: string[];

beforeAll(async () => {
  const corpus = await copySeeds();
  const index = await tempDir('verbatim-cli-index-');
  dirs = ['--corpus', corpus, '--index', index];
  const built = await verbatim(['ingest', ...dirs]);
  expect(built.code, built.stderr).toBe(0);
  expect(built.stdout).toMatch(/Indexed 5 articles/);
}, 180_000);

describe('verbatim ask', () => {
  it('prints the quote with the span in bold and a numbered citation', async () => {
    const run = await verbatim(['ask', ...dirs, 'What did Putin call Xi?']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('“**dear friend**”');
    expect(run.stdout).toMatch(/\[1\] .+ ¶\d+ \((000_7603d30894732e43|004_efccd33ab1c55a82)\.txt/);
  });

  it('reads {"id","question"} lines and writes one result object per line (the batch contract)', async () => {
    const input = [
      JSON.stringify({ id: 'q1', question: 'What did Putin call Xi?' }),
      JSON.stringify({ id: 'q2', question: 'How many tanks were in the parade?' }),
      'not json',
      JSON.stringify({ id: 'q4', question: '' }),
      JSON.stringify({ id: 'q5', question: 42 }),
    ].join('\n');
    const run = await verbatim(['ask', '--jsonl', ...dirs], input);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 3, 'q4', 'q5']);
    const [answered, notFound, badLine, empty, numeric] = lines as Array<Record<string, any>>;
    expect(Object.keys(answered!)).toEqual(expect.arrayContaining(['id', 'question', 'status', 'confidence', 'answers', 'nearest']));
    expect(answered!.status).toBe('answered');
    expect(Object.keys(answered!.answers[0].citation).sort()).toEqual(['article', 'date', 'end', 'paragraph', 'publisher', 'sentence', 'start', 'title', 'url']);
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

  it('reads the question from stdin when none is given and stdin is piped', async () => {
    const run = await verbatim(['ask', ...dirs], 'What did Putin call Xi?\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('“**dear friend**”');
  });

  it('styles the span with ANSI bold when FORCE_COLOR is set, even piped', async () => {
    const run = await verbatim(['ask', ...dirs, 'What did Putin call Xi?'], '', { FORCE_COLOR: '1' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('\x1b[1mdear friend\x1b[22m');
  });

  it('prints an error code and a hint, not a stack trace, for a missing corpus', async () => {
    const run = await verbatim(['ask', '--corpus', '/nonexistent/verbatim-corpus', '--index', dirs[3]!, 'hello?']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error CORPUS_MISSING: .+\nhint: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('verbatim articles and the harness', () => {
  it('lists the articles', async () => {
    const run = await verbatim(['articles', ...dirs]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('003_6f30dbc2493a046e.txt  Xi meets Kim a day after show of unity with Putin at Chinese military parade');
    expect(run.stdout).toContain('(1–5 of 5)');
  });

  it('answers questions typed into the harness, like the bot would', async () => {
    const run = await verbatim(dirs, 'What did Putin call Xi?\nHow many tanks were in the parade?\n/articles\n/quit\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('dear friend');
    expect(run.stdout).toContain('The articles do not say.');
    expect(run.stdout).toContain('Closest passages');
    expect(run.stdout).toContain('002_5f0d9263cf5a718c.txt');
  });

  it('says a mistyped /command is unknown instead of answering it as a question', async () => {
    const run = await verbatim(dirs, '/sumary corpus\n/quit\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/error USAGE: Unknown command \/sumary\.\nhint: Ask a question/);
    expect(run.stdout).not.toContain('Closest passages');
  });
});

describe('verbatim serve', () => {
  it('serves the index over HTTP on 127.0.0.1 until SIGTERM, then exits cleanly', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/verbatim.js'), 'serve', '--port', '0', ...dirs], {
      cwd: REPO_ROOT,
      env: { ...process.env, EMBEDDER: 'use', DISCORD_TOKEN: '', API_TOKEN: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', () => {
          const match = /verbatim API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        child.on('close', () => reject(new Error(`serve exited early: ${stderr}`)));
      });
      // Ready once the engine has warmed up (bounded: the test's own timeout).
      while ((await fetch(`${url}/readyz`)).status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      const response = await fetch(`${url}/ask`, { method: 'POST', body: JSON.stringify({ question: 'What did Putin call Xi?' }) });
      expect(response.status).toBe(200);
      const result = (await response.json()) as { status: string; answers: Array<{ span: { text: string } }> };
      expect(result.status).toBe('answered');
      expect(result.answers[0]!.span.text).toBe('dear friend');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
    expect(stderr).toContain('SIGTERM: closing');
  });
});
