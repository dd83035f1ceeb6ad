import { describe, expect, it } from 'vitest';
import { minutes, renderReadme } from '../../bench/suite/readme.js';

const info = { date: '2026-11-24T00:00:00.000Z', commit: 'abc1234', machine: '2× test CPU', node: 'v20', command: 'npm run bench' };

describe('the results README', () => {
  it('states the wall time of the run and of each stage', () => {
    const readme = renderReadme(info, [], [], false, [
      { stage: 'qa', ms: 20_400 },
      { stage: 'scale', ms: 605_000 },
    ]);
    expect(readme).toContain('- wall time: 10:25 (qa 0:20, scale 10:05)');
    expect(readme).toContain('- commit: abc1234');
  });

  it('formats minutes and seconds', () => {
    expect([0, 59_499, 60_000, 3_599_000].map(minutes)).toEqual(['0:00', '0:59', '1:00', '59:59']);
  });
});
