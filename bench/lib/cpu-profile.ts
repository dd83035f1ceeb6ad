/**
 * Profiles a stretch of work with V8's sampling profiler (the inspector protocol, as `node --cpu-prof` does, but
 * only around the loop being measured) and summarises the profile into the functions and files where time goes.
 */
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  /** `function (file:line)`, file relative to the repo or a package name. */
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Time the main thread was busy (shares below are of this). */
  totalMs: number;
  /** Time the main thread sat idle, e.g. waiting for embedder worker threads. */
  idleMs: number;
  /** Functions by time spent in their own code. */
  self: HotSpot[];
  /** The repo's own functions by time spent in them and everything they call. */
  inclusive: HotSpot[];
  /** Time by place: a package under node_modules, a file of the repo, or the engine's own bookkeeping. */
  byPlace: HotSpot[];
}

/** Runs `work` under the sampling profiler; writes the raw .cpuprofile to `file` (open it in Chrome DevTools). */
export async function profiled<T>(work: () => Promise<T>, file: string): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    return { result, profile: profile as CpuProfile };
  } finally {
    session.disconnect();
  }
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);


/** Self and inclusive time per function, and time per package or file. Pure. */
export function summarizeProfile(profile: CpuProfile, repoRoot: string, top = 12): ProfileSummary {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  samples.forEach((id, i) => {
    const ms = Math.max(0, deltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idleMs += ms;
      return;
    }
    totalMs += ms;
    add(self, label(node, repoRoot), ms);
    add(byPlace, place(node, repoRoot), ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)!;
      if (!frame.callFrame.url.startsWith(`file://${repoRoot}/src/`)) continue;
      const key = label(frame, repoRoot);
      if (!seen.has(key)) add(inclusive, key, ms);
      seen.add(key);
    }
  });
  const rank = (table: Map<string, number>): HotSpot[] =>
    [...table]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10, share: totalMs > 0 ? Math.round((ms / totalMs) * 1000) / 1000 : 0 }));
  return { totalMs: Math.round(totalMs), idleMs: Math.round(idleMs), self: rank(self), inclusive: rank(inclusive), byPlace: rank(byPlace) };
}

function add(table: Map<string, number>, key: string, ms: number): void {
  table.set(key, (table.get(key) ?? 0) + ms);
}

function label(node: ProfileNode, repoRoot: string): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (IDLE.has(functionName) || url === '') return functionName || '(anonymous)';
  // Files compiled on the fly (tsx) report line 0 for everything: the file alone then says where.
  const where = lineNumber > 0 ? `${shortUrl(url, repoRoot)}:${lineNumber + 1}` : shortUrl(url, repoRoot);
  return `${functionName || '(anonymous)'} (${where})`;
}

function place(node: ProfileNode, repoRoot: string): string {
  const { functionName, url } = node.callFrame;
  if (url === '') return IDLE.has(functionName) ? functionName : '(native / V8 built-ins)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node core';
  return shortUrl(url, repoRoot);
}

function shortUrl(url: string, repoRoot: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  return url.replace(`file://${repoRoot}/`, '');
}
