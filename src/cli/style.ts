/**
 * Terminal styling: ANSI bold/dim on a TTY, plain markers elsewhere so piped output stays readable.
 * FORCE_COLOR (any value but 0/false) turns ANSI on even when piped, FORCE_COLOR=0 turns it off; it wins over
 * NO_COLOR, as in Node itself. NO_COLOR (any value) turns it off on a terminal.
 */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

export function styleFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Style {
  if (useColor(stream, env)) {
    return { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };
  }
  return { bold: (t) => `**${t}**`, dim: (t) => t };
}
