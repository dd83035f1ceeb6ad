/** `verbatim feedback export`: the bot database's questions and votes as JSON lines, in-process. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BotStore } from '../../src/feedback/bot-store.js';
import { runInProcess } from './in-process.js';

describe('verbatim feedback export', () => {
  it('prints every asked question and vote as one JSON object per line, without user ids', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'verbatim-export-')), 'bot.sqlite');
    const store = BotStore.open(file);
    store.recordAsked({ key: 'm1', question: 'What did Putin call Xi?', status: 'answered', confidence: 0.8, via: 'slash', guild: 'g1' });
    store.recordVote('m1', 'user-123456', 'down');
    store.recordReason('m1', 'user-123456', 'wrong sentence');
    store.close();
    const run = await runInProcess(['feedback', 'export', '--db', file]);
    expect(run.code, run.stderr).toBe(0);
    const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'question', question: 'What did Putin call Xi?', status: 'answered', down: 1, up: 0 }),
      expect.objectContaining({ kind: 'vote', question: 'What did Putin call Xi?', vote: 'down', reason: 'wrong sentence' }),
    ]));
    expect(run.stdout).not.toContain('user-123456');
  });

  it('says so with a code and a hint when the database does not exist, and creates nothing', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'verbatim-export-')), 'missing.sqlite');
    const run = await runInProcess(['feedback', 'export', '--db', file]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/CONFIG_INVALID.*No bot database/s);
    expect(run.code).toBe(1);
    const { existsSync } = await import('node:fs');
    expect(existsSync(file)).toBe(false);
  });
});
