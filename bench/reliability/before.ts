/**
 * The fault table as the same scenarios (bench/lib/faults/scenarios.ts) measured it on the code before the fixes, commit
 * 50cbef8 (`npx vitest run test/fault` there, 2026-12-05): the "before" column of the reliability section. Recorded,
 * not rerun: the scenarios need the fixed code's files, and rerunning old code would mean a second checkout.
 */
import type { FaultCounts } from '../lib/faults/fault-kit.js';

export const BEFORE_COMMIT = '50cbef8';

export const BEFORE: Readonly<Record<string, FaultCounts & { note: string }>> = {
  'unreadable-folder': { tried: 1, clear: 0, crash: 1, lost: 5, corrupt: 0, note: 'ask failed with INTERNAL' },
  'long-line': { tried: 1, clear: 0, crash: 1, lost: 1, corrupt: 0, note: 'still embedding at 120 s' },
  'stale-lock': { tried: 4, clear: 0, crash: 2, lost: 0, corrupt: 0, note: 'INDEX_LOCKED; lock left behind; 3000 of 3000 sentences re-embedded' },
  'ask-during-ingest': { tried: 1, clear: 0, crash: 1, lost: 0, corrupt: 0, note: 'INDEX_LOCKED' },
  'numeric-dates': { tried: 4, clear: 1, crash: 0, lost: 0, corrupt: 3, note: 'cited as 1970-01-01, 1970-01-20' },
  'edited-manifest': { tried: 1, clear: 0, crash: 0, lost: 0, corrupt: 1, note: 'opened as if intact' },
  'escape-codes': { tried: 2, clear: 0, crash: 0, lost: 0, corrupt: 2, note: 'raw escape codes; a span taken from inside one' },
  'batch-blank-lines': { tried: 1, clear: 0, crash: 0, lost: 0, corrupt: 1, note: '4 lines in, 2 out' },
  'gateway-4004': { tried: 1, clear: 0, crash: 1, lost: 0, corrupt: 0, note: 'exit 0, no code' },
  messages: { tried: 4, clear: 0, crash: 0, lost: 0, corrupt: 0, note: 'wrong hints' },
};
