/**
 * Shared by the fault suite and the benchmark's reliability section: engines over the hashing test double, corpora
 * in temp folders, child processes (ingest, sleepers) and the outcome counts of the fault table.
 * Only APIs that predate the fixes are used, so the same scenarios measure the unfixed code ("before" figures).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../../../src/config.js';
import { createEngine } from '../../../src/engine.js';
import type { Engine } from '../../../src/engine-types.js';
import type { Embedder } from '../../../src/embedding/embedder.js';
import { HashEmbedderTestDouble } from '../hash-embedder.js';
import { REPO_ROOT, copySeeds, tempDir } from '../seed-corpus.js';
import { seededRandom } from '../seeded-random.js';

export { REPO_ROOT, copySeeds, tempDir };

/** One row of the fault table. */
export interface FaultCounts {
  /** Times the fault was provoked. */
  tried: number;
  /** Handled as the product should: a message with a code and a hint where one is due, and the bot carried on. */
  clear: number;
  /** The operation failed, hung, exited wrongly or showed a stack trace (the bot or its command was taken down). */
  crash: number;
  /** Articles missing afterwards that should have been there. */
  lost: number;
  /** Wrong data served or shown (an invented date, a misread index, raw escape codes, shifted batch lines). */
  corrupt: number;
}

export const HASH_DIMENSION = 64;

/**
 * An embedder that takes `delayMs` per call (a stand-in for the encoder's time, so a child can be killed mid-embedding).
 * A list gives each call its own delay, the last one repeating: `[0, 60_000]` embeds the first batch at once and then
 * stays inside the second batch's embedding until the child is killed.
 */
export class SlowHashEmbedder implements Embedder {
  private readonly inner = new HashEmbedderTestDouble(HASH_DIMENSION);
  private readonly delays: readonly number[];
  private calls = 0;
  constructor(delayMs: number | readonly number[]) {
    this.delays = typeof delayMs === 'number' ? [delayMs] : delayMs.length > 0 ? delayMs : [0];
  }
  get info() {
    return this.inner.info;
  }
  async embed(texts: readonly string[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<Float32Array[]> {
    const delay = this.delays[Math.min(this.calls++, this.delays.length - 1)]!;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return this.inner.embed(texts, options);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** An engine over `corpusDir` with the hashing test double; notices are collected in `notices`. */
export function hashEngine(corpusDir: string, indexDir: string, notices: string[] = [], embedder: Embedder = new HashEmbedderTestDouble(HASH_DIMENSION)): Engine {
  return createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, EMBEDDER: 'use' }), {
    createEmbedder: async () => ({ embedder, fallback: false, notice: null }),
    notice: (message: string) => notices.push(message),
  });
}

/** `count` generated articles of `sentences` sentences each (distinct words per article, so each is findable). */
export async function generatedCorpus(count: number, sentences: number, seed: number): Promise<string> {
  const dir = await tempDir('verbatim-fault-corpus-');
  const random = seededRandom(seed);
  const words = ['harbour', 'council', 'ferry', 'budget', 'bridge', 'school', 'river', 'market', 'station', 'festival', 'museum', 'tunnel'];
  for (let i = 0; i < count; i++) {
    const body: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const w = Array.from({ length: 8 }, () => words[Math.floor(random() * words.length)]!);
      body.push(`The ${w[0]} of Town${i} met the ${w[1]} on day ${s} and spoke of ${w.slice(2).join(' ')}.`);
    }
    await writeFile(path.join(dir, `a${String(i).padStart(4, '0')}.txt`), `Report number ${i} from Town${i}\n\n${body.join(' ')}\n`);
  }
  return dir;
}

/** A folder chain under `parent` whose absolute path is longer than PATH_MAX (made with relative steps). */
export async function tooDeepFolder(parent: string): Promise<void> {
  await mkdir(path.join(parent, 'deep'));
  const name = 'd'.repeat(240);
  const script = `cd deep && for i in $(seq 1 20); do mkdir ${name} && cd ${name}; done && printf 'Deep title\\n\\nA deep article.\\n' > buried.txt`;
  // bash, not dash: dash's cd resolves the whole path and fails past PATH_MAX.
  const made = spawnSync('bash', ['-c', script], { cwd: parent });
  if (made.status !== 0) throw new Error(`could not make the deep folder: ${made.stderr.toString()}`);
}

/** rm -rf: Node's recursive rm cannot remove a path past PATH_MAX. */
export function removeTree(dir: string): void {
  spawnSync('rm', ['-rf', dir]);
}

/** A process that is alive and is not verbatim (a reused pid). */
export function sleeper(): ChildProcess {
  return spawn('sleep', ['600'], { stdio: 'ignore' });
}

export const INGEST_CHILD = path.join(REPO_ROOT, 'bench/lib/faults/ingest-child.ts');

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A started ingest child; `go()` starts a held one's ingest. */
export interface IngestChild {
  child: ChildProcess;
  done: Promise<ChildResult>;
  /** Resolves once a held child has loaded everything and waits for `go()` (or once the child has ended). */
  loaded: Promise<void>;
  go(): void;
}

/** What a held child prints once it is ready to ingest. */
export const LOADED_LINE = 'loaded';

/**
 * Starts bench/lib/faults/ingest-child.ts (a real ingest in its own process); `onLine` sees each stdout line. A `held`
 * child loads the engine and the language model, says so, and starts its ingest only at `go()`: a caller can start
 * the next child while the current one runs, so the ~0.7 s of process start-up is not waited through for each.
 */
export function startIngestChild(corpusDir: string, indexDir: string, delayMs: number | readonly number[], onLine: (line: string) => void = () => {}, options: { held?: boolean } = {}): IngestChild {
  const args = [INGEST_CHILD, corpusDir, indexDir, typeof delayMs === 'number' ? String(delayMs) : delayMs.join(','), ...(options.held ? ['--held'] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO_ROOT, stdio: [options.held ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  let onLoaded: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (onLoaded = resolve));
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === LOADED_LINE) onLoaded();
      else onLine(line);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<ChildResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  void done.then(onLoaded);
  if (!options.held) onLoaded();
  return { child, done, loaded, go: () => child.stdin?.end('go\n') };
}

