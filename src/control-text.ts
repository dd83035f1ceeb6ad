/**
 * Control characters in article text: escape sequences (colour codes, OSC set-title), other C0/C1 controls and
 * bidirectional overrides. They stay in the stored text (the verbatim guarantee slices it); a terminal door strips
 * them before printing, and the answer step never takes a span from inside one.
 */

/** CSI, OSC, DCS/PM/APC and two-byte escape sequences, then lone C0 (but tab and newline), DEL, C1 and bidi controls. */
const CONTROL_SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[P^_X][^\x1b]*(?:\x1b\\)?|\x1b[ -~]?|\u009b[0-?]*[ -/]*[@-~]?|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without control characters and escape sequences: safe to write to a terminal. */
export function stripControls(text: string): string {
  return text.replace(CONTROL_SEQUENCE, '');
}

/** Where `text` holds control characters or escape sequences ([start, end) ranges, in order). */
export function controlRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(CONTROL_SEQUENCE)) ranges.push({ start: match.index, end: match.index + match[0].length });
  return ranges;
}

export function hasControls(text: string): boolean {
  CONTROL_SEQUENCE.lastIndex = 0;
  const found = CONTROL_SEQUENCE.test(text);
  CONTROL_SEQUENCE.lastIndex = 0;
  return found;
}
