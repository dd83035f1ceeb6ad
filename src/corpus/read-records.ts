import { isBinaryFile } from 'isbinaryfile';
import { VerbatimError } from '../errors.js';
import { contentHash } from './hash.js';
import { readJsonlLines } from './jsonl-lines.js';
import { problemFromError } from './problems.js';
import { decodeUtf8, readTextFile, tooLarge } from './read-text-file.js';
import { readRecord, type RecordInput } from './records.js';
import type { CorpusProblem } from './types.js';

/** One record read from a .json/.jsonl file, or the problem that kept it out. */
export type RecordOutcome = { id: string; record: RecordInput } | { problem: CorpusProblem };

/**
 * Records of a .json file: an array of records or a single record. The file must fit `maxBytes`
 * (it is parsed whole; a large collection belongs in .jsonl). Ids are `file.json#<record id or index>`.
 */
export async function* readJsonRecords(absolute: string, fileId: string, maxBytes: number): AsyncGenerator<RecordOutcome> {
  const { text } = await readTextFile(absolute, fileId, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new VerbatimError('ARTICLE_MALFORMED', `${fileId} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const records = Array.isArray(value) ? value : [value];
  if (records.length === 0) throw new VerbatimError('ARTICLE_EMPTY', `${fileId} holds an empty list of records.`);
  const ids = new UniqueIds(fileId);
  for (const [index, item] of records.entries()) {
    yield outcome(`${fileId}#${index}`, () => {
      const record = readRecord(item, `${fileId} record ${index}`, contentHash(JSON.stringify(item)));
      return { id: ids.claim(record.ownId ?? String(index)), record };
    });
  }
}

/**
 * Records of a .jsonl file, one per non-blank line, streamed. A bad line is reported as a problem
 * and the good lines still load. Ids are `file.jsonl#<record id or 0-based line number>`.
 */
export async function* readJsonlRecords(absolute: string, fileId: string, maxBytes: number): AsyncGenerator<RecordOutcome> {
  if (await isBinaryFile(absolute)) throw new VerbatimError('ARTICLE_BINARY', `${fileId} is a binary file, not text.`);
  const ids = new UniqueIds(fileId);
  let records = 0;
  for await (const line of readJsonlLines(absolute, maxBytes)) {
    const where = `${fileId}#${line.line}`;
    if ('tooLarge' in line) {
      yield { problem: problemFromError(where, tooLarge(`${fileId} line ${line.line + 1}`, line.tooLarge, maxBytes)) };
      continue;
    }
    if (line.bytes.toString('latin1').trim() === '') continue;
    records++;
    yield outcome(where, () => {
      const text = decodeUtf8(line.bytes, `${fileId} line ${line.line + 1}`);
      const record = readRecord(parseJson(text, `${fileId} line ${line.line + 1}`), `${fileId} line ${line.line + 1}`, contentHash(line.bytes));
      return { id: ids.claim(record.ownId ?? String(line.line)), record };
    });
  }
  if (records === 0) throw new VerbatimError('ARTICLE_EMPTY', `${fileId} has no records.`);
}

function outcome(where: string, read: () => { id: string; record: RecordInput }): RecordOutcome {
  try {
    return read();
  } catch (error) {
    return { problem: problemFromError(where, error) };
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VerbatimError('ARTICLE_MALFORMED', `${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Article ids of one file's records; a repeated record id would make two articles share an id. */
class UniqueIds {
  private readonly seen = new Set<string>();
  constructor(private readonly fileId: string) {}

  claim(key: string): string {
    const id = `${this.fileId}#${key}`;
    if (this.seen.has(id)) throw new VerbatimError('ARTICLE_MALFORMED', `${id} repeats an earlier record id; ids must be unique within a file.`);
    this.seen.add(id);
    return id;
  }
}
