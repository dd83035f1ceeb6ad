/**
 * The command-line conventions (README "Command-line conventions"): --version, help <command>, unknown commands and
 * bad options as usage errors with exit status 2, validated numbers, colour settings — and none of it loads the engine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE_EXIT_CODE } from '../../src/cli/main.js';
import { styleFor, useColor } from '../../src/cli/style.js';
import { REPO_ROOT, tempDir } from '../../bench/lib/seed-corpus.js';
import { runInProcess } from './in-process.js';

const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function cli(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const run = await runInProcess(args);
  return { out: run.stdout, err: run.stderr, code: run.code };
}

describe('help and version', () => {
  it('prints the package version for --version and -V, exit status 0', async () => {
    for (const flag of ['--version', '-V']) {
      const run = await cli(flag);
      expect(run.out.trim()).toBe(version);
      expect(run.code).toBe(0);
    }
  });

  it('prints a command\'s own help for `help <command>`, and the overview for `help`', async () => {
    const ask = await cli('help', 'ask');
    expect(ask.out).toMatch(/Usage: verbatim ask \[options\] \[question\.\.\.\]/);
    expect(ask.out).toContain('--jsonl');
    expect(ask.code).toBe(0);
    const overview = await cli('help');
    expect(overview.out).toMatch(/Commands:[\s\S]*serve[\s\S]*help \[command\]/);
    expect(overview.code).toBe(0);
  });
});

describe('usage errors exit with status 2 and say what was wrong', () => {
  it('names an unknown command (and the command it was likely meant to be)', async () => {
    const typo = await cli('aks', 'Who won?');
    expect(typo.err).toContain("error: unknown command 'aks'");
    expect(typo.err).toContain('Did you mean ask?');
    expect(typo.code).toBe(USAGE_EXIT_CODE);
    const other = await cli('frobnicate');
    expect(other.err).toContain("error: unknown command 'frobnicate'");
    expect(other.err).not.toContain('too many arguments');
    expect(other.code).toBe(USAGE_EXIT_CODE);
  });

  it('refuses an unknown option', async () => {
    const run = await cli('ask', '--max-quotes', '2', 'Who won?');
    expect(run.err).toContain("unknown option '--max-quotes'");
    expect(run.code).toBe(USAGE_EXIT_CODE);
  });

  it('validates numeric options instead of ignoring them', async () => {
    for (const bad of ['abc', '0', '-3', '2.5', '']) {
      const run = await cli('summary', '--topic', 'the parade', '--max-sentences', bad);
      expect(run.err, bad).toMatch(/option '--max-sentences <n>' argument '.*' is invalid\. Give a whole number of 1 or more\./);
      expect(run.code, bad).toBe(USAGE_EXIT_CODE);
    }
    const port = await cli('serve', '--port', '70000');
    expect(port.err).toContain('Give a port number from 0 to 65535.');
    expect(port.code).toBe(USAGE_EXIT_CODE);
  });

  it('asks for a summary kind when none is given', async () => {
    const run = await cli('summary');
    expect(run.err).toContain('give one of --article <ref>, --topic <words> or --corpus');
    expect(run.code).toBe(USAGE_EXIT_CODE);
  });

  it('refuses a question on the command line together with --jsonl', async () => {
    const run = await cli('ask', '--jsonl', 'Who won?');
    expect(run.err).toContain('--jsonl reads its questions from stdin');
    expect(run.code).toBe(USAGE_EXIT_CODE);
  });
});

describe('none of this loads the engine', () => {
  it('runs --help, --version, help <command> and a usage error through the real bin without importing the engine', async () => {
    const dir = await tempDir('verbatim-modules-');
    for (const args of [['--help'], ['--version'], ['help', 'ask'], ['frobnicate'], ['summary', '--max-sentences', 'x']]) {
      const log = path.join(dir, `${args.join('-')}.log`);
      const run = spawnSync(process.execPath, ['--import', path.join(REPO_ROOT, 'test/cli/module-log.mjs'), path.join(REPO_ROOT, 'bin/verbatim.js'), ...args], {
        env: { ...process.env, MODULE_LOG: log },
        encoding: 'utf8',
      });
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(args[0] === 'frobnicate' || args[0] === 'summary' ? USAGE_EXIT_CODE : 0);
      const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      // The bin runs compiled JavaScript: the CLI module came from dist/, and nothing was transpiled from src/.
      expect(loaded.some((url) => url.endsWith('/dist/cli/main.js')), args.join(' ')).toBe(true);
      expect(loaded.filter((url) => url.includes('/src/') || url.includes('/tsx/')), args.join(' ')).toEqual([]);
      const engineParts = ['dist/engine.js', 'dist/index/', 'dist/answer/', 'dist/embedding/', 'dist/search/'].map((part) => `file://${REPO_ROOT}/${part}`);
      expect(loaded.filter((url) => engineParts.some((part) => url.startsWith(part)) || /wink|hnswlib|@energetic-ai/.test(url)), args.join(' ')).toEqual([]);
    }
  });
});

describe('colour', () => {
  it('is on for a terminal, off when piped, off with NO_COLOR, and FORCE_COLOR overrides both ways', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '' })).toBe(true);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: 'false', NO_COLOR: '' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '2', NO_COLOR: '1' })).toBe(true);
    expect(styleFor({ isTTY: false }, {}).bold('x')).toBe('**x**');
    expect(styleFor({ isTTY: false }, { FORCE_COLOR: '1' }).bold('x')).toBe('\x1b[1mx\x1b[22m');
  });
});
