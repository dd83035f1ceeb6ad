/** One part of the benchmark's results: its markdown for the README, its JSON file, and the targets it checks. */
import type { Target } from './targets.js';

export interface Section {
  /** File name of its JSON under the results folder, e.g. `squad-v2`. */
  id: string;
  title: string;
  /** The section's own tables and notes (no top-level heading: the README adds it). */
  markdown: string;
  json: unknown;
  targets: Target[];
  /** True when the benchmark this section ran wrote its own result files (the README only quotes it). */
  ownFiles?: boolean;
}
