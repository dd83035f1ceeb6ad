/**
 * The process's own CLI io (src/cli/io.ts): what `verbatim serve` waits on. Real signals need a real process, so a
 * small node child runs the compiled module (dist/, rebuilt by the test setup) and the test signals it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../bench/lib/seed-corpus.js';

const CHILD = `
const { processIo } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/cli/io.js'))});
// Signal listeners do not keep a process alive; in \`serve\` the HTTP server does, here a timer.
const alive = setInterval(() => {}, 1000);
const stop = processIo().listenForStop();
console.log('listening', process.listenerCount('SIGTERM'));
const signal = await stop.stopped;
stop.release();
clearInterval(alive);
console.log('stopped by', signal, 'listeners left', process.listenerCount('SIGINT') + process.listenerCount('SIGTERM'));
`;

describe('processIo().listenForStop', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('resolves with %s instead of letting it end the process, and lets go of the signal after', async (signal) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const listening = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('listening')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await listening;
    child.kill(signal);
    expect(await exited, out).toBe(0);
    expect(out).toContain('listening 1');
    expect(out).toContain(`stopped by ${signal} listeners left 0`);
  });
});
