/** What every stage of `npm run bench` gets: the options, where things are, and a progress log. */
import type { BenchOptions } from './options.js';

export interface StageContext {
  options: BenchOptions;
  repoRoot: string;
  /** ../shared/data (read-only). */
  dataDir: string;
  /** Progress on stderr, so stdout stays the results. */
  log(line: string): void;
}
