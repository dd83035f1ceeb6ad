/**
 * The interactive harness: the same questions and commands as the Discord bot, answered in the
 * terminal with no Discord. What it prints is what the bot would answer.
 */
import readline from 'node:readline';
import type { Engine } from '../engine-types.js';
import { renderAnswer } from './render-answer.js';
import { renderError } from './render-error.js';
import { renderArticles, renderIngest, renderStats } from './render-misc.js';
import { renderSummary } from './render-summary.js';
import { renderRefresh, renderSourceList } from './render-sources.js';
import { styleFor } from './style.js';
import { parseSummaryCommand } from './summary-args.js';
import { VerbatimError } from '../errors.js';

const HELP = `Ask a question about the articles, or:
  /summary article <id or title words>   /summary topic <words>   /summary corpus
  /source add <url> [name]   /source remove <url or name>   /source list   /refresh
  /articles [page]   /reindex   /stats   /help   /quit`;

export async function runHarness(
  engine: Engine,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  const style = styleFor(output, env);
  // The line iterator queues input, so piped questions are all answered in turn (question() would drop them).
  const rl = readline.createInterface({ input, output, terminal: Boolean(output.isTTY) });
  output.write(`verbatim harness — answers quoted from the articles. ${HELP}\n`);
  const prompt = () => output.write('\n> ');
  prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === '/quit' || line === '/exit') break;
      if (line) {
        try {
          output.write((await handleLine(engine, line, style)) + '\n');
        } catch (error) {
          output.write(renderError(error) + '\n');
        }
      }
      prompt();
    }
  } finally {
    rl.close();
  }
}

async function handleLine(engine: Engine, line: string, style: ReturnType<typeof styleFor>): Promise<string> {
  const [command, ...rest] = line.split(/\s+/);
  switch (command) {
    case '/help':
      return HELP;
    case '/articles': {
      const page = Math.max(1, Number(rest[0] ?? 1) || 1);
      return renderArticles(await engine.articles({ offset: (page - 1) * 10, limit: 10 }));
    }
    case '/reindex':
      return renderIngest(await engine.ingest());
    case '/stats':
      return renderStats(await engine.stats());
    case '/summary':
      return renderSummary(await engine.summarize(parseSummaryCommand(rest)), style);
    case '/source':
      return sourceCommand(engine, rest);
    case '/refresh':
      return renderRefresh(await engine.refresh());
    case '/ask':
      return renderAnswer(await engine.ask(rest.join(' ')), style);
    default:
      // A slash word is a command, never a question: a typo must not be answered as one.
      if (command!.startsWith('/')) throw new VerbatimError('USAGE', `Unknown command ${command}.`, { hint: HELP });
      return renderAnswer(await engine.ask(line), style);
  }
}

/** `/source add|remove|list`, as in Discord; adding or removing refreshes at once there too. */
async function sourceCommand(engine: Engine, [sub, ...args]: string[]): Promise<string> {
  if (sub === 'list') return renderSourceList(await engine.sources());
  if (sub === 'add' && args[0]) {
    const added = await engine.addSource(args[0], args.slice(1).join(' ') || undefined);
    return `Following ${added.name}: ${added.url}\n${renderRefresh(await engine.refresh())}`;
  }
  if (sub === 'remove' && args.length > 0) {
    const removed = await engine.removeSource(args.join(' '));
    return `No longer following ${removed.name}: ${removed.url}\n${renderRefresh(await engine.refresh())}`;
  }
  throw new VerbatimError('USAGE', 'Use /source add <url> [name], /source remove <url or name> or /source list.', { hint: HELP });
}
