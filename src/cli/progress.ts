/** An ingest progress bar (cli-progress) on stderr when stdout is a terminal; silent when output is piped. */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../engine-types.js';

export function progressReporter(io: { stdout: { isTTY?: boolean }; stderr: NodeJS.WritableStream & { isTTY?: boolean } }): { onProgress: (p: IngestProgress) => void; stop: () => void } {
  if (!io.stdout.isTTY || !io.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    // A terminal: the process's own stderr (in-process runs pass streams that are not terminals).
    { stream: io.stderr as NodeJS.WriteStream, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  let started = false;
  return {
    onProgress(p) {
      if (!started) {
        bar.start(p.total, p.done, { phase: p.phase.padEnd(9) });
        started = true;
      }
      if (p.phase !== phase) {
        phase = p.phase;
        bar.setTotal(p.total);
      }
      bar.update(p.done, { phase: p.phase.padEnd(9) });
    },
    stop() {
      if (started) bar.stop();
      started = false;
      phase = '';
    },
  };
}
