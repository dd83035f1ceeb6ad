/** The index manifest: what a per-embedder index folder holds, written last so it commits a generation. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VerbatimError } from '../errors.js';

/**
 * Bump when any persisted file changes shape or meaning — including what the shared analyser
 * (tokenize.ts) or the corpus parser produce — so older indexes are rebuilt, never misread.
 */
export const INDEX_FORMAT_VERSION = 3;
export const MANIFEST_FORMAT = 'verbatim-index';
export const MANIFEST_FILE = 'manifest.json';

const fileEntry = z.object({
  name: z.string().regex(/^[\w.-]+$/),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestArticle = z.object({
  contentHash: z.string(),
  /** Labels of the article's passages, in passage order. */
  labels: z.array(z.number().int().nonnegative()),
  sentences: z.number().int().nonnegative(),
  /** Where the article's sentence vectors start: a sentence-vector file and a row offset into it (null: no sentences). */
  vectors: z.object({ file: z.string(), row: z.number().int().nonnegative() }).nullable(),
});

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.number().int(),
  /** Increases with every write; file names carry it so a new set never overwrites the committed one. */
  generation: z.number().int().nonnegative(),
  writtenAt: z.string(),
  embedder: z.object({ id: z.string(), name: z.string(), dimension: z.number().int().positive() }),
  hnsw: z.object({ m: z.number().int().positive(), efConstruction: z.number().int().positive() }),
  counts: z.object({ articles: z.number().int().nonnegative(), passages: z.number().int().nonnegative(), sentences: z.number().int().nonnegative() }),
  /** Labels come from this counter and are never reused. */
  nextLabel: z.number().int().nonnegative(),
  files: z.object({
    articles: fileEntry,
    passages: fileEntry,
    dense: fileEntry,
    lexical: fileEntry,
    sentenceVectors: z.array(fileEntry),
  }),
  articles: z.record(z.string(), manifestArticle),
  /**
   * sha256 of the manifest's JSON without this field. The data files carry their own checksums, but an edited
   * manifest (shifted sentence-vector rows, still in range) would otherwise pair them wrongly and answer silently wrong.
   */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export type FileEntry = z.infer<typeof fileEntry>;
export type ManifestArticle = z.infer<typeof manifestArticle>;
export type Manifest = z.infer<typeof manifestSchema>;

/** Every file a manifest refers to. */
export function manifestFiles(manifest: Manifest): FileEntry[] {
  const { articles, passages, dense, lexical, sentenceVectors } = manifest.files;
  return [articles, passages, dense, lexical, ...sentenceVectors];
}

/** The manifest's text with its checksum (`body` is everything but the checksum). */
export function serializeManifest(body: Omit<Manifest, 'checksum'>): { manifest: Manifest; text: string } {
  const manifest: Manifest = { ...body, checksum: manifestChecksum(body) };
  return { manifest, text: `${JSON.stringify(manifest)}\n` };
}

function manifestChecksum(body: object): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Parses manifest text. Throws INDEX_VERSION_MISMATCH for a verbatim manifest of another format version and
 * INDEX_CORRUPT for anything else that is not a valid manifest.
 */
export function parseManifest(text: string, file: string): Manifest {
  const corrupt = (reason: string): VerbatimError => new VerbatimError('INDEX_CORRUPT', `The index manifest ${file} ${reason}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt('is not valid JSON');
  }
  const header = z.object({ format: z.literal(MANIFEST_FORMAT), version: z.number() }).safeParse(raw);
  if (!header.success) throw corrupt('is not a verbatim index manifest');
  if (header.data.version !== INDEX_FORMAT_VERSION) {
    throw new VerbatimError(
      'INDEX_VERSION_MISMATCH',
      `The index at ${file} has format version ${header.data.version}; this verbatim reads version ${INDEX_FORMAT_VERSION}.`,
    );
  }
  const { checksum, ...body } = raw as { checksum?: unknown };
  if (typeof checksum !== 'string' || checksum !== manifestChecksum(body)) throw corrupt('does not match its checksum (it was edited or damaged)');
  // The per-article entries (one per article: 10k+ at 100k passages) are checked by hand: zod's record of objects
  // took a few hundred ms of every start there. The rest of the manifest is small and goes through the schema.
  const manifest = manifestShellSchema.safeParse(raw);
  if (!manifest.success) {
    const issue = manifest.error.issues[0]!;
    throw corrupt(`is invalid at ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
  }
  const invalid = invalidArticleEntry(manifest.data.articles);
  if (invalid) throw corrupt(`is invalid at articles.${invalid.id}: ${invalid.reason}`);
  return manifest.data as Manifest;
}

const manifestShellSchema = manifestSchema.extend({ articles: z.record(z.string(), z.unknown()) });

/** The first article entry that is not a ManifestArticle, and why; null when all are. */
function invalidArticleEntry(articles: Record<string, unknown>): { id: string; reason: string } | null {
  const count = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
  for (const id in articles) {
    const entry = articles[id] as Partial<Record<keyof ManifestArticle, unknown>> | null;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { id, reason: 'expected an object' };
    if (typeof entry.contentHash !== 'string') return { id, reason: 'contentHash must be a string' };
    if (!Array.isArray(entry.labels) || !entry.labels.every(count)) return { id, reason: 'labels must be whole numbers' };
    if (!count(entry.sentences)) return { id, reason: 'sentences must be a whole number' };
    const vectors = entry.vectors as { file?: unknown; row?: unknown } | null | undefined;
    if (vectors !== null && (typeof vectors !== 'object' || typeof vectors.file !== 'string' || !count(vectors.row))) {
      return { id, reason: 'vectors must be null or {file, row}' };
    }
  }
  return null;
}
