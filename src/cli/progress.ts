/** An ingest progress bar (cli-progress) on stderr when stdout is a terminal; silent when output is piped. */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../engine-types.js';

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (p: IngestProgress) => void; stop: () => void } {
  if (!process.stdout.isTTY || !stream.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
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
