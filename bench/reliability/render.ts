/** The reliability section's markdown: the fault table before and after, the kill -9 run, the long lines. */
import type { CrashRun } from '../lib/faults/crash-consistency.js';
import type { FaultCounts } from '../lib/faults/fault-kit.js';
import { markdownTable } from '../lib/report.js';

export interface FaultRow {
  id: string;
  title: string;
  before: (FaultCounts & { note: string }) | null;
  after: FaultCounts & { note: string };
  ms: number;
}

export interface LineRow {
  bytes: number;
  seconds: number;
  ok: boolean;
  capped: boolean;
  note: string;
}

function counts(row: FaultCounts): string {
  return `${row.tried} / ${row.clear} / ${row.crash} / ${row.lost} / ${row.corrupt}`;
}

export function renderReliability(input: { faults: FaultRow[]; crash: CrashRun; lines: LineRow[]; beforeCommit: string; maxEmbedChars: number; quick: boolean }): string {
  const { faults, crash, lines } = input;
  const faultTable = markdownTable(
    ['fault', `before (${input.beforeCommit})`, 'now', 'what happened now', 's'],
    faults.map((row) => [row.title, row.before ? `${counts(row.before)} (${row.before.note})` : '—', counts(row.after), row.after.note.replaceAll('|', '/'), (row.ms / 1000).toFixed(1)]),
  );
  const lineTable = markdownTable(
    ['unbroken line', 'ingest s (start-up included)', 'indexed', 'SENTENCE_CAPPED notice', 'note'],
    lines.map((row) => [`${(row.bytes / 1e6).toFixed(1)} MB`, row.seconds.toFixed(1), row.ok ? 'yes' : 'no', row.capped ? 'yes' : 'no', row.note]),
  );
  return [
    'Each fault the fault-injection run found (issue 17), provoked again by the fault suite\'s own scenarios (`bench/lib/faults/scenarios.ts`, real files and child processes; the suite asserts every row). Counts are tried / clear / crash / lost / corrupt: *clear* is handled as the product should (a message with a code and a hint where one is due, and it carried on); *crash* is a failed, hung or wrongly exiting operation; *lost* counts articles missing afterwards; *corrupt* counts wrong data served or shown. The before column was measured by the same scenarios on the commit before the fixes.',
    '',
    faultTable,
    '',
    `**kill -9 during ingest** (\`bench/lib/faults/crash-consistency.ts\`): a real ingest child killed ${crash.kills} times at seeded moments (seed ${crash.seed}; \`FC_SEED=<n>\` picks another) over a corpus edited, grown and shrunk between rounds: ${crash.interrupted} kills landed mid-ingest, the index opened after ${crash.survived} of ${crash.kills}, and the final ingest held ${crash.final.articles} of ${crash.final.expected} articles${crash.final.answered ? ' and answered' : ''}${crash.final.problems.length > 0 ? `; problems: ${crash.final.problems.join('; ')}` : ''} (${(crash.ms / 1000).toFixed(0)} s).`,
    '',
    `**The longest lines**: one article whose body is a single unbroken line, ingested by \`verbatim ingest\` with the real offline encoder (USE lite). Sentences are embedded from their first ${input.maxEmbedChars} characters (the whole text stays indexed and quotable), so time grows with splitting and keyword indexing only; an article may be at most MAX_ARTICLE_BYTES (10 MiB by default).${input.quick ? ' The quick run ingests the 100 KB line only.' : ''}`,
    '',
    lineTable,
  ].join('\n');
}
