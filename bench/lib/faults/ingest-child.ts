/**
 * A real ingest in its own process, for the fault suite's kill -9, SIGTERM and resume tests:
 * `ingest-child.ts <corpus> <index> <ms per embedder call>`. Writes progress and then the report as JSON lines.
 */
import { hashEngine, SlowHashEmbedder } from './fault-kit.js';

const [corpusDir, indexDir, delay] = process.argv.slice(2);
const engine = hashEngine(corpusDir!, indexDir!, [], new SlowHashEmbedder(Number(delay ?? 0)));
const report = await engine.ingest({ onProgress: (progress) => process.stdout.write(`${JSON.stringify({ progress })}\n`) });
process.stdout.write(`${JSON.stringify({ report: { articles: report.articles, embedded: report.embedded, sentences: report.sentences } })}\n`);
await engine.close();
