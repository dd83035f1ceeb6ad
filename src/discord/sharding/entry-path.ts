/**
 * Where the shard process's entry file is. It sits beside this module, so it is found from import.meta.url: the
 * TypeScript source run through tsx (`npm start`) gets shard-process.ts, a compiled build gets shard-process.js.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function shardEntryPath(moduleUrl: string = import.meta.url): string {
  const here = fileURLToPath(moduleUrl);
  return path.join(path.dirname(here), `shard-process${path.extname(here)}`);
}
