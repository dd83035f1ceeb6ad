/** Grid search of the article-ranking parameters on the dev split; the defaults in article-ranking.ts come from here. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DEFAULT_ARTICLE_RANKING, type ArticleRankingOptions } from '../../src/summary/article-ranking.js';
import type { SummarySource } from '../../src/summary/source.js';
import { evaluate, type EvalCase } from './evaluate.js';
import { verbatimMethod } from './methods.js';

export const GRID = {
  leadWeight: [0, 0.1, 0.2, 0.4],
  halfLife: [1, 2],
  redundancy: [0, 0.1, 0.3],
  denseWeight: [0, 0.25],
  lexical: ['overlap', 'cosine'] as const,
};

export type TunedOptions = Required<Omit<ArticleRankingOptions, 'damping'>>;

/** The dev-best parameters, as `tune` wrote them, or null when tuning has not been run. */
export async function readTuned(resultsDir: string): Promise<TunedOptions | null> {
  try {
    const saved = JSON.parse(await readFile(path.join(resultsDir, 'summary-bbc-tuning.json'), 'utf8')) as { best: TunedOptions };
    return saved.best;
  } catch {
    return null;
  }
}

/** Every combination of GRID; halfLife is moot without a lead prior, so leadWeight 0 takes only the first. */
function gridPoints(): TunedOptions[] {
  return GRID.leadWeight.flatMap((leadWeight) =>
    (leadWeight === 0 ? GRID.halfLife.slice(0, 1) : GRID.halfLife).flatMap((halfLife) =>
      GRID.redundancy.flatMap((redundancy) =>
        GRID.denseWeight.flatMap((denseWeight) => GRID.lexical.map((lexical) => ({ leadWeight, halfLife, redundancy, denseWeight, lexical }))),
      ),
    ),
  );
}

export async function tune(cases: readonly EvalCase[], source: SummarySource, resultsDir: string, command: string): Promise<void> {
  const rows: Array<{ options: TunedOptions; rouge1: number; rouge2: number; rougeL: number }> = [];
  for (const options of gridPoints()) {
    const all = evaluate(cases, [verbatimMethod('candidate', source, options)]).candidate!.all!;
    rows.push({ options, rouge1: all.rouge1, rouge2: all.rouge2, rougeL: all.rougeL });
    console.error(JSON.stringify(options), (100 * all.rouge2).toFixed(2));
  }
  rows.sort((a, b) => b.rouge2 - a.rouge2);
  const { leadWeight, halfLife } = DEFAULT_ARTICLE_RANKING;
  const withPrior = rows.filter((r) => r.options.leadWeight === leadWeight && r.options.halfLife === halfLife);
  const row = (r: (typeof rows)[number], i: number): string => {
    const o = r.options;
    return `| ${i + 1} | ${o.leadWeight} | ${o.halfLife} | ${o.redundancy} | ${o.denseWeight} | ${o.lexical} | ${(100 * r.rouge1).toFixed(2)} | ${(100 * r.rouge2).toFixed(2)} | ${(100 * r.rougeL).toFixed(2)} |`;
  };
  const header = ['| rank | leadWeight | halfLife | redundancy | denseWeight | lexical | R-1 | R-2 | R-L |', '|---:|---:|---:|---:|---:|---|---:|---:|---:|'];
  const lines = [
    '# Ranking parameters chosen on the BBC dev split',
    '',
    `- command: \`${command}\`; ${cases.length} dev articles; date ${new Date().toISOString()}`,
    '- objective: mean ROUGE-2 F1 at the reference length in sentences; the test split is never scored here.',
    '',
    `## Best ${Math.min(20, rows.length)} of ${rows.length} settings (the first is \`verbatim-dev\` in summary-bbc.md)`,
    '',
    ...header,
    ...rows.slice(0, 20).map(row),
    '',
    `## With the engine's lead prior (leadWeight ${leadWeight}, halfLife ${halfLife}): how redundancy, denseWeight and the lexical measure fare`,
    '',
    ...header,
    ...withPrior.map(row),
    '',
  ];
  await mkdir(resultsDir, { recursive: true });
  await writeFileAtomic(path.join(resultsDir, 'summary-bbc-tuning.json'), JSON.stringify({ command, cases: cases.length, best: rows[0]!.options, rows }, null, 2) + '\n');
  await writeFileAtomic(path.join(resultsDir, 'summary-bbc-tuning.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}
