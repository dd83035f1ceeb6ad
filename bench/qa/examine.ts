/**
 * Runs a question set through retrieval and the answer step's feature extraction exactly as the engine
 * does (same analysis, same retrieval call, same features), keeping every candidate sentence with all its
 * features and whether it answers. Training and the QA benchmark both start from this.
 */
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createAnswerer, type Examined } from '../../src/answer/answerer.js';
import { isUnsupportedScript, validateQuestion } from '../../src/answer/ask-input.js';
import { termStatsFrom } from '../../src/answer/term-stats.js';
import type { CachedEmbedder } from '../../src/embedding/cached-embedder.js';
import { openIndex } from '../../src/index/store.js';
import { retrieve, type RetrievalMode } from '../../src/search/retrieve.js';
import { lendEmbedder } from '../lib/embedders.js';
import { isHit, type QaCorpus, type QaItem } from './sets.js';

export interface ExaminedQuestion {
  item: QaItem;
  /** null when the engine answers without ranking (a question it cannot read, an empty index). */
  examined: Examined | null;
  /** Per candidate row: does the sentence answer? */
  labels: Uint8Array;
}

const EMBED_CHUNK = 1000;

export async function examineCorpus(corpus: QaCorpus, modes: readonly RetrievalMode[], embedder: CachedEmbedder, log: (line: string) => void): Promise<Map<RetrievalMode, ExaminedQuestion[]>> {
  await corpus.prepare();
  const config = parseConfig({ CORPUS_DIR: corpus.corpusDir, INDEX_DIR: corpus.indexDir, EMBEDDER: 'use' });
  const engine = createEngine(config, lendEmbedder(embedder));
  try {
    await engine.warmUp();
  } finally {
    await engine.close();
  }
  await embedder.flush();
  const index = await openIndex(corpus.indexDir, embedder.info);
  const stats = termStatsFrom(index.lexical);
  const answerer = createAnswerer();

  const analysed = corpus.items.map((item) => {
    try {
      const text = validateQuestion(item.question);
      return isUnsupportedScript(text) ? null : answerer.analyze(text);
    } catch {
      return null;
    }
  });
  const texts = analysed.map((a) => a?.text ?? '');
  const vectors: Float32Array[] = [];
  for (let from = 0; from < texts.length; from += EMBED_CHUNK) {
    vectors.push(...(await embedder.embed(texts.slice(from, from + EMBED_CHUNK).map((t) => t || '?'))));
    await embedder.flush();
  }

  const out = new Map<RetrievalMode, ExaminedQuestion[]>();
  for (const mode of modes) {
    const questions: ExaminedQuestion[] = [];
    for (const [i, item] of corpus.items.entries()) {
      const analysis = analysed[i];
      if (!analysis || index.passages.size === 0) {
        questions.push({ item, examined: null, labels: new Uint8Array(0) });
        continue;
      }
      const queryVector = mode === 'bm25' ? null : vectors[i]!;
      const candidates = await retrieve(index, analysis.text, queryVector, { mode, fusion: 'score' });
      const examined = await answerer.examine(analysis, candidates, {
        stats,
        queryVector,
        sentenceVector: (id, s) => (mode === 'bm25' ? undefined : index.sentenceVector(id, s)),
      });
      const labels = Uint8Array.from(examined.rows, (row) => (isHit(item, row.article.id, row.sentence.text) ? 1 : 0));
      questions.push({ item, examined, labels });
      if ((i + 1) % 2000 === 0) log(`${corpus.set} (${mode}): ${i + 1}/${corpus.items.length} questions examined`);
    }
    out.set(mode, questions);
  }
  return out;
}
