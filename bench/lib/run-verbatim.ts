/**
 * The real `verbatim` binary (bin/verbatim.js, the compiled dist/) as a user or a script runs it, with the offline
 * encoder and no Discord token: shared by the CLI tests and the fault scenarios. FORCE_COLOR (which test runners may
 * set) would win over NO_COLOR, so only a caller that passes it gets it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './seed-corpus.js';

export interface VerbatimRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed after `timeoutMs`. */
  timedOut: boolean;
}

export function runVerbatim(args: readonly string[], options: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<VerbatimRun> {
  return new Promise((resolve, reject) => {
    const { FORCE_COLOR: _inherited, ...inherited } = process.env;
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/verbatim.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...inherited, EMBEDDER: 'use', DISCORD_TOKEN: '', NO_COLOR: '1', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = options.timeoutMs === undefined ? null : setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.stdin.end(options.input ?? '');
  });
}
