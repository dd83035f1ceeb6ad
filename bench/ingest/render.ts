/** Markdown for the ingest stage. Pure. */
import { formatNumber, markdownTable } from '../lib/report.js';
import type { IngestRun, ThroughputResult } from './throughput.js';

export type ThroughputRow = ThroughputResult & { corpus: string; loadMs: number; buildMs?: number };

export interface WholeCorpus {
  full: IngestRun;
  incremental: IngestRun;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : formatNumber(ms / 1000));

export function renderIngest(rows: readonly ThroughputRow[], whole: WholeCorpus, projections: ReadonlyArray<{ embedder: string; ms: number; articlesPerMinute: number }>): string {
  const throughput = markdownTable(
    ['corpus', 'embedder', 'articles', 'sentences', 'raw embedding, sentences/s', 'ingest, articles/min', 'ingest, sentences/s', 'ingest ÷ raw', 'read+parse s', 'embed s', 'index s', 'save s', 'model load s'],
    rows.map((r) => [
      r.corpus,
      r.embedder,
      r.articles,
      r.sentences,
      r.raw.sentencesPerSecond,
      r.ingest.articlesPerMinute,
      r.ingest.sentencesPerSecond,
      `${formatNumber(r.overhead)}×`,
      seconds(r.ingest.phases.reading),
      seconds(r.ingest.phases.embedding),
      seconds(r.ingest.phases.indexing),
      seconds(r.ingest.phases.saving),
      seconds(r.loadMs),
    ]),
  );
  const { full, incremental } = whole;
  const wholeTable = markdownTable(
    ['step', 'articles', 'sentences', 'passages', 'sentences embedded live', 'total s', 'read+parse s', 'embed s', 'index s', 'save s'],
    [
      [`all ${full.articles} articles, fresh index (sentence vectors from the bench's shared cache)`, full.articles, full.sentences, full.passages, full.embedded, seconds(full.ms), seconds(full.phases.reading), seconds(full.phases.embedding), seconds(full.phases.indexing), seconds(full.phases.saving)],
      [`re-ingest after changing ${incremental.changed} articles (1%), live USE lite`, incremental.articles, incremental.sentences, incremental.passages, incremental.embedded, seconds(incremental.ms), seconds(incremental.phases.reading), seconds(incremental.phases.embedding), seconds(incremental.phases.indexing), seconds(incremental.phases.saving)],
    ],
  );
  const projected = markdownTable(
    ['embedder', `projected full ingest of ${full.articles} articles, s`, 'articles/min'],
    projections.map((p) => [p.embedder, seconds(p.ms), p.articlesPerMinute]),
  );
  const minilm = rows.find((r) => r.buildMs !== undefined);
  return [
    'Raw embedding: the corpus\'s sentences embedded alone by the loaded embedder (both cores busy: USE lite runs two worker threads, ONNX Runtime two intra-op threads). ' +
      'Ingest: `engine.ingest()` end to end on the same corpus with the same loaded embedder and an empty index (read, parse, embed, build HNSW + BM25, save). Phases come from the engine\'s progress reports. ' +
      'For the sample rows raw and ingest alternate (twice in the full run) and the fastest of each counts: other processes only ever add time.',
    '',
    throughput,
    '',
    `MiniLM rows: the Transformers.js + ONNX Runtime path on a model of all-MiniLM-L6-v2's exact shape (6 layers, 384 hidden, 12 heads, 1536 FFN, 30,522-token vocabulary), random weights built by the bench${minilm ? ` in ${seconds(minilm.buildMs)} s` : ''} (bench/lib/bert-onnx.ts). Speed depends on the shape, not the weights; its vectors mean nothing, so it is timed here and never scored.`,
    '',
    '### The whole BBC corpus',
    '',
    wholeTable,
    '',
    'The full ingest takes its sentence vectors from the content-hash embedding cache, so its embed phase is cache reads; the projection below adds each embedder\'s measured raw rate to the measured non-embedding time:',
    '',
    projected,
  ].join('\n');
}
