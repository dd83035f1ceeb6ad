import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton, type ButtonAction } from '../../src/discord/custom-ids.js';
import { CUSTOM_ID_MAX } from '../../src/discord/limits.js';

describe('button ids', () => {
  it.each<[string, ButtonAction]>([
    ['"More sources" names the answer by the id of what asked', { kind: 'more', key: '1300000000000000042' }],
    ['a thumbs-up names the answer', { kind: 'vote', vote: 'up', key: '1300000000000000042' }],
    ['a thumbs-down names the answer', { kind: 'vote', vote: 'down', key: '1300000000000000042' }],
    ['a page button carries its offset', { kind: 'articles', offset: 20 }],
  ])('%s, and decodes back', (_why, action) => {
    const id = encodeButton(action);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(decodeButton(id)).toEqual(action);
  });

  it.each([
    ['another bot\'s id', 'confirm-delete'],
    ['a key that is not a snowflake', 'more:../../etc'],
    ['an unknown vote', 'vote:meh:1300000000000000042'],
    ['a negative offset', 'articles:-5'],
  ])('ignores %s', (_why, id) => {
    expect(decodeButton(id)).toBeNull();
  });
});
