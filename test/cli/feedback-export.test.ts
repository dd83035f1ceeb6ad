/** `verbatim feedback export`: the bot database's questions and votes as JSON lines, in-process. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { BotStore } from '../../src/feedback/bot-store.js';

function captured(): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('verbatim feedback export', () => {
  it('prints every asked question and vote as one JSON object per line, without user ids', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'verbatim-export-')), 'bot.sqlite');
    const store = BotStore.open(file);
    store.recordAsked({ key: 'm1', question: 'What did Putin call Xi?', status: 'answered', confidence: 0.8, via: 'slash', guild: 'g1' });
    store.recordVote('m1', 'user-123456', 'down');
    store.recordReason('m1', 'user-123456', 'wrong sentence');
    store.close();
    const { out } = captured();
    await runCli(['node', 'verbatim', 'feedback', 'export', '--db', file]);
    const records = out.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'question', question: 'What did Putin call Xi?', status: 'answered', down: 1, up: 0 }),
      expect.objectContaining({ kind: 'vote', question: 'What did Putin call Xi?', vote: 'down', reason: 'wrong sentence' }),
    ]));
    expect(out.join('')).not.toContain('user-123456');
  });

  it('says so with a code and a hint when the database does not exist, and creates nothing', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'verbatim-export-')), 'missing.sqlite');
    const { out, err } = captured();
    await runCli(['node', 'verbatim', 'feedback', 'export', '--db', file]);
    expect(out.join('')).toBe('');
    expect(err.join('')).toMatch(/CONFIG_INVALID.*No bot database/s);
    expect(process.exitCode).toBe(1);
    const { existsSync } = await import('node:fs');
    expect(existsSync(file)).toBe(false);
  });
});
