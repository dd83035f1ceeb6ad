import { createReadStream } from 'node:fs';

export type JsonlLine =
  | { line: number; bytes: Buffer }
  | { line: number; tooLarge: number };

const NEWLINE = 0x0a;

/**
 * The lines of a JSON Lines file (0-based numbers, `\n` or `\r\n` endings), streamed so the file is
 * never held whole. A line longer than `maxLineBytes` is skipped while reading and reported by size.
 */
export async function* readJsonlLines(absolute: string, maxLineBytes: number): AsyncGenerator<JsonlLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let line = 0;
  const finish = (): JsonlLine => {
    const result: JsonlLine = length > maxLineBytes ? { line, tooLarge: length } : { line, bytes: withoutCarriageReturn(Buffer.concat(parts)) };
    parts = [];
    length = 0;
    line++;
    return result;
  };
  for await (const chunk of createReadStream(absolute) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      keep(chunk.subarray(from, at));
      yield finish();
      from = at + 1;
    }
    keep(chunk.subarray(from));
  }
  if (length > 0) yield finish();

  function keep(piece: Buffer): void {
    length += piece.length;
    if (length <= maxLineBytes) parts.push(piece);
    else parts = [];
  }
}

function withoutCarriageReturn(bytes: Buffer): Buffer {
  return bytes.at(-1) === 0x0d ? bytes.subarray(0, -1) : bytes;
}
