/**
 * Copies of an article that read the same but are distinct texts: in copy c, the first space of every sentence is
 * the c-th of 16 other Unicode space characters. Words, sentence boundaries and the keyword index's terms are
 * unchanged (checked over 300 BBC articles × 16 copies), while every sentence is a new text, so the engine's
 * content-hash embedding cache holds one entry per sentence, as it would for a real archive of that size, and the
 * replay embedder can tell which copy a sentence belongs to. Pure.
 */

/** Whitespace (for JavaScript's \s and the corpus parser) of one UTF-16 unit each, so offsets do not move. */
export const SPACE_VARIANTS = ['\u00a0', '\u1680', ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)), '\u202f', '\u205f', '\u3000'];

export const MAX_COPY = SPACE_VARIANTS.length;

/** The article text of copy `copy` (0 is the original): `sentences` are the original's, with offsets into `text`. */
export function copyText(text: string, sentences: ReadonlyArray<{ start: number; text: string }>, copy: number): string {
  if (copy === 0) return text;
  const variant = SPACE_VARIANTS[copy - 1];
  if (variant === undefined) throw new RangeError(`copy ${copy} is beyond the ${MAX_COPY} copies the space variants allow`);
  const chars = text.split('');
  for (const sentence of sentences) {
    const space = sentence.text.indexOf(' ');
    if (space >= 0) chars[sentence.start + space] = variant;
  }
  return chars.join('');
}

/** The original sentence and copy number behind a copied sentence; null for text carrying no variant. */
export function readCopy(text: string): { original: string; copy: number } | null {
  for (let i = 0; i < text.length; i++) {
    const copy = SPACE_VARIANTS.indexOf(text[i]!);
    if (copy >= 0) return { original: `${text.slice(0, i)} ${text.slice(i + 1)}`, copy: copy + 1 };
  }
  return null;
}
