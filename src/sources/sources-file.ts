/**
 * The sources file: the feeds and pages the bot follows, as pretty JSON a person can read and edit, written
 * atomically. It lives beside the corpus folder (SOURCES_FILE); a missing file is an empty list.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { VerbatimError } from '../errors.js';
import { writeFileAtomic } from '../index/atomic-file.js';
import { FetchProblem, requireHttpUrl } from './fetch-url.js';

export interface Source {
  /** A short name for lists and autocomplete; unique. */
  name: string;
  url: string;
  /** ISO timestamp of when it was added. */
  added: string;
}

const fileSchema = z.object({
  sources: z.array(z.object({ name: z.string().min(1), url: z.string().min(1), added: z.string().default('') })),
});

export async function readSources(file: string): Promise<Source[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new VerbatimError('SOURCES_FILE_INVALID', `${file} could not be read: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new VerbatimError('SOURCES_FILE_INVALID', `${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) throw new VerbatimError('SOURCES_FILE_INVALID', `${file} is not a sources file: ${result.error.issues[0]?.message ?? 'unexpected shape'} at ${result.error.issues[0]?.path.join('.') ?? ''}.`);
  return result.data.sources;
}

export async function writeSources(file: string, sources: readonly Source[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify({ sources }, null, 2) + '\n');
}

/** Adds a source (http/https only, no duplicate address or name); returns it. */
export async function addSource(file: string, rawUrl: string, name?: string): Promise<Source> {
  let url: URL;
  try {
    url = requireHttpUrl(rawUrl.trim());
  } catch (error) {
    throw new VerbatimError('SOURCE_INVALID', error instanceof FetchProblem ? error.message : String(error));
  }
  url.hash = '';
  const sources = await readSources(file);
  const existing = sources.find((s) => s.url === url.href);
  if (existing) throw new VerbatimError('SOURCE_EXISTS', `${url.href} is already followed as "${existing.name}".`);
  const chosen = name?.trim() || defaultName(url, sources);
  if (sources.some((s) => s.name.toLowerCase() === chosen.toLowerCase())) {
    throw new VerbatimError('SOURCE_EXISTS', `A source is already named "${chosen}".`, { hint: 'Choose another name with --name.' });
  }
  const source: Source = { name: chosen, url: url.href, added: new Date().toISOString() };
  await writeSources(file, [...sources, source]);
  return source;
}

/** Removes the source with this address or name (case-insensitive); returns it. */
export async function removeSource(file: string, ref: string): Promise<Source> {
  const sources = await readSources(file);
  const found = findSource(sources, ref);
  if (!found) throw new VerbatimError('SOURCE_NOT_FOUND', `No source has the name or address "${ref}".`);
  await writeSources(file, sources.filter((s) => s !== found));
  return found;
}

export function findSource(sources: readonly Source[], ref: string): Source | undefined {
  const wanted = ref.trim();
  return sources.find((s) => s.url === wanted) ?? sources.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
}

/** The host without `www.`, numbered when taken (`example.com`, `example.com-2`). */
function defaultName(url: URL, sources: readonly Source[]): string {
  const base = url.hostname.replace(/^www\./, '') || 'source';
  const taken = new Set(sources.map((s) => s.name.toLowerCase()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
