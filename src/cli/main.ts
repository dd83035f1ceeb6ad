/**
 * The `verbatim` command line: ask, articles, ingest, summary, stats, serve, and the interactive harness when no
 * command is given. `--corpus` and `--index` work on every command.
 *
 * Conventions (README "Command-line conventions"): `--help`, `--version`, `help <command>` and usage errors never
 * load the engine (it is imported only when a command runs); usage errors exit with status 2, failures with 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { VerbatimError } from '../errors.js';
import type { Config } from '../config.js';
import { stripControls } from '../control-text.js';
import type { EngineDeps } from '../engine.js';
import type { Engine, IngestProgress } from '../engine-types.js';
import type { RetrievalMode } from '../answer/types.js';
import type { SummaryRequest } from '../summary/types.js';
import { renderAnswer } from './render-answer.js';
import { renderError } from './render-error.js';
import { renderArticles, renderIngest, renderStats } from './render-misc.js';
import { renderSummary } from './render-summary.js';
import { renderRefresh, renderRefreshLine, renderSourceList } from './render-sources.js';
import { startRefreshSchedule } from '../sources/refresh-schedule.js';
import { startIndexWatch } from '../index-watch.js';
import { runBatch } from './batch.js';
import { runHarness } from './harness.js';
import { progressReporter } from './progress.js';
import { styleFor } from './style.js';
import { readQuestionFromStdin } from './stdin-question.js';
import { readPeriodOptions } from '../time/time-constraint.js';
import { processIo, type CliIo } from './io.js';

/** Exit status for a command line that could not be understood (as most Unix tools do). */
export const USAGE_EXIT_CODE = 2;

interface CommonOptions {
  corpus?: string;
  index?: string;
}

/**
 * The settings module (zod and dotenv: ~0.15 s to load) is imported by a preAction hook, so only a command that runs
 * pays for it; `--help`, `--version` and usage errors never do.
 */
let settings: typeof import('../config.js') | null = null;

function loadConfig(io: CliIo, overrides: Record<string, string | undefined>): Config {
  if (!settings) throw new Error('the settings module is loaded before any command runs (preAction hook)');
  return settings.loadConfig(overrides, io.env);
}

function configFrom(io: CliIo, options: CommonOptions, dir?: string): Config {
  return loadConfig(io, {
    ...(dir || options.corpus ? { CORPUS_DIR: dir ?? options.corpus } : {}),
    ...(options.index ? { INDEX_DIR: options.index } : {}),
  });
}

/** One run of the command line: where it reads and writes, and the status it ends with (0 unless set). */
interface CliRun {
  io: CliIo;
  status: number;
  /** Engine dependencies for in-process runs (a test's embedder double); the binary passes none. */
  engineDeps: Omit<EngineDeps, 'notice'>;
}

/**
 * Builds the engine, warms it up (unless the work is the ingest itself), runs `work`, prints errors
 * as code + hint, and always closes the engine.
 */
async function withEngine(
  run: CliRun,
  config: Config,
  work: (engine: Engine, onProgress: (p: IngestProgress) => void) => Promise<void>,
  options: { warmUp?: boolean } = {},
): Promise<void> {
  const { io } = run;
  // Imported here, not at the top: `--help`, `--version` and usage errors never pay for loading the engine.
  const { createEngine } = await import('../engine.js');
  const engine = createEngine(config, { ...run.engineDeps, notice: (message, notice) => io.stderr.write(`notice ${message}\n  ${notice.hint}\n`) });
  const progress = progressReporter(io);
  try {
    if (options.warmUp ?? true) {
      await engine.warmUp({ onProgress: progress.onProgress });
      progress.stop();
    }
    await work(engine, progress.onProgress);
    progress.stop();
  } catch (error) {
    progress.stop();
    io.stderr.write(renderError(error) + '\n');
    run.status = 1;
  } finally {
    await engine.close();
  }
}

const common = (command: Command): Command =>
  command
    .option('--corpus <dir>', 'folder of articles (default: CORPUS_DIR or seeds/)')
    .option('--index <dir>', 'index folder (default: INDEX_DIR or embeddings/)');

/** A whole number of at least 1, for numeric options (`--max-sentences abc` is a usage error, not ignored). */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('Give a whole number of 1 or more.');
  return number;
}

/** "unknown command" (status 2), with the closest command name when one is a typo away. */
function unknownCommand(program: Command, name: string): never {
  const names = program.commands.map((c) => c.name());
  const near = names.filter((candidate) => editDistance(candidate, name) <= Math.max(2, Math.floor(candidate.length / 3)));
  const suggestion = near.length > 0 ? `\n(Did you mean ${near.join(' or ')}?)` : '';
  program.error(`error: unknown command '${name}'${suggestion}`, { exitCode: USAGE_EXIT_CODE, code: 'commander.unknownCommand' });
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** A TCP port, 0 (any free port) to 65535. */
export function portNumber(value: string): number {
  const number = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || number > 65_535) throw new InvalidArgumentError('Give a port number from 0 to 65535.');
  return number;
}

function packageVersion(): string {
  // src/cli/ and dist/cli/ both sit two levels below package.json.
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function buildProgram(run: CliRun): Command {
  const { io } = run;
  const program = new Command('verbatim')
    .description('Extractive, cited answers about news articles. With no command: the interactive harness.')
    .version(packageVersion(), '-V, --version', 'print the version')
    // Commander's usage errors become CommanderErrors (exit status 2 in runCli) instead of exiting here.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    // Options after a command belong to that command (`verbatim ask --corpus x`), not to the harness.
    .enablePositionalOptions()
    .showHelpAfterError('(run `verbatim help` or `verbatim help <command>` for usage)')
    .hook('preAction', async () => {
      settings ??= await import('../config.js');
    });
  common(program).action(async (options: CommonOptions) => {
    // The harness takes no arguments: a word here is a mistyped command.
    if (program.args.length > 0) unknownCommand(program, program.args[0]!);
    const config = configFrom(io, options);
    await withEngine(run, config, async (engine) => {
      // The harness is `npm start` without Discord: it follows the sources on the same schedule as the bot.
      const schedule = startRefreshSchedule({
        engine,
        minutes: config.refreshMinutes,
        onReport: (report) => {
          const line = renderRefreshLine(report);
          if (line) io.stderr.write(`\n${line}\n`);
        },
        onError: (error) => io.stderr.write(`\n${renderError(error)}\n`),
      });
      const watch = startIndexWatch({ engine, onError: (error) => io.stderr.write(`\n${renderError(error)}\n`) });
      try {
        await runHarness(engine, io.stdin, io.stdout, io.env);
      } finally {
        await watch.stop();
        await schedule.stop();
      }
    });
  });

  common(program.command('ask'))
    .description('answer a question with verbatim quotes and citations')
    .argument('[question...]', 'the question (read from stdin when none is given and stdin is not a terminal)')
    .option('--json', 'print the result object')
    .option('--jsonl', 'read {"id","question"} lines on stdin, write one result object per line')
    .addOption(new Option('--mode <mode>', 'retrieval mode').choices(['hybrid', 'bm25', 'dense']).default('hybrid'))
    .option('--since <date>', 'only news from this date on (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'only news up to this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .action(async (words: string[], options: CommonOptions & { json?: boolean; jsonl?: boolean; mode: RetrievalMode; since?: string; until?: string }, command: Command) => {
      if (options.jsonl && words.length > 0) command.error('error: --jsonl reads its questions from stdin; leave the question off the command line', { exitCode: USAGE_EXIT_CODE, code: 'verbatim.usage' });
      const askOptions = { mode: options.mode, ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) };
      // A bad date is refused before the index is opened.
      readPeriodOptions(askOptions);
      // `echo "Who won?" | verbatim ask`: with no words and piped input, the question is stdin's text.
      const question = options.jsonl ? '' : words.length > 0 ? words.join(' ') : await readQuestionFromStdin(io.stdin);
      if (!options.jsonl && question === null) {
        command.error('error: give a question, e.g. verbatim ask "Who attended the parade?" (or pipe one on stdin)', { exitCode: USAGE_EXIT_CODE, code: 'verbatim.usage' });
      }
      await withEngine(run, configFrom(io, options), async (engine) => {
        if (options.jsonl) {
          await runBatch(engine, io.stdin, io.stdout, askOptions);
          return;
        }
        const result = await engine.ask(question ?? '', askOptions);
        io.stdout.write((options.json ? JSON.stringify(result, null, 2) : renderAnswer(result, styleFor(io.stdout, io.env))) + '\n');
      });
    });

  common(program.command('articles'))
    .description('list the indexed articles')
    .option('--json', 'print the list object')
    .option('--query <words>', 'only articles whose id or title match')
    .action(async (options: CommonOptions & { json?: boolean; query?: string }) => {
      await withEngine(run, configFrom(io, options), async (engine) => {
        const list = await engine.articles({ limit: 100, ...(options.query ? { query: options.query } : {}) });
        io.stdout.write((options.json ? JSON.stringify(list, null, 2) : renderArticles(list)) + '\n');
      });
    });

  common(program.command('ingest'))
    .description('read the corpus and build or update the index (only new or changed articles are embedded)')
    .argument('[dir]', 'corpus folder (same as --corpus)')
    .option('--rebuild', 'start the index from scratch')
    .option('--json', 'print the ingest report object')
    .action(async (dir: string | undefined, options: CommonOptions & { rebuild?: boolean; json?: boolean }) => {
      await withEngine(
        run,
        configFrom(io, options, dir),
        async (engine, onProgress) => {
          const report = await engine.ingest({ rebuild: Boolean(options.rebuild), onProgress });
          io.stdout.write((options.json ? JSON.stringify(report, null, 2) : renderIngest(report)) + '\n');
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
    .option('--max-chars <n>', 'length budget in characters', positiveInteger)
    .option('--max-sentences <n>', 'length budget in sentences', positiveInteger)
    .option('--json', 'print the summary object')
    .action(async (options: { corpus?: string | boolean; index?: string; article?: string; topic?: string; json?: boolean; maxChars?: number; maxSentences?: number }, command: Command) => {
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
      if (!request) command.error('error: give one of --article <ref>, --topic <words> or --corpus', { exitCode: USAGE_EXIT_CODE, code: 'verbatim.usage' });
      const folder = typeof options.corpus === 'string' ? options.corpus : undefined;
      await withEngine(run, configFrom(io, { ...(folder ? { corpus: folder } : {}), ...(options.index ? { index: options.index } : {}) }), async (engine) => {
        const summary = await engine.summarize(request);
        io.stdout.write((options.json ? JSON.stringify(summary, null, 2) : renderSummary(summary, styleFor(io.stdout, io.env))) + '\n');
      });
    });

  program
    .command('feedback')
    .description("the Discord bot's stored questions and votes")
    .command('export')
    .description('print every asked question and vote in the bot database as JSON lines (dev data; no user ids)')
    .option('--db <file>', 'the bot database (default: BOT_DB)')
    .action(async (options: { db?: string }) => {
      const file = options.db ?? loadConfig(io, {}).discord.database;
      // Opening would create an empty database: an export of a mistyped path must say so instead.
      if (!existsSync(file)) throw new VerbatimError('CONFIG_INVALID', `No bot database at ${file}.`, { hint: 'Pass --db <file> or set BOT_DB to the file the bot writes.' });
      // Loaded here, not at start: only this command needs SQLite.
      const { BotStore } = await import('../feedback/bot-store.js');
      const store = BotStore.open(file);
      try {
        for (const record of store.exportRecords()) io.stdout.write(`${JSON.stringify(record)}\n`);
      } finally {
        store.close();
      }
    });

  const sources = program
    .command('sources')
    .description('the RSS/Atom feeds and article pages the bot follows (SOURCES_FILE)')
    // `verbatim sources` alone names no action: its help, on stderr, as a usage error.
    .action(() => {
      sources.outputHelp({ error: true });
      run.status = USAGE_EXIT_CODE;
    });
  common(sources.command('add'))
    .description('follow an RSS/Atom feed or an article page (fetched at the next refresh)')
    .argument('<url>', 'an http:// or https:// address')
    .option('--name <name>', 'a short name for lists (default: the host)')
    .action(async (url: string, options: CommonOptions & { name?: string }) => {
      await withEngine(run, configFrom(io, options), async (engine) => {
        const added = await engine.addSource(url, options.name);
        io.stdout.write(stripControls(`Following ${added.name}: ${added.url}\nRun \`verbatim refresh\` to fetch it now.`) + '\n');
      }, { warmUp: false });
    });
  common(sources.command('list'))
    .description('list the followed sources and how their last refresh went')
    .option('--json', 'print the list')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      const config = configFrom(io, options);
      await withEngine(run, config, async (engine) => {
        const list = await engine.sources();
        io.stdout.write((options.json ? JSON.stringify(list, null, 2) : renderSourceList(list, config.sourcesFile)) + '\n');
      }, { warmUp: false });
    });
  common(sources.command('remove'))
    .description('stop following a source (its articles leave the index at the next refresh)')
    .argument('<source>', 'the address or the name')
    .action(async (ref: string, options: CommonOptions) => {
      await withEngine(run, configFrom(io, options), async (engine) => {
        const removed = await engine.removeSource(ref);
        io.stdout.write(stripControls(`No longer following ${removed.name}: ${removed.url}`) + '\n');
      }, { warmUp: false });
    });

  common(program.command('refresh'))
    .description('fetch every source once, store what changed in the corpus folder and update the index')
    .option('--json', 'print the refresh report object')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      await withEngine(
        run,
        configFrom(io, options),
        async (engine, onProgress) => {
          const report = await engine.refresh({ onProgress });
          io.stdout.write((options.json ? JSON.stringify(report, null, 2) : renderRefresh(report)) + '\n');
          // A source that failed outright is a failure for cron (status 1); partial ones are in the report.
          if (report.sources.some((s) => s.status === 'failed')) run.status = 1;
        },
        { warmUp: false },
      );
    });

  common(program.command('stats'))
    .description('show the index and embedder in use')
    .option('--json', 'print the stats object')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      await withEngine(run, configFrom(io, options), async (engine) => {
        const stats = await engine.stats();
        io.stdout.write((options.json ? JSON.stringify(stats, null, 2) : renderStats(stats)) + '\n');
      });
    });

  common(program.command('serve'))
    .description('a local HTTP API over one warm engine: POST /ask, GET /articles, GET /stats, GET /healthz, GET /readyz')
    .option('--port <n>', 'port to listen on (default: SERVE_PORT or 8787; 0 picks a free one)', portNumber)
    .option('--host <address>', 'address to listen on (default: SERVE_HOST or 127.0.0.1, this machine only)')
    .action(async (options: CommonOptions & { port?: number; host?: string }) => {
      const config = configFrom(io, options);
      await withEngine(
        run,
        config,
        async (engine) => {
          const { serveUntilStopped } = await import('../serve/run.js');
          await serveUntilStopped(engine, {
            port: options.port ?? config.serve.port,
            host: options.host ?? config.serve.host,
            apiToken: config.serve.apiToken,
            log: (line) => io.stderr.write(`${line}\n`),
            listenForStop: () => io.listenForStop(),
          });
        },
        // The server answers /healthz at once and warms the engine itself (/readyz says when it is ready).
        { warmUp: false },
      );
    });

  // Set last: these are copied into each subcommand as it is created, and only the top level wants them.
  // `verbatim help <command>` prints that command's help (the harness's action would otherwise hide it).
  program.helpCommand('help [command]', 'show help for a command');
  // Extra words reach the harness's action, which names them as an unknown command.
  program.allowExcessArguments();
  return program;
}

/**
 * Runs the command line `argv` (node, script, then the words) and resolves with its exit status. `io` is the process's
 * by default; tests pass their own streams and settings, and may pass engine dependencies (an embedder double).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo(), engineDeps: CliRun['engineDeps'] = {}): Promise<number> {
  const run: CliRun = { io, status: 0, engineDeps };
  try {
    await buildProgram(run).parseAsync([...argv]);
    return run.status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message (and the help after it): only the status is left to set.
      // Printing help or the version is not an error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version' ? 0 : USAGE_EXIT_CODE;
    }
    io.stderr.write(renderError(error) + '\n');
    return 1;
  }
}
