/**
 * `verbatim ask --jsonl`: one `{"id","question"}` per input line, one result object per output line.
 * A stable contract other tools read: {id, question, status, confidence, answers, nearest} (plus
 * `more`, `reason`, `trace`), or {id, question, error: {code, message, hint}} for a bad line (a blank line
 * included: the n-th output line always answers the n-th input line, whose default id is n).
 */
import readline from 'node:readline';
import type { Engine, AskOptions } from '../engine-types.js';
import { toVerbatimError } from '../errors.js';

export async function runBatch(engine: Engine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: AskOptions = {}): Promise<number> {
  let count = 0;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    // One output line per input line, blank ones included, so line numbers and default ids match the input's.
    count++;
    let id: unknown = count;
    let question: unknown = '';
    try {
      if (!line.trim()) throw new TypeError('the line is blank');
      const record = JSON.parse(line) as { id?: unknown; question?: unknown };
      id = record.id ?? count;
      question = record.question;
      if (typeof question !== 'string') throw new TypeError('each line needs a "question" string');
      const result = await engine.ask(question, options);
      output.write(JSON.stringify({ id, ...result }) + '\n');
    } catch (error) {
      const lineIsInvalid = error instanceof SyntaxError || error instanceof TypeError;
      const payload = lineIsInvalid
        ? { code: 'BATCH_LINE_INVALID', message: `Line ${count}: ${(error as Error).message}`, hint: 'Each line must be a JSON object like {"id":"q1","question":"…"}.' }
        : toVerbatimError(error).toJSON();
      output.write(JSON.stringify({ id, question, error: payload }) + '\n');
    }
  }
  return count;
}
