import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileArticles, FileStat } from './file-stamps.js';
import { VerbatimError } from '../errors.js';
import { compareIds, listArticleFiles, type ListedFile } from './list-files.js';
import type { ParseArticleInput } from './parse-article.js';
import { corpusProblem, problemFromError } from './problems.js';
import { readTextFile } from './read-text-file.js';
import type { Article, CorpusProblem } from './types.js';

export interface LoadCorpusOptions {
  /** Largest article file (.txt/.md/.json) or JSONL line read, in bytes; default 10 MiB. */
  maxArticleBytes?: number;
  /** Called for each problem as it is found (progress output); all problems are also returned. */
  onProblem?: (problem: CorpusProblem) => void;
  /**
   * An already parsed article with this id and content hash (from the index), used instead of
   * parsing again: a start-up over an unchanged corpus reads and hashes files but parses none.
   */
  reuse?: (id: string, contentHash: string) => Article | undefined;
  /**
   * File stamps (file-stamps.ts): a file whose size, times and inode match its stamp is not read at all when every
   * article it held is still offered by `reuse`; every file read whole without problems is stamped again.
   */
  stamps?: {
    unchanged(relative: string, stat: FileStat): FileArticles | undefined;
    record(relative: string, stat: FileStat, articles: FileArticles): void;
    forget(relative: string): void;
  };
}

export interface LoadedCorpus {
  /** Sorted by id. Empty when nothing readable was found: the caller decides (see requireArticles). */
  articles: Article[];
  problems: CorpusProblem[];
}

export const DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024;
/** Files read at once: enough to hide disk latency, few enough to keep memory flat. */
const READ_CONCURRENCY = 8;

/**
 * Reads every article under `dir` (recursively): .txt, .md/.markdown (YAML front matter), .json (a
 * record or an array of records), .jsonl (a record per line) and .html/.htm (the page's main text, extracted).
 * Other files are reported as ARTICLE_UNSUPPORTED, not skipped in silence. A file that cannot be used becomes a
 * problem and never stops the load. Throws VerbatimError CORPUS_MISSING when `dir` is not a folder.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  await requireFolder(dir);
  const maxBytes = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const report = (problem: CorpusProblem): void => {
    problems.push(problem);
    options.onProblem?.(problem);
  };
  const files = await listArticleFiles(
    dir,
    (folder) => report(corpusProblem(folder.relative || '.', 'FOLDER_UNREADABLE', `The folder ${folder.relative || dir} could not be listed (${folder.reason}); articles under it were skipped.`)),
    (relative) => report(corpusProblem(relative, 'ARTICLE_UNSUPPORTED', `${relative} was skipped: ${path.extname(relative) || 'a file without an extension'} is not an article format the reader takes.`)),
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let file = files[next++]; file !== undefined; file = files[next++]) {
      await loadFile(file, maxBytes, options, (article) => articles.push(article), report);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  articles.sort((a, b) => compareIds(a.id, b.id));
  problems.sort((a, b) => compareIds(a.path, b.path));
  return { articles, problems };
}

/** The articles of a load, or VerbatimError CORPUS_EMPTY when there are none (for callers that need some). */
export function requireArticles(corpus: LoadedCorpus, dir: string): Article[] {
  if (corpus.articles.length > 0) return corpus.articles;
  const skipped = corpus.problems.length === 0 ? '' : ` (${corpus.problems.length} file(s) skipped with problems)`;
  throw new VerbatimError('CORPUS_EMPTY', `No readable articles in ${dir}${skipped}.`);
}

async function requireFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info === null) throw new VerbatimError('CORPUS_MISSING', `The corpus folder ${dir} does not exist.`);
  if (!info.isDirectory()) throw new VerbatimError('CORPUS_MISSING', `${dir} is a file, not a folder of articles.`);
}

/** The parser and the record readers pull in date parsing, YAML and sentence splitting: loaded only when needed. */
let parserModule: Promise<typeof import('./parse-article.js')> | null = null;
let recordsModule: Promise<typeof import('./read-records.js')> | null = null;
/** Readability and a DOM: loaded only when the corpus has HTML files. */
let htmlModule: Promise<typeof import('./read-html-file.js')> | null = null;

async function loadFile(
  file: ListedFile,
  maxBytes: number,
  { reuse, stamps }: Pick<LoadCorpusOptions, 'reuse' | 'stamps'>,
  addArticle: (article: Article) => void,
  reportProblem: (problem: CorpusProblem) => void,
): Promise<void> {
  // Taken before reading, so an edit made while the file is read leaves a stamp that no longer matches.
  const info = stamps ? await stat(file.absolute).catch(() => null) : null;
  if (stamps && info) {
    const stamped = stamps.unchanged(file.relative, info)?.map(([id, hash]) => reuse?.(id, hash));
    if (stamped && stamped.every((article) => article !== undefined)) {
      stamped.forEach(addArticle);
      return;
    }
  }
  const held: FileArticles = [];
  let problems = 0;
  const add = (article: Article): void => {
    held.push([article.id, article.contentHash]);
    addArticle(article);
  };
  const report = (problem: CorpusProblem): void => {
    problems++;
    reportProblem(problem);
  };
  await readArticles(file, maxBytes, reuse, add, report);
  if (!stamps) return;
  if (info && problems === 0) stamps.record(file.relative, info, held);
  else stamps.forget(file.relative);
}

async function readArticles(
  file: ListedFile,
  maxBytes: number,
  reuse: LoadCorpusOptions['reuse'],
  add: (article: Article) => void,
  report: (problem: CorpusProblem) => void,
): Promise<void> {
  const keep = async (id: string, input: Omit<ParseArticleInput, 'id'>): Promise<void> => {
    const known = reuse?.(id, input.contentHash);
    if (known) {
      add(known);
      return;
    }
    try {
      const { parseArticle } = await (parserModule ??= import('./parse-article.js'));
      const article = parseArticle({ id, ...input });
      if (article.sentences.length > 0) add(article);
      else report(corpusProblem(id, 'ARTICLE_EMPTY', `${id} has no article text once page furniture is set aside.`));
    } catch (error) {
      report(problemFromError(id, error));
    }
  };
  try {
    if (file.extension === '.json' || file.extension === '.jsonl') {
      const { readJsonRecords, readJsonlRecords } = await (recordsModule ??= import('./read-records.js'));
      const read = file.extension === '.json' ? readJsonRecords : readJsonlRecords;
      for await (const outcome of read(file.absolute, file.relative, maxBytes)) {
        if ('problem' in outcome) report(outcome.problem);
        else await keep(outcome.id, outcome.record.input);
      }
    } else if (file.extension === '.html' || file.extension === '.htm') {
      const { readHtmlFile } = await (htmlModule ??= import('./read-html-file.js'));
      const { text, contentHash } = await readHtmlFile(file.absolute, file.relative, maxBytes);
      await keep(file.relative, { text, contentHash, format: 'markdown' });
    } else {
      const { text, contentHash } = await readTextFile(file.absolute, file.relative, maxBytes);
      await keep(file.relative, { text, contentHash, format: file.extension === '.txt' ? 'text' : 'markdown' });
    }
  } catch (error) {
    report(problemFromError(file.relative, error));
  }
}
