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
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/verbatim.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, EMBEDDER: 'use', DISCORD_TOKEN: '', NO_COLOR: '1', ...env },
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
    ].join('\n');
    const run = await verbatim(['ask', '--jsonl', ...dirs], input);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 3, 'q4']);
    const [answered, notFound, badLine, empty] = lines as Array<Record<string, any>>;
    expect(Object.keys(answered!)).toEqual(expect.arrayContaining(['id', 'question', 'status', 'confidence', 'answers', 'nearest']));
    expect(answered!.status).toBe('answered');
    expect(Object.keys(answered!.answers[0].citation).sort()).toEqual(['article', 'date', 'end', 'paragraph', 'publisher', 'sentence', 'start', 'title', 'url']);
    expect(answered!.answers[0]).toMatchObject({ sentence: expect.stringContaining('dear friend'), span: { text: 'dear friend' }, score: expect.any(Number) });
    expect(notFound!.status).toBe('not_found');
    expect(notFound!.nearest.length).toBeGreaterThan(0);
    expect(badLine!.error.code).toBe('BATCH_LINE_INVALID');
    expect(empty!.error).toMatchObject({ code: 'QUESTION_EMPTY', hint: expect.any(String) });
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
});
