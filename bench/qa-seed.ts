/**
 * `npm run bench:qa`: the seed dev questions through the batch form (`ask --jsonl`), scored for
 * BM25-only, dense-only and hybrid (and the fusion ablation), with the offline embedder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parseConfig } from '../src/config.js';
import { createEngine } from '../src/engine.js';
import type { RetrievalMode } from '../src/answer/types.js';
import type { FusionMethod } from '../src/search/fusion.js';
import { runBatch } from '../src/cli/batch.js';
import { header, markdownTable, runInfo, writeResults } from './lib/report.js';
import { readJsonl, sharedDataDir } from './lib/shared-data.js';
import { scoreSeed, type BatchResult, type SeedQuestion, type SeedScores } from './qa/seed-eval.js';

interface Variant {
  name: string;
  mode: RetrievalMode;
  fusion?: FusionMethod;
}

const VARIANTS: Variant[] = [
  { name: 'BM25 only', mode: 'bm25' },
  { name: 'dense only', mode: 'dense' },
  { name: 'hybrid, plain RRF', mode: 'hybrid', fusion: 'rrf' },
  { name: 'hybrid, weighted RRF', mode: 'hybrid', fusion: 'weighted-rrf' },
  { name: 'hybrid (score fusion + sentence re-scoring)', mode: 'hybrid', fusion: 'score' },
];

async function runVariant(variant: Variant, questions: readonly SeedQuestion[], indexDir: string): Promise<Map<string, BatchResult>> {
  const config = parseConfig({ ...process.env, CORPUS_DIR: 'seeds', INDEX_DIR: indexDir, EMBEDDER: process.env.EMBEDDER ?? 'use' });
  const engine = createEngine(config, variant.fusion ? { fusion: variant.fusion } : {});
  try {
    await engine.warmUp();
    const input = Readable.from(questions.map((q) => JSON.stringify({ id: q.id, question: q.question }) + '\n'));
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    await runBatch(engine, input, output, { mode: variant.mode });
    output.end();
    const results = chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as BatchResult);
    return new Map(results.map((r) => [r.id, r]));
  } finally {
    await engine.close();
  }
}

/** Threshold sweep on the hybrid run: how answered and abstain rates trade off. */
function sweep(questions: readonly SeedQuestion[], results: ReadonlyMap<string, BatchResult>): Array<{ threshold: number } & SeedScores> {
  const rows = [];
  for (let t = 0.2; t <= 0.7001; t += 0.025) rows.push({ threshold: Math.round(t * 1000) / 1000, ...scoreSeed(questions, results, t) });
  return rows;
}

async function main(): Promise<void> {
  const info = runInfo();
  const questions = readJsonl<SeedQuestion>(path.join(sharedDataDir(), 'seed-qa/seed-qa.dev.jsonl'));
  const indexDir = path.resolve('bench/.cache/qa-seed-index');
  fs.mkdirSync(indexDir, { recursive: true });

  const scored: Array<{ variant: Variant; scores: SeedScores; results: Map<string, BatchResult> }> = [];
  for (const variant of VARIANTS) {
    const results = await runVariant(variant, questions, indexDir);
    scored.push({ variant, scores: scoreSeed(questions, results), results });
    process.stderr.write(`${variant.name}: done\n`);
  }

  const table = markdownTable(
    ['variant', 'hit@1', 'hit@3', 'answered (answerable)', 'abstained (unanswerable)', 'answered and correct', 'span F1 (factoid)'],
    scored.map(({ variant, scores: s }) => [variant.name, s.hit1, s.hit3, s.answered, s.abstained, s.correctAnswered, s.spanF1]),
  );
  const hybrid = scored[scored.length - 1]!;
  const sweepRows = sweep(questions, hybrid.results);
  const sweepTable = markdownTable(
    ['threshold', 'answered', 'abstained', 'answered and correct'],
    sweepRows.map((r) => [r.threshold, r.answered, r.abstained, r.correctAnswered]),
  );
  const failures = questions
    .filter((q) => {
      const r = hybrid.results.get(q.id);
      return q.answerable ? r?.status !== 'answered' || !scoreSeed([q], new Map([[q.id, r!]])).hit1 : r?.status === 'answered';
    })
    .map((q) => `- ${q.id} (${q.kind}, confidence ${hybrid.results.get(q.id)?.confidence ?? '?'}): ${q.question}`);

  const markdown = [
    header('Seed dev set: answer quality', info),
    `${questions.length} questions (${hybrid.scores.answerable} answerable, ${hybrid.scores.unanswerable} unanswerable), offline embedder, same index for every variant. hit@k counts a quote that contains (or is contained in) a gold evidence sentence of the same file, over the ranked quotes (answers, or the nearest passages when the engine abstains).`,
    '',
    table,
    '',
    '## Abstain-threshold sweep (hybrid)',
    '',
    sweepTable,
    '',
    '## Hybrid misses (wrong or unanswered answerable; answered unanswerable)',
    '',
    ...failures,
  ].join('\n');
  await writeResults('qa-seed', { info, variants: scored.map(({ variant, scores }) => ({ ...variant, ...scores })), sweep: sweepRows }, markdown);
  process.stdout.write(table + '\n\n' + failures.join('\n') + '\n');
}

await main();
