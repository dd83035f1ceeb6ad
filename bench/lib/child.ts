/**
 * Runs a bench script in a child Node process: TypeScript ones through tsx, plain `.js` ones (the cold start, which
 * runs the compiled dist/ as `npm start` does) with plain node. For memory isolation between sizes, for peak RSS per
 * size, and for cold start. The child writes progress to stderr and JSON lines to stdout; each line is kept with the
 * time it arrived.
 */
import { spawn } from 'node:child_process';

export interface ChildLine {
  /** ms since the spawn call. */
  at: number;
  text: string;
}

export interface ChildRun {
  lines: ChildLine[];
  wallMs: number;
}

export function runChild(script: string, args: readonly string[], options: { nodeArgs?: readonly string[]; cwd?: string } = {}): Promise<ChildRun> {
  const started = performance.now();
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, script, ...args], {
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: ChildLine[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const at = performance.now() - started;
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const text of parts) if (text.trim()) lines.push({ at, text });
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (pending.trim()) lines.push({ at: performance.now() - started, text: pending });
      if (code !== 0) reject(new Error(`${script} ${args.join(' ')} exited with ${code ?? signal}`));
      else resolve({ lines, wallMs: performance.now() - started });
    });
  });
}

/** The last stdout line of a child, parsed as its JSON result. */
export function lastJson<T>(run: ChildRun): T {
  const last = run.lines.at(-1);
  if (!last) throw new Error('the child printed no result');
  return JSON.parse(last.text) as T;
}

/** Writes one JSON line to stdout: how a child reports to the parent. */
export function report(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}
