/**
 * `verbatim ask --jsonl`: one `{"id","question"}` per input line, one result object per output line.
 * A stable contract other tools read: {id, question, status, confidence, answers, nearest} (plus
 * `more`, `reason`, `trace`), or {id, question, error: {code, message, hint}} for a bad line (a blank line
 * included: the n-th output line always answers the n-th input line, whose default id is n). Error lines carry the
 * caller's `id` and `question` as given (null when the line has none). `POST /ask`'s batch form answers its
 * records through the same `answerRecord`.
 */
import readline from 'node:readline';
import type { Engine, AskOptions } from '../engine-types.js';
import { toVerbatimError, VerbatimError } from '../errors.js';

export type BatchOutput = Record<string, unknown> & { id: unknown };

export async function runBatch(engine: Engine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: AskOptions = {}): Promise<number> {
  let count = 0;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    // One output line per input line, blank ones included, so line numbers and default ids match the input's.
    count++;
    output.write(JSON.stringify(await answerLine(engine, line, count, options)) + '\n');
  }
  return count;
}

/** One input line's output: the line is parsed, then answered as a record. */
export async function answerLine(engine: Pick<Engine, 'ask'>, line: string, position: number, options: AskOptions = {}): Promise<BatchOutput> {
  if (!line.trim()) return { id: position, question: null, error: lineInvalid(position, 'the line is blank') };
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { id: position, question: null, error: lineInvalid(position, (error as Error).message) };
  }
  return answerRecord(engine, record, position, options);
}

/**
 * One `{"id","question"}` record's output: the result with the caller's id, or `{id, question, error}`. `position`
 * (1-based) is the id when the record has none.
 */
export async function answerRecord(engine: Pick<Engine, 'ask'>, record: unknown, position: number, options: AskOptions = {}): Promise<BatchOutput> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { id: position, question: null, error: lineInvalid(position, 'each line must be a JSON object') };
  }
  const fields = record as { id?: unknown; question?: unknown };
  const id = fields.id ?? position;
  const question = fields.question ?? null;
  if (typeof question !== 'string') return { id, question, error: lineInvalid(position, 'each line needs a "question" string') };
  try {
    return { id, ...(await engine.ask(question, options)) };
  } catch (error) {
    return { id, question, error: toVerbatimError(error).toJSON() };
  }
}

function lineInvalid(position: number, reason: string): ReturnType<VerbatimError['toJSON']> {
  return new VerbatimError('BATCH_LINE_INVALID', `Line ${position}: ${reason}`).toJSON();
}
