/**
 * Evidence for STORY_THRESHOLD (src/summary/story-grouping.ts): `tsx bench/summary/story-threshold.ts`.
 * On the seeds it prints the article similarity matrix and the stories found at each threshold; on a fixed
 * sample of BBC articles (no story labels, but a story never spans two categories) it counts multi-article
 * groups and how many of them mix categories. Writes bench/results/story-threshold.md.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { parseArticle } from '../../src/corpus/parse-article.js';
import type { Article } from '../../src/corpus/types.js';
import type { SummarySource } from '../../src/summary/source.js';
import { articleSimilarities, groupStories, STORY_DENSE_WEIGHT, STORY_THRESHOLD } from '../../src/summary/story-grouping.js';
import { seededRandom } from '../lib/seeded-random.js';
import { readBbc } from './bbc-data.js';
import { defaultCacheDir, embedSentences } from './bbc-embeddings.js';

const THRESHOLDS = [0.3, 0.35, 0.4, 0.425, 0.45, 0.475, 0.5, 0.55, 0.6];
const BBC_SAMPLE = 400;
const repoRoot = path.resolve(import.meta.dirname, '../..');

async function sourceOf(articles: Article[]): Promise<SummarySource> {
  const { vectors } = await embedSentences(articles, defaultCacheDir(repoRoot));
  return { articles: new Map(articles.map((a) => [a.id, a])), sentenceVector: (id, i) => vectors.get(`${id}#${i}`) };
}

const seeds = (await loadCorpus(path.resolve(repoRoot, '../shared/seeds'))).articles;
const seedSource = await sourceOf(seeds);
const ids = [...seedSource.articles.keys()].sort();
const short = (id: string): string => id.slice(0, 3);
const { matrix } = articleSimilarities(seedSource, ids);
const lines = [
  '# Story grouping threshold',
  '',
  `Command: \`npm run bench:story-threshold\`, ${new Date().toISOString()}. Similarity: ${STORY_DENSE_WEIGHT} × cosine of mean USE-lite sentence vectors + ${1 - STORY_DENSE_WEIGHT} × cosine of sublinear TF-IDF (article-level IDF); average linkage; chosen threshold ${STORY_THRESHOLD}.`,
  '',
  '## Seeds: pairwise article similarity',
  '',
  '| | ' + ids.map(short).join(' | ') + ' |',
  '|---|' + '---:|'.repeat(ids.length),
  ...ids.map((id, i) => `| ${short(id)} | ${Array.from(matrix[i]!, (x, j) => (i === j ? '–' : x.toFixed(3))).join(' | ')} |`),
  '',
  '| threshold | seed stories |',
  '|---:|---|',
  ...THRESHOLDS.map((threshold) => `| ${threshold} | ${groupStories(seedSource, { threshold }).map((g) => `{${g.map(short).join(', ')}}`).join(' ')} |`),
  '',
];

const records = await readBbc(path.resolve(repoRoot, '../shared/data/bbc-news-summary/bbc-news-summary.jsonl'));
const next = seededRandom(7);
const picked = records.map((r) => ({ r, key: next() })).sort((a, b) => a.key - b.key).slice(0, BBC_SAMPLE).map((x) => x.r);
const examples: string[] = [];
const category = new Map(picked.map((r) => [r.id, r.category]));
const bbcSource = await sourceOf(picked.map((r) => parseArticle({ id: r.id, text: r.text, contentHash: r.id, meta: { title: r.title } })));
lines.push(`## BBC: ${BBC_SAMPLE} articles (seed 7), all five categories`, '', '| threshold | multi-article groups | articles in them | groups mixing categories | largest |', '|---:|---:|---:|---:|---:|');
for (const threshold of THRESHOLDS) {
  const groups = groupStories(bbcSource, { threshold }).filter((g) => g.length > 1);
  const mixed = groups.filter((g) => new Set(g.map((id) => category.get(id))).size > 1).length;
  lines.push(`| ${threshold} | ${groups.length} | ${groups.reduce((n, g) => n + g.length, 0)} | ${mixed} | ${Math.max(0, ...groups.map((g) => g.length))} |`);
  if (threshold === STORY_THRESHOLD) examples.push(...groups.slice(0, 12).map((g) => g.map((id) => `${id} “${bbcSource.articles.get(id)!.title}”`).join(' · ')));
}
lines.push('', `Multi-article groups at ${STORY_THRESHOLD} (first 12), to judge by eye whether they are one story:`, '', ...examples.map((e) => `- ${e}`), '');
await mkdir(path.join(repoRoot, 'bench', 'results'), { recursive: true });
await writeFileAtomic(path.join(repoRoot, 'bench', 'results', 'story-threshold.md'), lines.join('\n'));
console.log(lines.join('\n'));
