/** The real engine with two test levers: make the next ask throw, and count ingests. */
import type { Engine } from '../../src/engine-types.js';

export interface ControlledEngine {
  engine: Engine;
  /** The next `ask` throws this error instead of answering (once). */
  failNextAsk(error: Error): void;
  readonly ingests: number;
}

export function controlled(real: Engine): ControlledEngine {
  let failure: Error | null = null;
  let ingests = 0;
  const engine: Engine = {
    warmUp: (options) => real.warmUp(options),
    ask: async (question, options) => {
      const error = failure;
      failure = null;
      if (error !== null) throw error;
      return real.ask(question, options);
    },
    findSources: async (claim) => {
      const error = failure;
      failure = null;
      if (error !== null) throw error;
      return real.findSources(claim);
    },
    articles: (options) => real.articles(options),
    ingest: (options) => {
      ingests += 1;
      return real.ingest(options);
    },
    reload: () => real.reload(),
    summarize: (request) => real.summarize(request),
    adoptCommitted: () => real.adoptCommitted(),
    sources: () => real.sources(),
    addSource: (url, name) => real.addSource(url, name),
    removeSource: (ref) => real.removeSource(ref),
    refresh: (options) => real.refresh(options),
    stats: () => real.stats(),
    close: () => real.close(),
  };
  return {
    engine,
    failNextAsk: (error) => {
      failure = error;
    },
    get ingests() {
      return ingests;
    },
  };
}
