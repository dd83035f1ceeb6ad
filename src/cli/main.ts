/**
 * The `verbatim` command line: ask, articles, ingest, summary, stats, and the interactive harness
 * when no command is given. `--corpus` and `--index` work on every command.
 */
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { VerbatimError } from '../errors.js';
import { loadConfig, type Config } from '../config.js';
import { createEngine } from '../engine.js';
import type { Engine, IngestProgress } from '../engine-types.js';
import type { RetrievalMode } from '../answer/types.js';
import type { SummaryRequest } from '../summary/types.js';
import { renderAnswer } from './render-answer.js';
import { renderError } from './render-error.js';
import { renderArticles, renderIngest, renderStats } from './render-misc.js';
import { renderSummary } from './render-summary.js';
import { runBatch } from './batch.js';
import { runHarness } from './harness.js';
import { progressReporter } from './progress.js';
import { styleFor } from './style.js';

interface CommonOptions {
  corpus?: string;
  index?: string;
}

export function configFrom(options: CommonOptions, dir?: string): Config {
  return loadConfig({
    ...(dir || options.corpus ? { CORPUS_DIR: dir ?? options.corpus } : {}),
    ...(options.index ? { INDEX_DIR: options.index } : {}),
  });
}

/**
 * Builds the engine, warms it up (unless the work is the ingest itself), runs `work`, prints errors
 * as code + hint, and always closes the engine.
 */
async function withEngine(
  config: Config,
  work: (engine: Engine, onProgress: (p: IngestProgress) => void) => Promise<void>,
  options: { warmUp?: boolean } = {},
): Promise<void> {
  const engine = createEngine(config, { notice: (message, notice) => process.stderr.write(`notice ${message}\n  ${notice.hint}\n`) });
  const progress = progressReporter();
  try {
    if (options.warmUp ?? true) {
      await engine.warmUp({ onProgress: progress.onProgress });
      progress.stop();
    }
    await work(engine, progress.onProgress);
    progress.stop();
  } catch (error) {
    progress.stop();
    process.stderr.write(renderError(error) + '\n');
    process.exitCode = 1;
  } finally {
    await engine.close();
  }
}

const common = (command: Command): Command =>
  command
    .option('--corpus <dir>', 'folder of articles (default: CORPUS_DIR or seeds/)')
    .option('--index <dir>', 'index folder (default: INDEX_DIR or embeddings/)');

export function buildProgram(): Command {
  const program = new Command('verbatim')
    .description('Extractive, cited answers about news articles. With no command: the interactive harness.')
    // Options after a command belong to that command (`verbatim ask --corpus x`), not to the harness.
    .enablePositionalOptions()
    .showHelpAfterError();
  common(program).action(async (options: CommonOptions) => {
    await withEngine(configFrom(options), (engine) => runHarness(engine));
  });

  common(program.command('ask'))
    .description('answer a question with verbatim quotes and citations')
    .argument('[question...]', 'the question')
    .option('--json', 'print the result object')
    .option('--jsonl', 'read {"id","question"} lines on stdin, write one result object per line')
    .addOption(new Option('--mode <mode>', 'retrieval mode').choices(['hybrid', 'bm25', 'dense']).default('hybrid'))
    .action(async (words: string[], options: CommonOptions & { json?: boolean; jsonl?: boolean; mode: RetrievalMode }) => {
      await withEngine(configFrom(options), async (engine) => {
        if (options.jsonl) {
          await runBatch(engine, process.stdin, process.stdout, { mode: options.mode });
          return;
        }
        const result = await engine.ask(words.join(' '), { mode: options.mode });
        process.stdout.write((options.json ? JSON.stringify(result, null, 2) : renderAnswer(result, styleFor(process.stdout))) + '\n');
      });
    });

  common(program.command('articles'))
    .description('list the indexed articles')
    .option('--json', 'print the list object')
    .option('--query <words>', 'only articles whose id or title match')
    .action(async (options: CommonOptions & { json?: boolean; query?: string }) => {
      await withEngine(configFrom(options), async (engine) => {
        const list = await engine.articles({ limit: 100, ...(options.query ? { query: options.query } : {}) });
        process.stdout.write((options.json ? JSON.stringify(list, null, 2) : renderArticles(list)) + '\n');
      });
    });

  common(program.command('ingest'))
    .description('read the corpus and build or update the index (only new or changed articles are embedded)')
    .argument('[dir]', 'corpus folder (same as --corpus)')
    .option('--rebuild', 'start the index from scratch')
    .option('--json', 'print the ingest report object')
    .action(async (dir: string | undefined, options: CommonOptions & { rebuild?: boolean; json?: boolean }) => {
      await withEngine(
        configFrom(options, dir),
        async (engine, onProgress) => {
          const report = await engine.ingest({ rebuild: Boolean(options.rebuild), onProgress });
          process.stdout.write((options.json ? JSON.stringify(report, null, 2) : renderIngest(report)) + '\n');
        },
        { warmUp: false },
      );
    });

  // `--corpus` is both the corpus folder (every command) and "summarise the whole corpus" (the
  // issue's `summary --corpus`): here it takes an optional folder, and alone it asks for the corpus summary.
  program
    .command('summary')
    .description('extractive, cited summary of one article, a topic across articles, or the whole corpus')
    .option('--article <ref>', 'article id, id prefix, or title words')
    .option('--topic <words>', 'a topic across articles')
    .option('--corpus [dir]', 'summarise the stories of the whole corpus (optionally: the corpus folder)')
    .option('--index <dir>', 'index folder (default: INDEX_DIR or embeddings/)')
    .option('--max-chars <n>', 'length budget in characters', (v) => Number.parseInt(v, 10))
    .option('--max-sentences <n>', 'length budget in sentences', (v) => Number.parseInt(v, 10))
    .option('--json', 'print the summary object')
    .action(async (options: { corpus?: string | boolean; index?: string; article?: string; topic?: string; json?: boolean; maxChars?: number; maxSentences?: number }) => {
      const budget = {
        ...(options.maxChars ? { maxChars: options.maxChars } : {}),
        ...(options.maxSentences ? { maxSentences: options.maxSentences } : {}),
      };
      const request: SummaryRequest | null = options.article
        ? { article: options.article, budget }
        : options.topic
          ? { topic: options.topic, budget }
          : options.corpus
            ? { corpus: true, budget }
            : null;
      if (!request) {
        process.stderr.write('error: give one of --article <ref>, --topic <words> or --corpus\n');
        process.exitCode = 1;
        return;
      }
      const folder = typeof options.corpus === 'string' ? options.corpus : undefined;
      await withEngine(configFrom({ ...(folder ? { corpus: folder } : {}), ...(options.index ? { index: options.index } : {}) }), async (engine) => {
        const summary = await engine.summarize(request);
        process.stdout.write((options.json ? JSON.stringify(summary, null, 2) : renderSummary(summary, styleFor(process.stdout))) + '\n');
      });
    });

  program
    .command('feedback')
    .description("the Discord bot's stored questions and votes")
    .command('export')
    .description('print every asked question and vote in the bot database as JSON lines (dev data; no user ids)')
    .option('--db <file>', 'the bot database (default: BOT_DB)')
    .action(async (options: { db?: string }) => {
      const file = options.db ?? loadConfig({}).discord.database;
      // Opening would create an empty database: an export of a mistyped path must say so instead.
      if (!existsSync(file)) throw new VerbatimError('CONFIG_INVALID', `No bot database at ${file}.`, { hint: 'Pass --db <file> or set BOT_DB to the file the bot writes.' });
      // Loaded here, not at start: only this command needs SQLite.
      const { BotStore } = await import('../feedback/bot-store.js');
      const store = BotStore.open(file);
      try {
        for (const record of store.exportRecords()) process.stdout.write(`${JSON.stringify(record)}\n`);
      } finally {
        store.close();
      }
    });

  common(program.command('stats'))
    .description('show the index and embedder in use')
    .option('--json', 'print the stats object')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      await withEngine(configFrom(options), async (engine) => {
        const stats = await engine.stats();
        process.stdout.write((options.json ? JSON.stringify(stats, null, 2) : renderStats(stats)) + '\n');
      });
    });
  return program;
}

export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    process.stderr.write(renderError(error) + '\n');
    process.exitCode = 1;
  }
}
