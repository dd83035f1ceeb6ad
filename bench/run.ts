/**
 * `npm run bench`: every benchmark in one run, figures side by side — answer quality (news questions held out, SQuAD 2.0),
 * ingest throughput (both embedders) and query speed, HNSW recall and memory from 5 articles to 300,000 passages, and reliability (the fault table, kill -9 during ingest, the longest lines).
 * Writes bench/results/<section>.json and .md, then rebuilds bench/results/README.md from every section on disk. `--quick` is the one-minute smoke run CI uses.
 * Options: see USAGE in bench/suite/options.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { header, runInfo, writeResults } from './lib/report.js';
import { sharedDataDir } from './lib/shared-data.js';
import type { StageContext } from './suite/context.js';
import { parseBenchArgs, USAGE, type StageId } from './suite/options.js';
import { minutes, renderReadme, type StageFailure, type StageTiming } from './suite/readme.js';
import type { Section } from './suite/section.js';
import { loadSavedSections } from './suite/saved-sections.js';
import { qaStage } from './suite/qa-stage.js';
import { squadStage } from './squad/stage.js';
import { ingestStage } from './ingest/stage.js';
import { scaleStage } from './scale/stage.js';
import { reliabilityStage } from './reliability/stage.js';

const STAGE_RUNNERS: Record<StageId, (context: StageContext) => Promise<Section>> = {
  qa: qaStage,
  squad: squadStage,
  ingest: ingestStage,
  scale: scaleStage,
  reliability: reliabilityStage,
};

async function main(): Promise<number> {
  const repoRoot = path.resolve(import.meta.dirname, '..');
  const args = process.argv.slice(2);
  let options;
  try {
    options = parseBenchArgs(args, process.env, repoRoot);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const info = runInfo();
  const started = performance.now();
  const context: StageContext = { options, repoRoot, dataDir: sharedDataDir(), log: (line) => process.stderr.write(`[bench ${elapsed(started)}] ${line}\n`) };
  // The news questions run the separate QA benchmark (a first run indexes the whole BBC corpus); the smoke run leaves it out.
  const stages = options.quick ? options.stages.filter((s) => s !== 'qa') : options.stages;

  const failures: StageFailure[] = [];
  const timings: StageTiming[] = [];
  for (const stage of stages) {
    context.log(`stage ${stage}`);
    const stageStarted = performance.now();
    try {
      const section = await STAGE_RUNNERS[stage](context);
      if (!section.ownFiles) {
        await writeResults(section.id, { info, ...(section.json as object), targets: section.targets }, `${header(section.title, info)}\n${section.markdown}`, options.resultsDir);
      }
    } catch (error) {
      failures.push({ stage, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      context.log(`stage ${stage} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    timings.push({ stage, ms: performance.now() - stageStarted });
  }
  await mkdir(options.resultsDir, { recursive: true });
  const readme = renderReadme(info, loadSavedSections(options.resultsDir), failures, options.quick, timings);
  await writeFile(path.join(options.resultsDir, 'README.md'), readme);
  process.stdout.write(readme);
  context.log(`done in ${elapsed(started)}; results in ${path.relative(repoRoot, options.resultsDir)}/`);
  return failures.length > 0 ? 1 : 0;
}

function elapsed(started: number): string {
  return minutes(performance.now() - started);
}

process.exitCode = await main();
