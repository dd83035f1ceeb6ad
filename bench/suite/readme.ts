/** The results README: run facts, every target with its verdict, then each section's tables. Pure. */
import { header, markdownTable, type RunInfo } from '../lib/report.js';
import type { Section } from './section.js';
import { targetRow } from './targets.js';

export interface StageFailure {
  stage: string;
  message: string;
}

/** How long each stage took, in run order. */
export interface StageTiming {
  stage: string;
  ms: number;
}

export function renderReadme(info: RunInfo, sections: readonly Section[], failures: readonly StageFailure[], quick: boolean, timings: readonly StageTiming[] = []): string {
  const targets = sections.flatMap((s) => s.targets);
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  return [
    header(quick ? 'verbatim benchmarks (--quick smoke run: toy sizes, figures not meaningful)' : 'verbatim benchmarks', info).trimEnd(),
    ...(timings.length ? [`- wall time: ${minutes(total)} (${timings.map((t) => `${t.stage} ${minutes(t.ms)}`).join(', ')})`] : []),
    '',
    'Everything below was measured in this one run on this machine; ratios taken in the same run are what count, since these machines are noisy. ' +
      'Targets are reported, never asserted by a test.',
    '',
    'Run: `npm run bench` (everything; a first run embeds SQuAD with USE lite and builds the scale indexes, later runs reuse the embedding cache and any index built by the same code), ' +
      '`npm run bench -- --quick` (the one-minute smoke run CI does; its results go to bench/.cache/quick-results/), `--sample N` (N SQuAD questions), `--only qa,squad,ingest,scale`, `--rebuild` (scale indexes anew). ' +
      'Per-section JSON and markdown sit beside this file.',
    '',
    '## Targets',
    '',
    targets.length
      ? markdownTable(['target', 'where', 'limit', 'measured', 'status', 'by how much'], targets.map(targetRow))
      : 'No target was measured in this run.',
    ...failures.map((f) => `\n**Stage ${f.stage} failed:** ${f.message}`),
    ...sections.flatMap((s) => ['', `## ${s.title}`, '', s.markdown.trim()]),
    '',
  ].join('\n');
}

/** m:ss */
export function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
