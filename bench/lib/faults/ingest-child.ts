/**
 * A real ingest in its own process, for the fault suite's kill -9, SIGTERM and resume tests:
 * `ingest-child.ts <corpus> <index> <delays> [--held]`, where <delays> is the ms each embedder call takes, or a comma
 * list of them, one per call, the last repeating. Writes progress and then the report as JSON lines. Held, it loads
 * everything first (the engine's modules, the article parser the engine loads on first use, and the language model),
 * prints `loaded`, and waits for a line on stdin before it ingests (and exits without touching the index if stdin
 * closes first): from then on the child does only the ingest's own work.
 */
import { once } from 'node:events';
import { wink } from '../../../src/wink.js';
import { LOADED_LINE, hashEngine, SlowHashEmbedder } from './fault-kit.js';

const [corpusDir, indexDir, delay, held] = process.argv.slice(2);
if (held === '--held') {
  // The parser (dates, YAML, sentence splitting: ~0.4 s of imports) is what the ingest's reading phase would load.
  await import('../../../src/corpus/parse-article.js');
  wink();
  process.stdout.write(`${LOADED_LINE}\n`);
  process.stdin.resume();
  const [chunk] = (await Promise.race([once(process.stdin, 'data'), once(process.stdin, 'end').then(() => [null])])) as [Buffer | null];
  if (chunk === null) process.exit(0);
  process.stdin.pause();
}
const engine = hashEngine(corpusDir!, indexDir!, [], new SlowHashEmbedder((delay ?? '0').split(',').map(Number)));
const report = await engine.ingest({ onProgress: (progress) => process.stdout.write(`${JSON.stringify({ progress })}\n`) });
process.stdout.write(`${JSON.stringify({ report: { articles: report.articles, embedded: report.embedded, sentences: report.sentences } })}\n`);
await engine.close();
