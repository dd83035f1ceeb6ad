/** Crash-safe file writes: content goes to a temporary name, is flushed to disk, then renamed into place. */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export { writeFileAtomic };

/** A unique sibling name for a temporary file, so two writers never share one. */
export function temporaryPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Runs `write(temporaryPath)` (for writers that only take a path, like hnswlib), flushes the result and renames it
 * over `file`; the temporary file is removed if anything fails.
 */
export async function writeThroughTemporary(file: string, write: (temporaryPath: string) => Promise<void>): Promise<void> {
  const temporary = temporaryPathFor(file);
  try {
    await write(temporary);
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
