/** Writes a benchmark's results: JSON plus a markdown table, with the machine, date, commit and command. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface RunInfo {
  date: string;
  commit: string;
  command: string;
  machine: string;
  node: string;
}

export function runInfo(): RunInfo {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: leave unknown
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    commit,
    command: commandLine(),
    machine: `${cpus.length}× ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.arch()}`,
    node: process.version,
  };
}

export function markdownTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number) => (typeof v === 'number' ? formatNumber(v) : v);
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3);
}

/** Writes `bench/results/<name>.json` and `<name>.md` (atomically enough for reports: temp + rename). */
export async function writeResults(name: string, json: unknown, markdown: string, dir = path.resolve('bench/results')): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  // Results are committed: paths inside the checkout are stored relative to it, never as machine paths.
  const root = process.cwd() + path.sep;
  const relative = (_key: string, value: unknown) => (typeof value === 'string' && value.startsWith(root) ? value.slice(root.length) : value);
  for (const [file, body] of [[`${name}.json`, JSON.stringify(json, relative, 2) + '\n'], [`${name}.md`, markdown.split(root).join('') + '\n']] as const) {
    const target = path.join(dir, file);
    await fs.writeFile(`${target}.tmp`, body);
    await fs.rename(`${target}.tmp`, target);
  }
}

export function header(title: string, info: RunInfo): string {
  return `# ${title}\n\n- date: ${info.date}\n- commit: ${info.commit}\n- machine: ${info.machine}, Node ${info.node}\n- command: \`${info.command}\`\n`;
}

/**
 * The command that reproduces this run, as typed: `npm run bench:hnsw -- 50000` when started by an npm script
 * (its own arguments left out), else `npx tsx <script> <args>` (npx sets npm_lifecycle_event to "npx").
 */
export function commandLine(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): string {
  const args = argv.slice(2);
  const event = env.npm_lifecycle_event;
  if (event && event !== 'npx') {
    const baked = Math.max(0, (env.npm_lifecycle_script ?? '').trim().split(/\s+/).length - 2);
    const extra = args.slice(baked);
    return [`npm run ${event}`, ...(extra.length ? ['--', ...extra] : [])].join(' ');
  }
  const script = path.relative(process.cwd(), argv[1] ?? '') || 'script';
  return ['npx tsx', script, ...args].join(' ');
}
