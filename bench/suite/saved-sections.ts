/**
 * The results README is rebuilt from every section's result files on disk (`<id>.md` with its run header,
 * `<id>.json` with its run info and targets), so a partial run (`--only scale`) replaces its own section and
 * leaves the others as their last runs measured them, each saying when, at which commit and by which command.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunInfo } from '../lib/report.js';
import type { Target } from './targets.js';
import { firstTable } from './qa-stage.js';

/** README order; ids are the result files' names. */
export const SECTION_IDS = ['qa', 'time', 'squad-v2', 'ingest', 'scale', 'reliability'] as const;

export interface SavedSection {
  id: string;
  title: string;
  info: RunInfo;
  /** What the README shows: the section's tables (for qa, its first table and a link to the full report). */
  markdown: string;
  targets: Target[];
}

export function loadSavedSections(resultsDir: string): SavedSection[] {
  return SECTION_IDS.flatMap((id) => {
    const mdFile = path.join(resultsDir, `${id}.md`);
    const jsonFile = path.join(resultsDir, `${id}.json`);
    if (!existsSync(mdFile) || !existsSync(jsonFile)) return [];
    const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as { info: RunInfo; targets?: Target[] };
    const { title, body } = splitHeader(readFileSync(mdFile, 'utf8'));
    const markdown =
      id === 'qa'
        ? `${firstTable(body)}\n\nThe full report (SQuAD 2.0 and XQuAD-en, calibration, the threshold trade-off, the remaining errors): [qa.md](qa.md).`
        : id === 'time'
          ? `${firstTable(body)}\n\nThe questions whose outcome changed, one by one: [time.md](time.md) (\`npm run bench:time\`).`
          : body;
    return [{ id, title, info: json.info, markdown, targets: json.targets ?? [] }];
  });
}

/** `header()` writes "# title", a blank line and "- key: value" lines; the body is what follows. */
export function splitHeader(markdown: string): { title: string; body: string } {
  const lines = markdown.split('\n');
  const title = (lines[0] ?? '').replace(/^#\s*/, '');
  let i = 1;
  while (i < lines.length && (lines[i] === '' || lines[i]!.startsWith('- '))) i++;
  return { title, body: lines.slice(i).join('\n').trim() };
}
