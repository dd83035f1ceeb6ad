#!/usr/bin/env node
/**
 * `npm run build` (run by `npm ci` and `npm install` through `prepare`): compiles src/ to dist/ with tsc, which
 * `npm start`, the `verbatim` bin and the worker threads run, so nothing is transpiled at start-up.
 *
 * dist/ is emptied first (a deleted source must not live on as stale JavaScript); the plain-JavaScript worker
 * entries in src/ (Node starts them itself) are copied as they are. A `.build-stamp` file records when the build
 * finished: test/setup/build-dist.ts rebuilds when a source file is newer.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
// typescript is a direct dev dependency, so npm places it at the top of node_modules.
const tscBin = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [tscBin, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) {
  process.stderr.write('build: tsc failed; dist/ is incomplete. Fix the errors above and run `npm run build`.\n');
  process.exit(tsc.status ?? 1);
}
const src = path.join(root, 'src');
cpSync(src, dist, {
  recursive: true,
  // Folders (to recurse into) and plain JavaScript files; tsc wrote everything else.
  filter: (file) => statSync(file).isDirectory() || file.endsWith('.js'),
});
writeFileSync(path.join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);
