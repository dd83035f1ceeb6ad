/**
 * `npm run bench:splitters`: the sentence splitter under the product's fix-ups (src/corpus/sentences.ts), sbd against
 * wink-nlp's own splitter, on the gold segmentations in ../shared/data: the BBC News Summary's reference summaries
 * (17,602 sentence spans copied from the articles) and the bbc-qa evidence sentences. A gold span is matched when
 * it is exactly one sentence of the split; a false split is a boundary strictly inside a gold span. Writes
 * bench/results/splitters.{md,json}.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type winkNLP from 'wink-nlp';
import { endsOfPieces, sbdBoundaries, splitSentences, type BaseSplitter } from '../../src/corpus/sentences.js';
import { header, markdownTable, runInfo, writeResults } from '../lib/report.js';
import { sharedDataDir } from '../lib/shared-data.js';

interface BbcRecord {
  id: string;
  text: string;
  summary_sentences: Array<{ start: number; end: number; text: string }>;
  duplicate_of: string | null;
}

const dataDir = sharedDataDir();
const records = readFileSync(path.join(dataDir, 'bbc-news-summary', 'bbc-news-summary.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as BbcRecord)
  .filter((record) => record.duplicate_of === null);
const evidence = readFileSync(path.join(dataDir, 'bbc-qa', 'bbc-qa.dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .flatMap((line) => (JSON.parse(line) as { evidence: Array<{ file: string; sentence: string }> }).evidence);

// wink-nlp with only its sentence splitter in the pipe (no tagging or entities: what a splitter would cost).
const require = createRequire(import.meta.url);
const wink = (require('wink-nlp') as typeof winkNLP)(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], ['sbd']);
const winkBoundaries: BaseSplitter = (text, from, to) => endsOfPieces(text, from, to, wink.readDoc(text.slice(from, to)).sentences().out() as string[]).filter((end) => end < to);

/** Paragraphs of a BBC text (blank-line separated), as the corpus parser hands blocks to the splitter. */
function paragraphs(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

interface Score {
  splitter: string;
  goldSpans: number;
  exact: number;
  falseSplits: number;
  evidence: number;
  evidenceFound: number;
  sentences: number;
  ms: number;
}

function score(name: string, base: BaseSplitter): Score {
  let goldSpans = 0;
  let exact = 0;
  let falseSplits = 0;
  let sentences = 0;
  let ms = 0;
  const sentencesOf = new Map<string, Set<string>>();
  for (const record of records) {
    const started = performance.now();
    const spans = paragraphs(record.text).flatMap(([from, to]) => splitSentences(record.text, from, to, base));
    ms += performance.now() - started;
    sentences += spans.length;
    const starts = new Map(spans.map((span) => [span.start, span.end]));
    const boundaries = spans.map((span) => span.start);
    for (const gold of record.summary_sentences) {
      goldSpans++;
      if (starts.get(gold.start) === gold.end) exact++;
      falseSplits += boundaries.filter((b) => b > gold.start && b < gold.end).length;
    }
    sentencesOf.set(record.id, new Set(spans.map((span) => record.text.slice(span.start, span.end))));
  }
  const found = evidence.filter((item) => sentencesOf.get(item.file)?.has(item.sentence)).length;
  return { splitter: name, goldSpans, exact, falseSplits, evidence: evidence.length, evidenceFound: found, sentences, ms: Math.round(ms) };
}

const scores = [score('sbd + fix-ups (current)', sbdBoundaries), score('wink-nlp sbd + the same fix-ups', winkBoundaries)];
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(2)}%`;
const table = markdownTable(
  ['splitter', 'summary spans matched exactly', 'false splits inside summary spans', 'bbc-qa evidence sentences found', 'sentences', 'split time, all articles (ms)'],
  scores.map((s) => [s.splitter, `${s.exact} / ${s.goldSpans} (${pct(s.exact, s.goldSpans)})`, s.falseSplits, `${s.evidenceFound} / ${s.evidence} (${pct(s.evidenceFound, s.evidence)})`, s.sentences, s.ms]),
);
const info = runInfo();
const title = 'Sentence splitters on gold segmentations: sbd and wink-nlp';
const markdown = `${header(title, info)}\n${records.length} BBC articles (exact duplicates left out), split paragraph by paragraph through the product's fix-ups (sentence-fixups.ts) with each splitter underneath.\n\n${table}\n`;
await writeResults('splitters', { info, scores }, markdown);
process.stdout.write(markdown);
