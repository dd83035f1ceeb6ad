import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotStore } from '../../src/feedback/bot-store.js';
import { isVerbatimError } from '../../src/errors.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'verbatim-store-'));
  file = path.join(dir, 'nested', 'bot.sqlite');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const asked = (key: string, question: string, status: 'answered' | 'not_found', guild = '1300000000000000100') => ({ key, question, status, confidence: 0.5, via: 'channel', guild });

describe('BotStore', () => {
  it('keeps one vote per user per answer, lets the user change it, and keeps everything across a reopen', () => {
    const store = BotStore.open(file);
    store.recordAsked(asked('1', 'What did Putin call Xi?', 'answered'));
    expect(store.recordVote('1', 'alice', 'up')).toEqual({ up: 1, down: 0 });
    expect(store.recordVote('1', 'alice', 'up')).toEqual({ up: 1, down: 0 });
    expect(store.recordVote('1', 'bob', 'up')).toEqual({ up: 2, down: 0 });
    expect(store.recordVote('1', 'alice', 'down')).toEqual({ up: 1, down: 1 });
    store.recordReason('1', 'alice', 'wrong person quoted');
    store.close();

    const reopened = BotStore.open(file);
    expect(reopened.votes('1')).toEqual({ up: 1, down: 1 });
    expect(reopened.voteOf('1', 'alice')).toBe('down');
    expect(reopened.report().downvoted).toEqual([{ key: '1', question: 'What did Putin call Xi?', up: 1, down: 1, reasons: ['wrong person quoted'] }]);
    reopened.close();
  });

  it('counts unanswered questions that differ only in case and punctuation together, most-asked first, per server', () => {
    const store = BotStore.open(file);
    store.recordAsked(asked('1', 'How many tanks were in the parade?', 'not_found'));
    store.recordAsked(asked('2', 'how many tanks were in the parade', 'not_found'));
    store.recordAsked(asked('3', 'Who won the election?', 'not_found'));
    store.recordAsked(asked('4', 'What did Putin call Xi?', 'answered'));
    store.recordAsked(asked('5', 'A question from another server?', 'not_found', '1300000000000000200'));
    const report = store.report({ guild: '1300000000000000100' });
    expect(report.unanswered.map((r) => [r.question, r.count])).toEqual([['how many tanks were in the parade', 2], ['Who won the election?', 1]]);
    expect(store.answerRate(0, '1300000000000000100')).toEqual({ asked: 4, answered: 1 });
    expect(store.report().unanswered.length).toBe(3);
    store.close();
  });

  it('stores answer channels per server, each once', () => {
    const store = BotStore.open(file);
    expect(store.addAnswerChannel('g1', 'c1')).toBe(true);
    expect(store.addAnswerChannel('g1', 'c1')).toBe(false);
    store.addAnswerChannel('g2', 'c2');
    expect(store.answerChannels('g1')).toEqual(['c1']);
    expect(store.answerChannels()).toEqual(['c1', 'c2']);
    expect(store.removeAnswerChannel('g1', 'c1')).toBe(true);
    expect(store.removeAnswerChannel('g1', 'c1')).toBe(false);
    store.close();
  });

  it('never stores a voter\'s Discord id, and exports questions and votes as records', () => {
    const store = BotStore.open(file);
    store.recordAsked(asked('9', 'Who hosted the parade?', 'answered'));
    store.recordVote('9', '1300000000000000777', 'down');
    const records = store.exportRecords();
    expect(records).toEqual([
      expect.objectContaining({ kind: 'question', key: '9', question: 'Who hosted the parade?', status: 'answered', up: 0, down: 1 }),
      expect.objectContaining({ kind: 'vote', key: '9', question: 'Who hosted the parade?', vote: 'down', reason: null }),
    ]);
    expect(JSON.stringify(records)).not.toContain('1300000000000000777');
    store.close();
  });

  it('refuses a file that is not a database with a clear error', async () => {
    await writeFile(path.join(dir, 'broken.sqlite'), 'this is not sqlite, just text '.repeat(100));
    const error = (() => {
      try {
        BotStore.open(path.join(dir, 'broken.sqlite'));
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(isVerbatimError(error) && error.code).toBe('CONFIG_INVALID');
    expect(isVerbatimError(error) && error.hint).toContain('BOT_DB');
  });
});
