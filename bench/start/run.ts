/**
 * `npx tsx bench/start/run.ts --repo <checkout> --corpus <dir> --index <root> [options]`: start-up and serving figures
 * for any checkout, through its own bin and its own cold-start child, so a change is measured against the commit
 * before it on the same index, the same machine and the same hour (`npm run bench` measures the current checkout in
 * its scale stage). Prints one JSON object.
 *   --titles <file.jsonl>   questions: headlines of these records (fixed-seed sample); else --question
 *   --question <text>       the one-shot question (default: the first headline)
 *   --cold-child <script>   the checkout's cold-start child (bench/scale/cold-start-child.{js,ts}); left out if absent
 *   --runs N                one-shots and cold starts (default 3)
 *   --concurrency N --rounds N   serve load (default 100 × 5); --no-serve leaves it out
 *   --lockfile <file>       size the production install this lockfile describes (default: the checkout's)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChild } from '../lib/child.js';
import { seededSample } from '../lib/random.js';
import { round } from '../lib/stats.js';
import { productionInstallSize } from './install-size.js';
import { measureStart } from './measure.js';

const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    corpus: { type: 'string' },
    index: { type: 'string' },
    titles: { type: 'string' },
    question: { type: 'string' },
    'cold-child': { type: 'string' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '5' },
    'no-serve': { type: 'boolean', default: false },
    lockfile: { type: 'string' },
  },
});
const here = path.resolve(import.meta.dirname, '../..');
const repo = path.resolve(values.repo ?? here);
const corpus = path.resolve(values.corpus!);
const index = path.resolve(values.index!);
const titles = values.titles
  ? seededSample(readFileSync(values.titles, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { title: string }).title), 1000, 14)
  : [];
const questions = [values.question ?? titles[0] ?? 'What did Putin call Xi?', ...titles.slice(1)];
const runs = Number(values.runs);

const cold: Array<{ ms: number; modulesLoadedMs: number; warmUpMs: number; firstAnswerMs: number; attribution: unknown }> = [];
const child = values['cold-child'] ? path.resolve(values['cold-child']) : null;
if (child && existsSync(child)) {
  for (let i = 0; i < runs; i++) {
    const run = await runChild(child, [corpus, index, questions[0]!], { cwd: repo });
    const answered = run.lines.find((line) => line.text.includes('"event":"answered"'))!;
    const parsed = JSON.parse(answered.text) as { modulesLoadedMs: number; warmUpMs: number; trace: { totalMs: number } };
    const attribution = JSON.parse(run.lines.at(-1)!.text) as unknown;
    cold.push({ ms: round(answered.at), modulesLoadedMs: round(parsed.modulesLoadedMs), warmUpMs: round(parsed.warmUpMs), firstAnswerMs: parsed.trace.totalMs, attribution });
  }
}
const start = await measureStart({
  repoRoot: repo,
  corpusDir: corpus,
  indexRoot: index,
  questions,
  runs,
  serve: values['no-serve'] ? null : { concurrency: Number(values.concurrency), rounds: Number(values.rounds), timeoutMs: 300_000 },
  log: (line) => process.stderr.write(`${line}\n`),
});
const install = await productionInstallSize(path.resolve(values.lockfile ?? path.join(repo, 'package-lock.json')), here);
process.stdout.write(`${JSON.stringify({ repo, corpus, index, cold, start, install: { packages: install.packages, bytes: install.bytes, largest: install.largest } }, null, 2)}\n`);
