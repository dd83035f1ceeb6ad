/**
 * `npm run bench:summary`: extractive article summaries on the BBC News Summary set against Lead-3, Lead-k,
 * random and TextRank at the same sentence budget; writes bench/results/summary-bbc.{json,md} (a --sample run
 * writes summary-bbc-sample.*, a --no-embeddings run summary-bbc[-sample]-lexical.*).
 *   --sample N         score N articles of the split (fixed seed) instead of all
 *   --no-embeddings    lexical-only ablation: no embedder is loaded
 *   --split test|dev   which part to score (default test; dev is where parameters were chosen)
 *   --tune             grid-search the ranking parameters on the dev split and write summary-bbc-tuning.{json,md};
 *                      the best setting becomes the verbatim-dev row of later runs
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { parseArticle } from '../src/corpus/parse-article.js';
import type { SummarySource } from '../src/summary/source.js';
import { seededRandom } from './lib/seeded-random.js';
import { isDev, readBbc, type BbcRecord } from './summary/bbc-data.js';
import { defaultCacheDir, embedSentences } from './summary/bbc-embeddings.js';
import { evaluate, type EvalCase } from './summary/evaluate.js';
import { baselineMethods, verbatimMethod } from './summary/methods.js';
import { pairedBootstrap } from './summary/paired.js';
import { renderMarkdown } from './summary/report.js';
import { readTuned, tune } from './summary/tune.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const dataFile = path.resolve(repoRoot, '../shared/data/bbc-news-summary/bbc-news-summary.jsonl');
const resultsDir = path.join(repoRoot, 'bench', 'results');

const { values } = parseArgs({
  options: {
    sample: { type: 'string' },
    'no-embeddings': { type: 'boolean', default: false },
    split: { type: 'string', default: 'test' },
    tune: { type: 'boolean', default: false },
  },
});
const split = values.tune ? 'dev' : values.split;
if (split !== 'test' && split !== 'dev') throw new Error('--split must be test or dev');

const records = await readBbc(dataFile);
const articles = records.map((r) => parseArticle({ id: r.id, text: r.text, contentHash: r.id, meta: { title: r.title } }));
const chosen = sample(records.filter((r) => isDev(r.id) === (split === 'dev')), values.sample === undefined ? undefined : Number(values.sample));
const chosenIds = new Set(chosen.map((r) => r.id));
const byId = new Map(articles.map((a) => [a.id, a]));

const useEmbeddings = !values['no-embeddings'];
const embedding = useEmbeddings
  ? await embedSentences(articles.filter((a) => chosenIds.has(a.id)), defaultCacheDir(repoRoot))
  : { vectors: new Map<string, Float32Array>(), ms: 0, embedded: 0 };
// IDF comes from every article (the whole corpus, as in the engine); vectors only for the scored ones.
const source: SummarySource = { articles: byId, sentenceVector: (id, i) => embedding.vectors.get(`${id}#${i}`) };
const lexical: SummarySource = { articles: byId, sentenceVector: () => undefined };
const cases: EvalCase[] = chosen.map((r) => ({ id: r.id, category: r.category, text: r.text, reference: r.summary_sentences }));

if (values.tune) {
  await tune(cases, useEmbeddings ? source : lexical, resultsDir, commandLine());
} else {
  const tuned = await readTuned(resultsDir);
  if (!tuned) console.error('No bench/results/summary-bbc-tuning.json yet: run with --tune first for the verbatim-dev row.');
  const methods = [
    verbatimMethod('verbatim', useEmbeddings ? source : lexical),
    ...(tuned ? [verbatimMethod('verbatim-dev', useEmbeddings ? source : lexical, tuned)] : []),
    ...(useEmbeddings ? [verbatimMethod('verbatim-dense', source, { denseWeight: 0.5 })] : []),
    ...baselineMethods(lexical),
  ];
  const perArticle = new Map<string, number[]>();
  const results = evaluate(cases, methods, (method, f1) => {
    if (!perArticle.has(method)) perArticle.set(method, []);
    perArticle.get(method)!.push(f1);
  });
  const paired = Object.fromEntries(
    methods
      .filter((m) => m.name.startsWith('verbatim'))
      .map((m) => [m.name, pairedBootstrap(perArticle.get(m.name)!, perArticle.get('textrank-k')!)]),
  );
  const info = {
    command: commandLine(),
    date: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim(),
    machine: `${os.cpus()[0]?.model ?? 'unknown cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    split: values.sample === undefined ? split : `${split}, sample of ${values.sample}`,
    articles: cases.length,
    embedder: useEmbeddings ? 'use-lite:en (createEmbedder with EMBEDDER=use, cached)' : 'none (--no-embeddings)',
    embedMs: embedding.ms,
    embedded: embedding.embedded,
  };
  // Quick and ablation runs never overwrite the full run's figures.
  const name = `summary-bbc${values.sample === undefined ? '' : '-sample'}${useEmbeddings ? '' : '-lexical'}`;
  await mkdir(resultsDir, { recursive: true });
  await writeFileAtomic(path.join(resultsDir, `${name}.json`), JSON.stringify({ ...info, results, pairedWithTextRank: paired }, null, 2) + '\n');
  const markdown = renderMarkdown(results, info, paired);
  await writeFileAtomic(path.join(resultsDir, `${name}.md`), markdown);
  console.log(markdown);
}

/** A fixed-seed sample (seed 2025), or everything. */
function sample(list: BbcRecord[], n: number | undefined): BbcRecord[] {
  if (n === undefined) return list;
  const next = seededRandom(2025);
  const shuffled = [...list];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, n).sort((a, b) => a.id.localeCompare(b.id));
}

function commandLine(): string {
  return ['npm run bench:summary', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
}
