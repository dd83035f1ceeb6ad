/**
 * Start-up and serving as a user meets them, through a checkout's own `verbatim` bin (so another checkout, e.g. the
 * commit before a change, is measured the same way): wall time of `--help` and of a one-shot `verbatim ask --json`,
 * and `verbatim serve` under concurrent `POST /ask` requests from a load generator on loopback, bounded in count and
 * in time.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { distribution, round, type Distribution } from '../lib/stats.js';

export interface ServeLoad {
  /** Requests in flight at once, and rounds of that many. */
  concurrency: number;
  rounds: number;
  requests: number;
  /** Answered with status 200. */
  ok: number;
  /** Requests per second over the rounds' wall time. */
  throughput: number;
  /** Per request, send to last byte, ms. */
  latency: Distribution;
  /** Process start to /readyz answering 200, ms. */
  readyMs: number;
}

export interface StartFigures {
  /** Wall ms of each `verbatim --help`. */
  helpMs: number[];
  /** Wall ms of each one-shot `verbatim ask --json` (process start to exit). */
  askMs: number[];
  /** Whether every one-shot answered (exit 0 and a result object). */
  askOk: boolean;
  serve: ServeLoad | null;
}

export interface StartOptions {
  /** The checkout whose bin/verbatim.js runs. */
  repoRoot: string;
  corpusDir: string;
  indexRoot: string;
  /** Questions: the first for the one-shots, all of them (cycled) for the load. */
  questions: readonly string[];
  runs: number;
  /** null: leave serving out (a checkout without `verbatim serve`). */
  serve: { concurrency: number; rounds: number; timeoutMs: number } | null;
  log?: (line: string) => void;
}

export async function measureStart(options: StartOptions): Promise<StartFigures> {
  const bin = path.join(options.repoRoot, 'bin', 'verbatim.js');
  const dirs = ['--corpus', options.corpusDir, '--index', options.indexRoot];
  const helpMs: number[] = [];
  const askMs: number[] = [];
  let askOk = true;
  for (let i = 0; i < options.runs; i++) {
    helpMs.push((await timed(bin, ['--help'], options.repoRoot)).ms);
    const ask = await timed(bin, ['ask', '--json', ...dirs, options.questions[0]!], options.repoRoot);
    askMs.push(ask.ms);
    askOk &&= ask.code === 0 && ask.stdout.includes('"status"');
  }
  options.log?.(`one-shot ask: ${askMs.map((ms) => Math.round(ms)).join(', ')} ms`);
  const serve = options.serve ? await serveLoad(bin, dirs, options.repoRoot, options.questions, options.serve) : null;
  return { helpMs: helpMs.map((ms) => round(ms)), askMs: askMs.map((ms) => round(ms)), askOk, serve };
}

const ENV = { EMBEDDER: 'use', DISCORD_TOKEN: '', API_TOKEN: '', NO_COLOR: '1' };

function timed(bin: string, args: string[], cwd: string): Promise<{ ms: number; code: number | null; stdout: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout }));
  });
}

async function serveLoad(bin: string, dirs: string[], cwd: string, questions: readonly string[], load: { concurrency: number; rounds: number; timeoutMs: number }): Promise<ServeLoad> {
  const started = performance.now();
  const deadline = started + load.timeoutMs;
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...dirs], { cwd, env: { ...process.env, ...ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const match = /verbatim API on (http:\/\/[^\s]+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      void exited.then((code) => reject(new Error(`verbatim serve exited (${code}) before listening: ${stderr.slice(0, 500)}`)));
    });
    while ((await fetch(`${url}/readyz`).then((r) => r.status, () => 0)) !== 200) {
      if (performance.now() > deadline) throw new Error('verbatim serve did not become ready in time');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const readyMs = performance.now() - started;
    const ask = async (question: string): Promise<{ ms: number; ok: boolean }> => {
      const sent = performance.now();
      const response = await fetch(`${url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
      await response.arrayBuffer();
      return { ms: performance.now() - sent, ok: response.status === 200 };
    };
    // A few questions first, one at a time: the first answers warm caches the load should not be charged for.
    for (const question of questions.slice(0, 5)) await ask(question);
    const latencies: number[] = [];
    let ok = 0;
    let wall = 0;
    let next = 5;
    let rounds = 0;
    for (; rounds < load.rounds && performance.now() < deadline; rounds++) {
      const roundStarted = performance.now();
      const replies = await Promise.all(Array.from({ length: load.concurrency }, () => ask(questions[next++ % questions.length]!)));
      wall += performance.now() - roundStarted;
      for (const reply of replies) {
        latencies.push(reply.ms);
        if (reply.ok) ok++;
      }
    }
    return { concurrency: load.concurrency, rounds, requests: latencies.length, ok, throughput: round(latencies.length / (wall / 1000)), latency: roundDistribution(distribution(latencies)), readyMs: round(readyMs) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function roundDistribution(d: Distribution): Distribution {
  return { n: d.n, p50: round(d.p50), p95: round(d.p95), p99: round(d.p99), mean: round(d.mean), max: round(d.max) };
}
