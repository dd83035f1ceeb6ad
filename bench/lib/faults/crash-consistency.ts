/**
 * kill -9 a real ingest child at seeded random moments, over a corpus that changes between rounds (edits, additions,
 * removals), and check after every kill that the committed index opens (or that none was committed yet), then that a
 * final ingest holds exactly the corpus's articles and answers. Shared by the fault suite and the benchmark.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isVerbatimError } from '../../../src/errors.js';
import { openIndex } from '../../../src/index/store.js';
import { HashEmbedderTestDouble } from '../hash-embedder.js';
import { seededRandom } from '../seeded-random.js';
import { HASH_DIMENSION, generatedCorpus, hashEngine, startIngestChild, tempDir, type IngestChild } from './fault-kit.js';

export interface CrashRun {
  seed: number;
  kills: number;
  /** Kills after which the index opened (or none had been committed yet) and nothing committed was half-written. */
  survived: number;
  /** Kills that landed before the child finished (the others found the ingest already done). */
  interrupted: number;
  /** After the final ingest. */
  final: { ok: boolean; articles: number; expected: number; answered: boolean; problems: string[] };
  ms: number;
}

const HASH_INFO = new HashEmbedderTestDouble(HASH_DIMENSION).info;

export interface CrashOptions {
  kills: number;
  seed: number;
  log?: (line: string) => void;
}

export async function killNineRun(options: CrashOptions): Promise<CrashRun> {
  const started = performance.now();
  const corpus = await generatedCorpus(80, 12, options.seed);
  const index = await tempDir('verbatim-fault-index-');
  try {
    return await killRounds(options, corpus, index, started);
  } finally {
    await Promise.all([corpus, index].map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

async function killRounds(options: CrashOptions, corpus: string, index: string, started: number): Promise<CrashRun> {
  const random = seededRandom(options.seed);
  const problems: string[] = [];
  // Each child is started held, one round ahead: it loads while the round before runs, and its ingest starts at go().
  // So every kill lands inside an ingest's own work (reading, embedding, indexing, saving), none in process start-up.
  const held = () => startIngestChild(corpus, index, 5, () => {}, { held: true });
  let next: IngestChild | null = held();
  let survived = 0;
  let interrupted = 0;
  try {
    // How long an uninterrupted first build of this corpus takes from go(): kills land anywhere inside it.
    const baselineChild = next;
    next = options.kills > 0 ? held() : null;
    await baselineChild.loaded;
    const first = performance.now();
    baselineChild.go();
    const baseline = await baselineChild.done;
    if (baseline.code !== 0) throw new Error(`the uninterrupted ingest failed: ${baseline.stderr}`);
    const window = performance.now() - first;
    let nextId = 1000;
    for (let round = 0; round < options.kills; round++) {
      await mutate(corpus, random, () => nextId++);
      const current: IngestChild = next!;
      next = round + 1 < options.kills ? held() : null;
      await current.loaded;
      const at = Math.floor(random() * window);
      current.go();
      await new Promise((resolve) => setTimeout(resolve, at));
      const { child, done } = current;
      const wasRunning = child.exitCode === null;
      child.kill('SIGKILL');
      const result = await done;
      if (wasRunning && result.signal === 'SIGKILL') interrupted++;
      const opened = await openIndex(index, HASH_INFO).then(
        () => 'opened',
        (error: unknown) => (isVerbatimError(error) && error.code === 'INDEX_MISSING' ? 'missing' : `failed: ${isVerbatimError(error) ? error.code : String(error)}`),
      );
      if (opened === 'opened' || opened === 'missing') survived++;
      else problems.push(`kill ${round + 1} at ${at} ms: the index ${opened}`);
      options.log?.(`kill ${round + 1}/${options.kills} at ${at} ms: ${wasRunning ? 'interrupted' : 'already done'}, index ${opened}`);
    }
  } finally {
    // A held child that was never started (the run failed first) ends when its stdin closes.
    next?.child.stdin?.destroy();
  }
  // The final ingest runs here, in this process: the same engine code over the same files, and it has to recover from
  // whatever the last kill left (a dead writer's lock, a half-written generation or cache) before it can commit.
  const expected = (await readdir(corpus)).filter((name) => name.endsWith('.txt')).sort();
  const engine = hashEngine(corpus, index);
  let articles = 0;
  let answered = false;
  try {
    const report = await engine.ingest();
    if (report.articles !== expected.length) problems.push(`the final ingest reported ${report.articles} articles, the corpus holds ${expected.length}`);
    const list = await engine.articles({ limit: 100 });
    const all = [...list.items];
    for (let offset = 100; offset < list.total; offset += 100) all.push(...(await engine.articles({ offset, limit: 100 })).items);
    articles = list.total;
    const ids = all.map((item) => item.id).sort();
    if (JSON.stringify(ids) !== JSON.stringify(expected)) problems.push(`the index holds ${ids.length} articles, the corpus ${expected.length}`);
    const target = expected[Math.floor(random() * expected.length)]!.replace(/\.txt$/, '');
    const result = await engine.ask(`What did the council of Town${Number(target.slice(1))} meet?`);
    answered = result.answers.length + result.nearest.length > 0;
    if (!answered) problems.push('no quotes for a question about an indexed article');
  } catch (error) {
    problems.push(`the final index failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await engine.close();
  }
  return {
    seed: options.seed,
    kills: options.kills,
    survived,
    interrupted,
    final: { ok: problems.length === 0, articles, expected: expected.length, answered, problems },
    ms: Math.round(performance.now() - started),
  };
}

/** Edits, adds and removes a few articles, so every round's ingest has work to do. */
async function mutate(corpus: string, random: () => number, newId: () => number): Promise<void> {
  const names = (await readdir(corpus)).filter((name) => name.endsWith('.txt')).sort();
  for (let i = 0; i < 4; i++) {
    const name = names[Math.floor(random() * names.length)]!;
    const n = Number(name.slice(1, -4));
    await writeFile(path.join(corpus, name), `Report number ${n} from Town${n}\n\nThe council of Town${n} met the harbour board, edit ${Math.floor(random() * 1e6)}. It agreed on a new ferry timetable.\n`);
  }
  const id = newId();
  await writeFile(path.join(corpus, `a${id}.txt`), `Report number ${id} from Town${id}\n\nThe council of Town${id} met the museum trustees. They spoke of the festival budget.\n`);
  if (names.length > 40 && random() < 0.5) await rm(path.join(corpus, names[Math.floor(random() * names.length)]!));
}
