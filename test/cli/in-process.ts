/**
 * The `verbatim` command line run in the test's own process (runCli with in-memory streams): what a user would see on
 * stdout and stderr and the exit status, without a child process. Settings come only from `env` (plus what the
 * binary's spawner sets: the offline encoder, no Discord token, no colour), never from the runner's environment.
 */
import { Readable, Writable } from 'node:stream';
import type { EngineDeps } from '../../src/engine.js';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Streams, settings and a stop button for one in-process run; `stderrText()` grows while it runs. */
export function inProcessIo(options: { input?: string; env?: Record<string, string> } = {}) {
  let stdoutText = '';
  let stderrText = '';
  const stdout = collector((text) => (stdoutText += text));
  const stderr = collector((text) => (stderrText += text));
  let stop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const io: CliIo = {
    stdin: Readable.from([options.input ?? '']),
    stdout,
    stderr,
    env: { EMBEDDER: 'use', DISCORD_TOKEN: '', NO_COLOR: '1', ...options.env },
    listenForStop: () => ({ stopped, release: () => {} }),
  };
  return { io, stop, stdout: () => stdoutText, stderr: () => stderrText };
}

/** `verbatim <args>` in-process; `engineDeps` may swap the embedder for a test double. */
export async function runInProcess(args: readonly string[], options: { input?: string; env?: Record<string, string>; engineDeps?: Omit<EngineDeps, 'notice'> } = {}): Promise<InProcessRun> {
  const run = inProcessIo(options);
  const code = await runCli(['node', 'verbatim', ...args], run.io, options.engineDeps);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** A stream that hands each write to `take` as it happens (so the text is complete when the command returns). */
function collector(take: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      take(chunk.toString());
      done();
    },
  });
}
