import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.json', '.jsonl', '.html', '.htm'] as const;
export type ArticleExtension = (typeof ARTICLE_EXTENSIONS)[number];

/** A folder the listing could not enter (permissions, a path past the OS limit, gone mid-listing). */
export interface UnlistedFolder {
  /** Relative path of the folder ('' for the corpus folder itself). */
  relative: string;
  reason: string;
}

export interface ListedFile {
  /** Path relative to the corpus folder with '/' separators: the article id. */
  relative: string;
  absolute: string;
  extension: ArticleExtension;
}

/**
 * Article files under `dir`, recursively and sorted by relative path. Dot-files, dot-folders and
 * node_modules are skipped; any other file the reader does not take (a PDF, an image) is passed to `onUnsupported`; symbolic links are followed, each real folder visited once. A folder that
 * cannot be listed (a root-only `lost+found`, a path past the OS limit) is passed to `onUnlisted` and
 * skipped: one bad folder must not hide every other article.
 */
export async function listArticleFiles(
  dir: string,
  onUnlisted: (folder: UnlistedFolder) => void = () => {},
  onUnsupported: (relative: string) => void = () => {},
): Promise<ListedFile[]> {
  const found: ListedFile[] = [];
  const visited = new Set<string>();
  const visit = async (folder: string, prefix: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      const real = await realpath(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      onUnlisted({ relative: prefix, reason: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = path.join(folder, entry.name);
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const kind = entry.isSymbolicLink() ? await linkTarget(absolute) : entry;
      if (kind?.isDirectory() === true) {
        await visit(absolute, relative);
      } else if (kind === null || kind.isFile()) {
        const extension = articleExtension(entry.name);
        if (extension !== null) found.push({ relative, absolute, extension });
        else if (!IGNORED_NAMES.has(entry.name.toLowerCase())) onUnsupported(relative);
      }
    }
  };
  await visit(dir, '');
  return found.sort((a, b) => compareIds(a.relative, b.relative));
}

/** Files operating systems leave in folders: not worth a notice. */
const IGNORED_NAMES = new Set(['thumbs.db', 'desktop.ini']);

export function articleExtension(name: string): ArticleExtension | null {
  const extension = path.extname(name).toLowerCase();
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extension) ? (extension as ArticleExtension) : null;
}

/** Code-unit order, the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function linkTarget(absolute: string): Promise<{ isDirectory(): boolean; isFile(): boolean } | null> {
  try {
    return await stat(absolute);
  } catch {
    return null; // a dangling link: listed, so reading it reports the file as unreadable
  }
}
