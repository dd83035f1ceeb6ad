/** Placeholder until the summaries land: the engine's summarize entry point. */
import { VerbatimError } from '../errors.js';
import type { LoadedIndex } from '../index/store.js';
import type { Candidate } from '../search/retrieve.js';
import type { Summary, SummaryRequest } from './types.js';

export interface SummaryDeps {
  embed(text: string): Promise<Float32Array>;
  retrieve(text: string, vector: Float32Array | null): Candidate[];
}

export async function summarizeWithIndex(_index: LoadedIndex, _request: SummaryRequest, _deps: SummaryDeps): Promise<Summary> {
  throw new VerbatimError('SUMMARY_NOT_AVAILABLE', 'Summaries are not available yet.');
}
