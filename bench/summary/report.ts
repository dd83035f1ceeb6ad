/** Renders the BBC summary results as a markdown table with the run's provenance. */
import type { Scores } from './evaluate.js';
import type { PairedComparison } from './paired.js';

export interface RunInfo {
  command: string;
  date: string;
  commit: string;
  machine: string;
  split: string;
  articles: number;
  embedder: string;
  embedMs: number;
  embedded: number;
}

const DESCRIPTIONS: Record<string, string> = {
  verbatim: "ours with the engine's defaults: LexRank over IDF-weighted term overlap, lead prior 0.2, MMR 0.1",
  'verbatim-dev': 'ours with the parameters that scored best on the dev split (summary-bbc-tuning.md)',
  'verbatim-dense': "ours with the engine's defaults but sentence similarity 0.5 USE-lite cosine + 0.5 term overlap (embedding ablation)",
  'lead-k': 'first k sentences (same budget as ours)',
  'lead-3': 'first 3 sentences (the classic baseline; shorter than the budget when k > 3)',
  'random-k': `k random sentences (seeded), in article order`,
  'textrank-k': 'plain TextRank (Mihalcea & Tarau 2004), top k, no prior, no MMR',
};

const pct = (x: number): string => (100 * x).toFixed(1);
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

export function renderMarkdown(results: Record<string, Record<string, Scores>>, info: RunInfo, paired: Record<string, PairedComparison>): string {
  const methods = Object.keys(results);
  const groups = ['all', ...Object.keys(results[methods[0]!] ?? {}).filter((g) => g !== 'all').sort()];
  const lines = [
    '# Extractive summaries on BBC News Summary',
    '',
    `- command: \`${info.command}\``,
    `- date: ${info.date}; commit: ${info.commit}; machine: ${info.machine}`,
    `- split: ${info.split} (${info.articles} articles; exact duplicates skipped; parameters were chosen on the dev split only)`,
    `- embedder: ${info.embedder}; embedding took ${(info.embedMs / 1000).toFixed(1)} s (${info.embedded} sentences newly embedded, the rest from bench/.cache)`,
    '- budget: every method gets k = the number of sentences in the article\'s reference summary (≈45% of the article), except lead-3.',
    '- ROUGE: F1 ×100, rouge-score conventions (Porter stemming, ROUGE-L over the whole summary); sentence P/R: a chosen sentence is right when ≥50% of it lies in reference spans, a reference sentence found when ≥50% of it is chosen.',
    '',
    '| method | what | ' + ['R-1', 'R-2', 'R-L', 'sent P', 'sent R', 'ms/article'].join(' | ') + ' |',
    '|---|---|' + '---:|'.repeat(6),
    ...methods.map((m) => {
      const s = results[m]!.all!;
      return `| ${m} | ${DESCRIPTIONS[m] ?? ''} | ${pct(s.rouge1)} | **${pct(s.rouge2)}** | ${pct(s.rougeL)} | ${pct(s.sentencePrecision)} | ${pct(s.sentenceRecall)} | ${s.msPerArticle.toFixed(2)} |`;
    }),
    '',
    '## Against TextRank, article by article (ROUGE-2 F1 ×100, paired bootstrap, 2,000 resamples)',
    '',
    '| method | mean difference | 95% interval | articles better / worse |',
    '|---|---:|---:|---:|',
    ...Object.entries(paired).map(
      ([m, p]) => `| ${m} | ${signed(100 * p.meanDifference)} | ${signed(100 * p.low)} … ${signed(100 * p.high)} | ${p.wins} / ${p.losses} |`,
    ),
    '',
    '## Reading the table',
    '',
    '- Lead-3 is the classic news baseline but takes only three sentences while the others take k (mean ≈ 7.9), so its recall and F1 are low by construction; lead-k is the fair same-budget lead baseline.',
    '- `verbatim-dev` leads TextRank by a margin within noise (its interval above holds 0); the engine defaults trail it by about one point. Both beat Lead-3 and Lead-k by more than 20 points.',
    '- The BBC references are extractive and long, and they favour central sentences over early ones: on the dev split 72% of first sentences are in them, but only 40–50% of every later position. So a lead prior costs ROUGE here, and the dev split chose none (`verbatim-dev`). The engine keeps a light prior (`verbatim`) because on real news it keeps each article\'s opening fact; the gap between the two rows is its price on this benchmark.',
    '- `verbatim-dense` shows what USE-lite sentence embeddings do to centrality on this data: they lower it (see summary-bbc-tuning.md for every weight tried on dev).',
    '- ms/article is the selection step only (sentence vectors come from the cache); the first article of a run also pays for the corpus IDF table.',
    '',
    '## ROUGE-2 F1 per category',
    '',
    '| method | ' + groups.map((g) => `${g} (${results[methods[0]!]![g]!.articles})`).join(' | ') + ' |',
    '|---|' + '---:|'.repeat(groups.length),
    ...methods.map((m) => `| ${m} | ${groups.map((g) => pct(results[m]![g]!.rouge2)).join(' | ')} |`),
    '',
    '## ROUGE-1 / ROUGE-L F1 per category',
    '',
    '| method | ' + groups.join(' | ') + ' |',
    '|---|' + '---:|'.repeat(groups.length),
    ...methods.map((m) => `| ${m} | ${groups.map((g) => `${pct(results[m]![g]!.rouge1)} / ${pct(results[m]![g]!.rougeL)}`).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}
