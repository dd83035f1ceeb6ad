/** The shard entry is found beside the manager's module, with that module's extension (.ts under tsx, .js compiled). */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shardEntryPath } from '../../../src/discord/sharding/entry-path.js';

describe('shardEntryPath', () => {
  it('points at the TypeScript entry from the TypeScript source (run through tsx)', () => {
    expect(shardEntryPath('file:///srv/verbatim/src/discord/sharding/manager.ts')).toBe('/srv/verbatim/src/discord/sharding/shard-process.ts');
  });

  it('points at the compiled entry from a compiled build', () => {
    expect(shardEntryPath('file:///srv/verbatim/dist/discord/sharding/manager.js')).toBe('/srv/verbatim/dist/discord/sharding/shard-process.js');
  });

  it('names a file that exists in this checkout', () => {
    expect(existsSync(shardEntryPath())).toBe(true);
  });
});
