/** An ingest progress bar on a terminal (cli-progress); silent when stderr is not a TTY. */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../engine-types.js';

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (p: IngestProgress) => void; stop: () => void } {
  if (!stream.isTTY) return { onProgress: () => {}, stop: () => {} };
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
    },
  };
}
