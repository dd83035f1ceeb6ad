/**
 * The reliability stage (issue 17): the fault table (every fault the fault-injection run found, provoked again by the
 * fault suite's own scenarios, bench/lib/faults/scenarios.ts, against the "before" figures recorded on the unfixed code),
 * kill -9 of a real ingest child at seeded moments, and the ingest time of the longest lines an article may hold,
 * through the real `verbatim ingest` with the real offline encoder.
 *
 * The scenarios live with the fault suite, which asserts every row; this stage only counts and prints them, so the
 * suite and the benchmark can never disagree about what a row means.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_EMBED_CHARS } from '../../src/index/ingest.js';
import { killNineRun } from '../lib/faults/crash-consistency.js';
import { removeTree, tempDir } from '../lib/faults/fault-kit.js';
import { FAULT_SCENARIOS, runCli } from '../lib/faults/scenarios.js';
import type { StageContext } from '../suite/context.js';
import type { Section } from '../suite/section.js';
import { round } from '../lib/stats.js';
import type { Target } from '../suite/targets.js';
import { BEFORE, BEFORE_COMMIT } from './before.js';
import { renderReliability, type FaultRow, type LineRow } from './render.js';

const KILLS = { quick: 3, full: 30 };
/** Longest unbroken lines ingested: 100 KB (the run that hung), 1 MB, and 9.5 MB, just under MAX_ARTICLE_BYTES' 10 MiB default. */
const LINE_BYTES = { quick: [100_000], full: [100_000, 1_000_000, 9_500_000] };
const LINE_BUDGET_MS = 600_000;
/** The crash run's seed: fixed so reruns kill at the same moments; FC_SEED picks another. */
const DEFAULT_SEED = 17;

export async function reliabilityStage(context: StageContext): Promise<Section> {
  const { options, log } = context;
  const faults: FaultRow[] = [];
  for (const scenario of FAULT_SCENARIOS) {
    log(`reliability: ${scenario.title}`);
    const started = performance.now();
    const after = await scenario.run();
    faults.push({ id: scenario.id, title: scenario.title, before: BEFORE[scenario.id] ?? null, after, ms: round(performance.now() - started) });
  }

  const seed = process.env.FC_SEED && /^\d+$/.test(process.env.FC_SEED) ? Number(process.env.FC_SEED) : DEFAULT_SEED;
  const kills = options.quick ? KILLS.quick : KILLS.full;
  log(`reliability: kill -9 of an ingest child, ${kills} times (seed ${seed})`);
  const crash = await killNineRun({ kills, seed, log: (line) => log(`reliability: ${line}`) });

  const lines: LineRow[] = [];
  for (const bytes of options.quick ? LINE_BYTES.quick : LINE_BYTES.full) {
    log(`reliability: ingest of one ${bytes}-byte line`);
    lines.push(await ingestLongLine(bytes));
  }

  const allClear = faults.every((row) => row.after.clear === row.after.tried && row.after.crash + row.after.lost + row.after.corrupt === 0);
  const longest = lines.at(-1)!;
  const targets: Target[] = [
    { what: 'fault scenarios handled (clear every time, nothing crashed, lost or corrupt)', where: `${faults.length} scenarios`, comparator: '>=', limit: faults.length, unit: 'scenarios', measured: faults.filter((row) => row.after.clear === row.after.tried && row.after.crash + row.after.lost + row.after.corrupt === 0).length },
    { what: 'kill -9 during ingest survived (index opens after the kill)', where: `${kills} kills`, comparator: '>=', limit: kills, unit: 'kills', measured: crash.survived },
    { what: `ingest of the longest line (${(longest.bytes / 1e6).toFixed(1)} MB), real encoder`, where: 'one article', comparator: '<=', limit: 120, unit: 's', measured: longest.ok ? longest.seconds : null },
  ];
  log(`reliability: ${allClear ? 'every fault handled' : 'some faults not handled'}; ${crash.survived}/${crash.kills} kills survived`);
  return {
    id: 'reliability',
    title: 'Reliability: the fault table, kill -9 during ingest, the longest line',
    markdown: renderReliability({ faults, crash, lines, beforeCommit: BEFORE_COMMIT, maxEmbedChars: MAX_EMBED_CHARS, quick: options.quick }),
    json: { faults, crash, lines, beforeCommit: BEFORE_COMMIT },
    targets,
  };
}

/** One article whose body is a single unbroken line of `bytes` characters, ingested by the real CLI with USE lite. */
async function ingestLongLine(bytes: number): Promise<LineRow> {
  const corpus = await tempDir('verbatim-bench-line-corpus-');
  const index = await tempDir('verbatim-bench-line-index-');
  try {
    const words = Math.ceil(bytes / 10);
    const line = Array.from({ length: words }, (_, i) => `word${String(i % 10_000).padStart(5, '0')}`).join(' ').slice(0, bytes);
    await writeFile(path.join(corpus, 'long.txt'), `A very long line\n\n${line}\n\nThe harbour toll rose to 42 euros on Monday.\n`);
    const started = performance.now();
    const run = await runCli(['ingest', '--corpus', corpus, '--index', index], LINE_BUDGET_MS);
    const seconds = round((performance.now() - started) / 1000);
    const ok = run.code === 0 && /Indexed 1 articles/.test(run.stdout);
    return { bytes, seconds, ok, capped: /SENTENCE_CAPPED/.test(run.stderr), note: run.timedOut ? `killed after ${LINE_BUDGET_MS / 1000} s` : ok ? 'indexed' : `exit ${run.code}: ${run.stderr.trim().split('\n')[0] ?? ''}` };
  } finally {
    removeTree(corpus);
    removeTree(index);
  }
}
