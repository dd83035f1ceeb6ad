/** The news questions (seed-qa and bbc-qa, held out): runs `bench/qa.ts` as `npm run bench:qa` does and takes its first table into the README. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StageContext } from './context.js';
import { runChild } from './child.js';
import type { Section } from './section.js';

export async function qaStage(context: StageContext): Promise<Section> {
  // SQuAD has a stage of its own; this one keeps to the news sets (the first run indexes the 2,225 BBC articles).
  const run = await runChild(path.join(context.repoRoot, 'bench', 'qa.ts'), ['--sets', 'seed,bbc'], { cwd: context.repoRoot });
  const markdown = await readFile(path.join(context.repoRoot, 'bench', 'results', 'qa.md'), 'utf8');
  const json = JSON.parse(await readFile(path.join(context.repoRoot, 'bench', 'results', 'qa.json'), 'utf8')) as unknown;
  return {
    id: 'qa',
    title: 'Answer quality: news questions, held out (bench/qa.ts)',
    markdown: [firstTable(markdown), '', `Full report with calibration, the threshold trade-off and the remaining errors: [qa.md](qa.md) (${Math.round(run.wallMs / 1000)} s). \`npm run bench:qa\` adds SQuAD 2.0 and XQuAD-en.`].join('\n'),
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
