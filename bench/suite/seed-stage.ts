/** The seed dev questions: runs the existing `bench/qa-seed.ts` as it is and takes its table into the README. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StageContext } from './context.js';
import { runChild } from './child.js';
import type { Section } from './section.js';

export async function seedStage(context: StageContext): Promise<Section> {
  const run = await runChild(path.join(context.repoRoot, 'bench', 'qa-seed.ts'), [], { cwd: context.repoRoot });
  const markdown = await readFile(path.join(context.repoRoot, 'bench', 'results', 'qa-seed.md'), 'utf8');
  const json = JSON.parse(await readFile(path.join(context.repoRoot, 'bench', 'results', 'qa-seed.json'), 'utf8')) as unknown;
  return {
    id: 'qa-seed',
    title: 'Answer quality: seed dev questions (bench/qa-seed.ts)',
    markdown: [firstTable(markdown), '', `Full report with the threshold sweep and the misses: [qa-seed.md](qa-seed.md) (${Math.round(run.wallMs / 1000)} s).`].join('\n'),
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
