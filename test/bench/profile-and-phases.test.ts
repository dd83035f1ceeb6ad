import { describe, expect, it } from 'vitest';
import { summarizeProfile, type CpuProfile } from '../../bench/lib/cpu-profile.js';
import { phaseClock } from '../../bench/ingest/phases.js';
import { firstTable } from '../../bench/suite/qa-stage.js';

const ROOT = '/repo';
const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

/** root → ask (src/engine.ts) → findEntities (src/answer/entities.ts) → recognize (wink-nlp); plus idle. */
const profile: CpuProfile = {
  startTime: 0,
  endTime: 10_000,
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
    { id: 2, callFrame: frame('ask', `file://${ROOT}/src/engine.ts`), children: [3] },
    { id: 3, callFrame: frame('findEntities', `file://${ROOT}/src/answer/entities.ts`), children: [4] },
    { id: 4, callFrame: frame('recognize', `file://${ROOT}/node_modules/wink-nlp/src/automaton.js`, 313) },
    { id: 5, callFrame: frame('(idle)', '') },
  ],
  // µs per sample: recognize 6 ms, findEntities 2 ms, ask 2 ms, idle 10 ms.
  samples: [4, 4, 4, 3, 2, 5],
  timeDeltas: [2000, 2000, 2000, 2000, 2000, 10000],
};

describe('summarizeProfile', () => {
  const summary = summarizeProfile(profile, ROOT);

  it('keeps idle apart from busy time, so shares are of the work done', () => {
    expect(summary.totalMs).toBe(10);
    expect(summary.idleMs).toBe(10);
  });

  it('ranks self time by function, with package paths and real line numbers', () => {
    expect(summary.self.map((h) => [h.name, h.ms, h.share])).toEqual([
      ['recognize (wink-nlp/src/automaton.js:314)', 6, 0.6],
      ['findEntities (src/answer/entities.ts)', 2, 0.2],
      ['ask (src/engine.ts)', 2, 0.2],
    ]);
  });

  it('gives our own functions their inclusive time (everything they call)', () => {
    expect(summary.inclusive.map((h) => [h.name, h.ms])).toEqual([
      ['ask (src/engine.ts)', 10],
      ['findEntities (src/answer/entities.ts)', 8],
    ]);
  });

  it('groups time by package or file', () => {
    expect(summary.byPlace.map((h) => [h.name, h.ms])).toEqual([
      ['wink-nlp', 6],
      ['src/answer/entities.ts', 2],
      ['src/engine.ts', 2],
    ]);
  });
});

describe('phaseClock', () => {
  it('charges each phase until the next starts, ignoring repeated reports of the same phase', () => {
    let now = 0;
    const clock = phaseClock(() => now);
    now = 5; // before the first report: not a phase
    clock.onProgress({ phase: 'reading', done: 0, total: 1 });
    now = 15;
    clock.onProgress({ phase: 'embedding', done: 0, total: 10 });
    now = 40;
    clock.onProgress({ phase: 'embedding', done: 5, total: 10 });
    now = 100;
    clock.onProgress({ phase: 'indexing', done: 0, total: 3 });
    now = 130;
    expect(clock.finish()).toEqual({ reading: 10, embedding: 85, indexing: 30 });
  });
});

describe('firstTable', () => {
  it('takes the first table of a report with the paragraph introducing it', () => {
    const report = '# Title\n\n- date: x\n\nSixty questions.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n## Sweep\n\n| t |\n| --- |';
    expect(firstTable(report)).toBe('Sixty questions.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
