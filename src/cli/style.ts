/** Terminal styling: ANSI bold/dim on a TTY, plain markers elsewhere so piped output stays readable. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export function styleFor(stream: { isTTY?: boolean }): Style {
  if (stream.isTTY && !process.env.NO_COLOR) {
    return { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };
  }
  return { bold: (t) => `**${t}**`, dim: (t) => t };
}
