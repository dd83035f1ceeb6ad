/** SHARDS: the operator's setting, discord.js' own SHARDS inside a shard process, and the store it needs. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { isVerbatimError } from '../../src/errors.js';

const POSTGRES = { STORE: 'postgres', DATABASE_URL: 'postgres://verbatim@127.0.0.1:5432/verbatim' };

function failure(env: Record<string, string>) {
  try {
    parseConfig(env, '/srv/bot');
  } catch (error) {
    if (isVerbatimError(error)) return error;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('SHARDS', () => {
  it.each([
    ['', { kind: 'none' }],
    ['auto', { kind: 'manager', count: 'auto' }],
    [' AUTO ', { kind: 'manager', count: 'auto' }],
    ['1', { kind: 'manager', count: 1 }],
    ['16', { kind: 'manager', count: 16 }],
  ])('SHARDS=%j reads as %j', (value, sharding) => {
    expect(parseConfig({ ...POSTGRES, SHARDS: value }).sharding).toEqual(sharding);
  });

  it('is not sharded when SHARDS is unset, whatever the store', () => {
    expect(parseConfig({}).sharding).toEqual({ kind: 'none' });
  });

  it.each(['0', '-2', 'two', '1.5', 'auto,2'])('refuses SHARDS=%j with the variable named and an example', (value) => {
    const error = failure({ ...POSTGRES, SHARDS: value });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('SHARDS');
    expect(error.hint).toContain('SHARDS=auto');
  });

  it('refuses sharding on the files store with SHARDING_NEEDS_POSTGRES and a hint naming STORE and DATABASE_URL', () => {
    const error = failure({ SHARDS: 'auto' });
    expect(error.code).toBe('SHARDING_NEEDS_POSTGRES');
    expect(error.hint).toMatch(/STORE=postgres/);
    expect(error.hint).toMatch(/DATABASE_URL/);
  });

  describe('inside a shard process (discord.js sets SHARDING_MANAGER, SHARDS and SHARD_COUNT)', () => {
    const shardEnv = { ...POSTGRES, SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARD_COUNT: '4', BOT_DB: 'data/bot.sqlite' };

    it("reads discord.js' SHARDS as this shard's id, not as the operator's setting", () => {
      expect(parseConfig({ ...shardEnv, SHARDS: '3' }).sharding).toEqual({ kind: 'shard', ids: [3], count: 4 });
      expect(parseConfig({ ...shardEnv, SHARDS: '[0,1]' }).sharding).toEqual({ kind: 'shard', ids: [0, 1], count: 4 });
    });

    it('gives each shard its own bot database beside BOT_DB (SQLite files are not shared between processes)', () => {
      expect(parseConfig({ ...shardEnv, SHARDS: '3' }, '/srv/bot').discord.database).toBe('/srv/bot/data/bot.shard-3.sqlite');
    });

    it('is a manager, not a shard, where only SHARDING_MANAGER is set (the manager sets it in its own process)', () => {
      expect(parseConfig({ ...POSTGRES, SHARDING_MANAGER: 'true', SHARDS: '2' }).sharding).toEqual({ kind: 'manager', count: 2 });
    });

    it('refuses a shard id that is not one', () => {
      expect(failure({ ...shardEnv, SHARDS: 'auto' }).message).toMatch(/shard process/);
    });
  });
});
