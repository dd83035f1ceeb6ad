/** The followed sources with what the last refresh said of each, for `sources list` and /source list. */
import type { SourceStatus } from './refresh-report.js';
import { readFetchState } from './fetch-state.js';
import { readSources, type Source } from './sources-file.js';

export interface SourceListing extends Source {
  /** The last refresh's outcome for this source; null until it has been refreshed once. */
  last: SourceStatus | null;
}

export async function listSources(sourcesFile: string, corpusDir: string): Promise<SourceListing[]> {
  const [sources, state] = await Promise.all([readSources(sourcesFile), readFetchState(corpusDir)]);
  return sources.map((source) => ({ ...source, last: state.sources[source.url]?.last ?? null }));
}
