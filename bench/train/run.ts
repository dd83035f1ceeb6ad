/**
 * `npm run train`: fits the answer step's models from the question sets in ../shared/data (bbc-qa and
 * seed-qa asked of their news corpora, SQuAD 2.0 dev and XQuAD-en asked of their paragraphs) and writes
 * them as generated data files (src/answer/models/ranker.json, confidence.json), each with the command and
 * the cross-validated figures in its header. Same data, same code: same files.
 *
 * Options: `--check` fits and reports without writing, and fails unless the refit equals the committed files; `--news-only` leaves SQuAD and XQuAD out (a quick
 * look, reported only: the shipped models are always fitted on all four sets).
 */
import { writeFile, rename } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDataDir } from '../lib/shared-data.js';
import { markdownTable } from '../lib/report.js';
import { loadUseLite, withSharedCache } from '../lib/embedders.js';
import { bbcCorpus, seedCorpus, squadCorpus, xquadCorpus, type QaCorpus } from '../qa/sets.js';
import { examineCorpus, type ExaminedQuestion } from '../qa/examine.js';
import { newsScores, squadScores, type NewsScores } from '../qa/score-answers.js';
import type { SquadScores } from '../squad/metrics.js';
import { confidencePoints, foldModels, heldOutAnswers } from './cross-validate.js';
import { calibrationOf } from './calibration.js';
import { DEFAULT_SETTINGS, trainModels, type TrainSettings } from './train-models.js';
import { FOLDS } from './folds.js';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, 'news-only': { type: 'boolean', default: false } } });
const repoRoot = path.resolve(import.meta.dirname, '../..');
const cacheDir = path.resolve(repoRoot, process.env.BENCH_CACHE_DIR ?? 'bench/.cache');
const log = (line: string) => process.stderr.write(`[train] ${line}\n`);

async function examineAll(corpora: readonly QaCorpus[]): Promise<ExaminedQuestion[]> {
  const use = await loadUseLite();
  const embedder = await withSharedCache(use, cacheDir);
  try {
    const out: ExaminedQuestion[] = [];
    for (const corpus of corpora) {
      log(`${corpus.set}: ${corpus.items.length} questions (the first run indexes ${path.relative(repoRoot, corpus.corpusDir) || corpus.corpusDir})`);
      out.push(...(await examineCorpus(corpus, ['hybrid'], embedder, log)).get('hybrid')!);
    }
    return out;
  } finally {
    await embedder.close();
    await use.close();
  }
}

function crossValidate(questions: readonly ExaminedQuestion[], settings: TrainSettings) {
  const answers = heldOutAnswers(questions, foldModels(questions, settings, log));
  const scored = (set: string) => answers.filter((a) => a.question.item.set === set).map((a) => ({ item: a.question.item, composed: a.composed }));
  const news = answers.filter((a) => a.question.item.set === 'bbc' || a.question.item.set === 'seed');
  const wiki = (set: string) => (scored(set).length ? roundAll(squadScores(scored(set))) : null);
  return { bbc: roundAll(newsScores(scored('bbc'))), seed: roundAll(newsScores(scored('seed'))), squad: wiki('squad'), xquad: wiki('xquad'), calibration: calibrationOf(confidencePoints(news)) };
}

function newsRow(name: string, s: NewsScores): Array<string | number> {
  return [name, s.questions, s.hit1, s.hit3, s.answered, s.abstained, s.answeredRight, s.precision, s.spanF1];
}

function wikiRow(name: string, s: SquadScores): Array<string | number> {
  const pct = (v: number) => Math.round(v * 1000) / 10;
  return [name, s.questions, pct(s.sentenceHit1), pct(s.em), pct(s.f1), pct(s.hasAnsF1), pct(s.answeredRate), s.unanswerable ? pct(s.abstainRate) : '—'];
}

async function main(): Promise<void> {
  const dataDir = sharedDataDir();
  const squad = squadCorpus(dataDir, cacheDir);
  const corpora: QaCorpus[] = [seedCorpus(dataDir, cacheDir), bbcCorpus(dataDir, cacheDir)];
  if (!values['news-only']) corpora.push(squad, xquadCorpus(dataDir, cacheDir, new Set(squad.items.map((i) => i.id))));
  const questions = await examineAll(corpora);
  const settings = values['news-only'] ? { ...DEFAULT_SETTINGS, wikiWeight: 0 } : DEFAULT_SETTINGS;
  const cv = crossValidate(questions, settings);
  const newsHeader = ['news set (held out)', 'questions', 'hit@1', 'hit@3', 'answered (answerable)', 'abstained (unanswerable)', 'answered and right', 'precision', 'span F1'];
  const lines = [markdownTable(newsHeader, [newsRow('bbc-qa, 5 folds by story', cv.bbc), newsRow('seed-qa, trained without it', cv.seed)])];
  const wikiRows = [cv.squad && wikiRow('SQuAD 2.0 dev, 5 folds by article', cv.squad), cv.xquad && wikiRow('XQuAD-en, 5 folds by article', cv.xquad)].filter((r) => r !== null);
  if (wikiRows.length) lines.push('', markdownTable(['Wikipedia set (held out)', 'questions', 'sentence hit@1 %', 'EM', 'F1', 'HasAns F1', 'answered (answerable) %', 'abstained (unanswerable) %'], wikiRows));
  lines.push('', `held-out calibration (news questions): ECE ${cv.calibration.ece}`);
  process.stdout.write(lines.join('\n') + '\n');
  if (values['news-only']) return;

  const models = trainModels(questions, settings);
  const provenance = {
    about: 'Generated by `npm run train` (bench/train/run.ts); do not edit by hand. Rerun it to refit.',
    data: 'bbc-qa dev (240, asked of all 2,225 BBC articles), seed-qa dev (60, the seeds), SQuAD 2.0 dev (11,873, all paragraphs) and XQuAD-en (373 not in SQuAD 2.0 dev) from ../shared/data; hybrid retrieval, USE lite vectors',
    settings,
    crossValidated: {
      method: `${FOLDS} folds by story (bbc-qa) and by Wikipedia article (SQuAD, XQuAD); seed-qa scored by models trained without it`,
      ...cv,
    },
  };
  const files = {
    'src/answer/models/ranker.json': { ...provenance, ...models.ranker },
    'src/answer/models/confidence.json': { ...provenance, ...models.confidence },
  };
  if (values.check) {
    // The refit must reproduce the committed files byte for byte (the fits are deterministic).
    const differing = Object.entries(files).filter(([file, value]) => readFileSync(path.join(repoRoot, file), 'utf8') !== serialise(value));
    for (const [file] of differing) log(`${file} differs from this refit: rerun \`npm run train\` and commit it`);
    if (differing.length === 0) log('the refit reproduces the committed model files exactly');
    process.exitCode = differing.length === 0 ? 0 : 1;
    return;
  }
  for (const [file, value] of Object.entries(files)) await writeJson(path.join(repoRoot, file), value);
  log(`wrote ${Object.keys(files).join(' and ')}`);
}

function serialise(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(`${file}.tmp`, serialise(value));
  await rename(`${file}.tmp`, file);
}

function roundAll<T extends object>(scores: T): T {
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v])) as T;
}

await main();
