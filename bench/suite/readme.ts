/** The results README: this run's facts, every saved section's targets with their verdicts, then each section's tables with when it was measured. Pure. */
import { header, markdownTable, type RunInfo } from '../lib/report.js';
import type { SavedSection } from './saved-sections.js';
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

export function renderReadme(info: RunInfo, sections: readonly SavedSection[], failures: readonly StageFailure[], quick: boolean, timings: readonly StageTiming[] = []): string {
  const targets = sections.flatMap((s) => s.targets);
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  return [
    header(quick ? 'verbatim benchmarks (--quick smoke run: toy sizes, figures not meaningful)' : 'verbatim benchmarks', info).trimEnd(),
    ...(timings.length ? [`- wall time: ${minutes(total)} (${timings.map((t) => `${t.stage} ${minutes(t.ms)}`).join(', ')})`] : []),
    '',
    'Each section below was measured in one run on this machine (it says which); ratios taken within a run are what count, since these machines are noisy. ' +
      'Targets are reported, never asserted by a test. A run of some sections (`--only`, `npm run bench:scale`…) replaces those and keeps the others.',
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
    ...sections.flatMap((s) => ['', `## ${s.title}`, '', `_Measured ${s.info.date.slice(0, 10)} at commit ${s.info.commit} by \`${s.info.command}\`._`, '', s.markdown.trim()]),
    '',
  ].join('\n');
}

/** m:ss */
export function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
