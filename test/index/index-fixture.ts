/** A small indexed corpus in a temporary folder, shared by the store and ingest tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Article } from '../../src/corpus/types.js';
import type { IngestProgress } from '../../src/engine-types.js';
import { ingestArticles } from '../../src/index/ingest.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { makeArticle, windowPassages } from './make-article.js';

export const ARTICLES: Article[] = [
  makeArticle('parade.txt', [
    'Tanks and missiles rolled through Tiananmen Square.',
    'Xi Jinping reviewed the troops from the rostrum.',
    'Crowds waved flags along the avenue.',
  ]),
  makeArticle('summit.txt', ['Putin called Xi a dear friend.', 'The two leaders met in Beijing.', 'They signed an energy deal.', 'Kim Jong Un also attended.']),
  makeArticle('weather.txt', ['Beijing was sunny and mild.']),
];

export const DIMENSION = 32;

export function testEmbedder(): HashEmbedderTestDouble {
  return new HashEmbedderTestDouble(DIMENSION);
}

/** The test double's vector for one text, to compare with stored sentence vectors. */
export async function vectorOf(text: string): Promise<Float32Array> {
  return (await testEmbedder().embed([text]))[0]!;
}

/** Every text the double was asked to embed, in order. */
export function embeddedTexts(embedder: HashEmbedderTestDouble): string[] {
  return embedder.calls.flat();
}

export async function temporaryRoot(): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'verbatim-index-'));
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function ingest(
  root: string,
  articles: Article[],
  options: { embedder?: HashEmbedderTestDouble; rebuild?: boolean; onProgress?: (p: IngestProgress) => void } = {},
): ReturnType<typeof ingestArticles> {
  return ingestArticles({
    indexRoot: root,
    embedder: options.embedder ?? testEmbedder(),
    articles,
    rebuild: options.rebuild,
    buildPassages: (article) => windowPassages(article, 2),
    onProgress: options.onProgress,
  });
}
