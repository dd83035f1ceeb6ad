/**
 * True when consecutive lines are one paragraph wrapped at a fixed width (e-mail or plain-text style).
 * A greedy wrapper breaks a line only when the next word would not fit, so every line but the last,
 * plus a space and the next line's first word, must overflow the widest line. Lines that are each
 * their own paragraph (news sites, the seeds) fail that test, or are wider than any wrap width.
 */
export function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const lengths = lines.map((line) => line.trim().length);
  const width = Math.max(...lengths);
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return false;
  return lines.slice(0, -1).every((_, i) => (lengths[i] ?? 0) + 1 + firstWordLength(lines[i + 1] ?? '') > width);
}

const MIN_WRAP_WIDTH = 40;
const MAX_WRAP_WIDTH = 120;

function firstWordLength(line: string): number {
  return line.trim().split(/\s/, 1)[0]?.length ?? 0;
}
