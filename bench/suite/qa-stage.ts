/** Answer quality, held out: runs `bench/qa.ts` as `npm run bench:qa` does and takes its first table into the README. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StageContext } from './context.js';
import { runChild } from '../lib/child.js';
import type { Section } from './section.js';

export async function qaStage(context: StageContext): Promise<Section> {
  // A first run indexes the 2,225 BBC articles and SQuAD's paragraphs; the fold models are fitted on all four sets.
  const run = await runChild(path.join(context.repoRoot, 'bench', 'qa.ts'), context.options.squadSample ? ['--squad-sample', String(context.options.squadSample)] : [], { cwd: context.repoRoot });
  const markdown = await readFile(path.join(context.repoRoot, 'bench', 'results', 'qa.md'), 'utf8');
  const json = JSON.parse(await readFile(path.join(context.repoRoot, 'bench', 'results', 'qa.json'), 'utf8')) as unknown;
  return {
    id: 'qa',
    title: 'Answer quality, held out: news questions, SQuAD 2.0 and XQuAD-en (bench/qa.ts)',
    markdown: [firstTable(markdown), '', `Full report with SQuAD 2.0 and XQuAD-en, calibration, the threshold trade-off and the remaining errors: [qa.md](qa.md) (${Math.round(run.wallMs / 1000)} s).`].join('\n'),
    json,
    targets: [],
    ownFiles: true,
  };
}

/** The first markdown table of a report, with the sentence introducing it. */
export function firstTable(markdown: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  if (start < 0) return markdown.trim();
  let end = start;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  const intro = start >= 2 && lines[start - 1] === '' && lines[start - 2] && !lines[start - 2]!.startsWith('-') ? [lines[start - 2]!, ''] : [];
  return [...intro, ...lines.slice(start, end)].join('\n');
}
