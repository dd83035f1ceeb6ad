import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLine, header } from '../../bench/lib/report.js';
import { loadSavedSections, splitHeader } from '../../bench/suite/saved-sections.js';
import { renderReadme } from '../../bench/suite/readme.js';

const machine = { machine: '2× test CPU', node: 'v20' };
const older = { ...machine, date: '2026-11-24T00:00:00.000Z', commit: 'old1234', command: 'npm run bench' };
const newer = { ...machine, date: '2026-12-05T00:00:00.000Z', commit: 'new5678', command: 'npm run bench:scale' };

function save(dir: string, id: string, title: string, info: typeof older, body: string, targets: unknown[] = []): void {
  writeFileSync(path.join(dir, `${id}.md`), `${header(title, info)}\n${body}\n`);
  writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ info, targets }));
}

describe('the results README rebuilt from the sections on disk', () => {
  it('keeps sections a partial run did not touch, each with its own date, commit and command, in a fixed order', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sections-'));
    save(dir, 'scale', 'Speed and scale', newer, '| size | p99 |\n| --- | --- |\n| 100k | 30 |', [{ what: 'warm p99', where: '100k', comparator: '<=', limit: 100, unit: 'ms', measured: 30 }]);
    save(dir, 'ingest', 'Ingest', older, 'Ingest tables.');
    writeFileSync(path.join(dir, 'squad-v2.md'), '# SQuAD without its JSON\n'); // half a section: left out
    const sections = loadSavedSections(dir);
    expect(sections.map((s) => s.id)).toEqual(['ingest', 'scale']);
    const readme = renderReadme(newer, sections, [], false);
    expect(readme).toContain('_Measured 2026-11-24 at commit old1234 by `npm run bench`._');
    expect(readme).toContain('_Measured 2026-12-05 at commit new5678 by `npm run bench:scale`._');
    expect(readme.indexOf('## Ingest')).toBeLessThan(readme.indexOf('## Speed and scale'));
    expect(readme).toMatch(/\| warm p99 \| 100k \| ≤ 100 ms \| 30 ms \| met \|/);
    expect(readme).not.toContain('SQuAD without its JSON');
  });

  it('splits a result file into its title and body', () => {
    expect(splitHeader(`${header('A title', older)}\nBody line.\n`)).toEqual({ title: 'A title', body: 'Body line.' });
  });
});

describe('the command a results file records', () => {
  const cwd = process.cwd();
  it('is the npm script as typed, without the arguments the script itself carries', () => {
    const env = { npm_lifecycle_event: 'bench:scale', npm_lifecycle_script: 'tsx bench/run.ts --only scale' };
    expect(commandLine(env, ['node', `${cwd}/bench/run.ts`, '--only', 'scale'])).toBe('npm run bench:scale');
    expect(commandLine({ npm_lifecycle_event: 'bench', npm_lifecycle_script: 'tsx bench/run.ts' }, ['node', `${cwd}/bench/run.ts`, '--quick'])).toBe('npm run bench -- --quick');
  });

  it('is `npx tsx <script>` when npx started it (never "npm run npx")', () => {
    expect(commandLine({ npm_lifecycle_event: 'npx' }, ['node', `${cwd}/bench/index/hnsw.ts`, '100000'])).toBe('npx tsx bench/index/hnsw.ts 100000');
  });
});
