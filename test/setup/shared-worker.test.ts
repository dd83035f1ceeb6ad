/**
 * vitest.config.ts runs a worker's test files one after another in one module graph (isolate: false), so what a
 * file does to its process outlives it. This keeps that safe: no test file assigns or deletes process.env, changes
 * directory or adds a process listener; settings go through parseConfig({...}) and child processes get their own env.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../bench/lib/seed-corpus.js';

const LEAKS: Array<[string, RegExp]> = [
  ['assigns process.env', /process\.env(\.\w+|\[[^\]]+\])\s*=[^=]/],
  ['deletes from process.env', /delete\s+process\.env/],
  ['changes directory', /process\.chdir\(/],
  ['adds a process listener', /process\.(on|once|addListener)\(/],
];

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? testFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [])));
  return nested.flat();
}

describe('test files sharing a worker', () => {
  it('leave the process as they found it', async () => {
    const found: string[] = [];
    for (const file of await testFiles(path.join(REPO_ROOT, 'test'))) {
      if (file.includes(`${path.sep}setup${path.sep}`)) continue;
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        for (const [what, pattern] of LEAKS) if (pattern.test(line)) found.push(`${path.relative(REPO_ROOT, file)}:${i + 1} ${what}`);
      });
    }
    expect(found).toEqual([]);
  });
});
