/**
 * Rows of objects that share their keys, stored column by column: JSON arrays of numbers and strings parse several
 * times faster than arrays of small objects, which matters for the 100k passages and 200k sentences of a large index.
 */

export interface Columns {
  keys: string[];
  /** `values[k][row]` is row `row`'s value for `keys[k]`. */
  values: unknown[][];
}

/** Throws when a row's keys differ from the first row's (a field added to a type must reach every row). */
export function toColumns(rows: readonly object[]): Columns {
  const keys = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const values = keys.map(() => new Array<unknown>(rows.length));
  rows.forEach((row, r) => {
    const record = row as Record<string, unknown>;
    if (Object.keys(record).length !== keys.length) throw new Error(`row ${r} has keys ${Object.keys(record).join(', ')}, expected ${keys.join(', ')}`);
    keys.forEach((key, k) => {
      if (!(key in record)) throw new Error(`row ${r} lacks key ${key}`);
      values[k]![r] = record[key];
    });
  });
  return { keys, values };
}

/** Rebuilds the rows; throws when the columns are malformed or of unequal length. */
export function fromColumns<T>(columns: Columns): T[] {
  const { keys, values } = columns ?? {};
  if (!Array.isArray(keys) || !Array.isArray(values) || keys.length !== values.length) throw new Error('columns are malformed');
  const length = keys.length > 0 ? (values[0]?.length ?? -1) : 0;
  if (values.some((column) => !Array.isArray(column) || column.length !== length)) throw new Error('columns differ in length');
  const rows = new Array<T>(length);
  for (let r = 0; r < length; r++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) row[keys[k]!] = values[k]![r];
    rows[r] = row as T;
  }
  return rows;
}
