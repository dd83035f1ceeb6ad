/**
 * `npm run bench:store [-- --passages N --sets seed,bbc --skip-dense --skip-serving]`: the files store against the PostgreSQL store,
 * side by side on one throwaway PostgreSQL cluster (started here, as the tests do):
 * - keyword retrieval: the BM25 index against PostgreSQL full-text search, on seed-qa and bbc-qa (gold evidence);
 * - answers: the share of identical results between the stores, BM25-only with a stand-in embedder on both sets
 *   (embedding the whole BBC corpus with USE lite takes far longer than this run may), hybrid with USE lite on seed-qa;
 * - dense retrieval and ingest at N synthetic passages (default 10,000): recall@10 against an exact scan, warm latency;
 * - a serving process on each store over the BBC corpus: cold start to the first answer and resident memory.
 * Writes bench/results/store-compare.{md,json}.
 */
import { parseArgs } from 'node:util';
import { bbcCorpus, seedCorpus } from './qa/sets.js';
import { header, runInfo, writeResults } from './lib/report.js';
import { sharedDataDir } from './lib/shared-data.js';
import { postgresMissing, startThrowawayPostgres } from './lib/postgres-cluster.js';
import { denseComparison, type DenseComparison } from './store/dense.js';
import { compareSet, type SetComparison } from './store/qa-sets.js';
import { renderAnswers, renderDense, renderLexical, renderServing } from './store/render.js';
import { servingComparison, type ServingComparison } from './store/serving.js';
import { standInEmbedder } from './store/stand-in-embedder.js';

const { values } = parseArgs({ options: { passages: { type: 'string', default: '10000' }, sets: { type: 'string', default: 'seed,bbc' }, 'skip-dense': { type: 'boolean', default: false }, 'skip-serving': { type: 'boolean', default: false } } });
const log = (line: string) => process.stderr.write(`[bench:store] ${line}\n`);
/** Small vectors keep hnswlib's build quick where the vectors do not matter (BM25-only answers). */
const STAND_IN_DIMENSION = 64;

async function main(): Promise<void> {
  const missing = postgresMissing();
  if (missing !== null) {
    process.stderr.write(`bench:store needs PostgreSQL with pgvector: ${missing}\n`);
    process.exitCode = 1;
    return;
  }
  const info = runInfo();
  const started = performance.now();
  const dataDir = sharedDataDir();
  const cacheDir = 'bench/.cache';
  const sets = values.sets.split(',').map((s) => s.trim()).filter(Boolean);
  const cluster = await startThrowawayPostgres();
  const comparisons: SetComparison[] = [];
  let dense: DenseComparison | null = null;
  let serving: ServingComparison | null = null;
  try {
    for (const name of sets) {
      const corpus = name === 'seed' ? seedCorpus(dataDir, cacheDir) : name === 'bbc' ? bbcCorpus(dataDir, cacheDir) : null;
      if (corpus === null) throw new Error(`unknown set ${name} (seed or bbc)`);
      comparisons.push(await compareSet({ corpus, databaseUrl: await cluster.createDatabase(), mode: 'bm25', embedder: standInEmbedder(STAND_IN_DIMENSION), lexical: true, log }));
      if (name === 'seed') comparisons.push(await compareSet({ corpus, databaseUrl: await cluster.createDatabase(), mode: 'hybrid', lexical: false, log }));
    }
    if (!values['skip-dense']) dense = await denseComparison(await cluster.createDatabase(), Number(values.passages), log);
    if (!values['skip-serving']) {
      const bbc = bbcCorpus(dataDir, cacheDir);
      serving = await servingComparison(bbc.corpusDir, await cluster.createDatabase(), bbc.items[0]!.question, log);
    }
  } finally {
    await cluster.stop();
  }
  const minutes = (performance.now() - started) / 60_000;
  const markdown = [
    header('Stores compared: files (BM25 + hnswlib) against PostgreSQL (full-text search + pgvector)', info),
    `Run time: ${minutes.toFixed(1)} min. PostgreSQL ${'15'} on a throwaway cluster on loopback (fsync off), pgvector HNSW (m 16, ef_construction 64); both stores choose the search ef by the same rule.`,
    '',
    '## Keyword retrieval: BM25 against PostgreSQL full-text search',
    '',
    'Answerable questions with gold evidence; a question counts at k when one of the first k passages holds an evidence sentence. Both stores hold the same passages; queries are the answer step\'s analysed question text, as the engine sends them.',
    '',
    renderLexical(comparisons),
    '',
    '## Answers on each store',
    '',
    '"identical": same status and the same quotes (article and offsets) in the same order. "hit": answerable, the first quote is a gold evidence sentence; unanswerable, no answer. BM25-only rows use a stand-in embedder (64-d synthetic vectors; BM25-only answers never read them) because embedding the 2,225-article BBC corpus with USE lite takes far longer than this run may; the hybrid row uses USE lite on the seed articles. Both stores of a row share one embedding cache, filled by the files store\'s ingest first: its ingest time includes embedding, PostgreSQL\'s does not.',
    '',
    renderAnswers(comparisons),
    '',
    ...(dense === null
      ? []
      : [
          `## Dense retrieval and ingest: ${dense.passages} passages, ${dense.sentences} sentences, 384-d`,
          '',
          'Synthetic news-sized articles with news-like synthetic sentence vectors (bench/index/synthetic-embeddings.ts), the same vectors in both stores; 200 queries drawn from the same model, recall@10 against an exact scan of the passage vectors, latency after 20 warm-up queries. Ingest includes building the HNSW index (hnswlib in process; pgvector inside PostgreSQL, in one transaction).',
          '',
          renderDense(dense),
          '',
        ]),
    ...(serving === null
      ? []
      : [
          `## A serving process on each store: the BBC corpus (${serving.articles} articles, ${serving.passages} passages, ${serving.sentences} sentences), 384-d stand-in vectors`,
          '',
          'A fresh process per run (the better of two): the engine as the bot builds it (files: the usual warm-up, which opens the index and checks the corpus for changes; PostgreSQL: serve-only, as a shard opens it, reading the articles and sentence vectors into memory and asking the database for candidates), then one question. Cold start: spawn (through tsx) to the first answer.',
          '',
          renderServing(serving),
          '',
        ]),
  ].join('\n');
  await writeResults('store-compare', { ...info, minutes, sets: comparisons, dense, serving }, markdown);
  log(`wrote bench/results/store-compare.md (${minutes.toFixed(1)} min)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
