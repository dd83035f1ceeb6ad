/**
 * Extraction quality of one page against its gold: the share of the body's words kept, and the share of the
 * boilerplate left (by words, and by blocks of three words or more found verbatim). Words are counted as a
 * multiset, so a paragraph kept twice or a menu word that also occurs in the story is not double-counted.
 */
export interface PageScore {
  bodyKept: number;
  boilerplateWordsLeft: number;
  boilerplateBlocksLeft: number;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function counts(list: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of list) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

export function scoreExtraction(extracted: string, gold: { body: readonly string[]; boilerplate: readonly string[]; title: string }): PageScore {
  const got = counts(words(extracted));
  const take = (word: string): boolean => {
    const n = got.get(word) ?? 0;
    if (n === 0) return false;
    got.set(word, n - 1);
    return true;
  };
  const bodyWords = gold.body.flatMap(words);
  const kept = bodyWords.filter(take).length;
  // The headline is neither body nor boilerplate: a kept headline is not counted against the extraction.
  words(gold.title).forEach(take);
  const boilerplateWords = gold.boilerplate.flatMap(words);
  const left = boilerplateWords.filter(take).length;
  const blocks = gold.boilerplate.filter((b) => words(b).length >= 3);
  const normal = ` ${words(extracted).join(' ')} `;
  return {
    bodyKept: bodyWords.length === 0 ? 1 : kept / bodyWords.length,
    boilerplateWordsLeft: boilerplateWords.length === 0 ? 0 : left / boilerplateWords.length,
    boilerplateBlocksLeft: blocks.length === 0 ? 0 : blocks.filter((b) => normal.includes(` ${words(b).join(' ')} `)).length / blocks.length,
  };
}
