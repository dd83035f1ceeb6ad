/**
 * The one text analyser shared by the BM25 index and answer scoring, so both agree on what a term is:
 * lower-cased, possessives dropped, stop words removed, Porter-stemmed.
 */
import { stemmer } from 'stemmer';

/** Function words that carry no topic; kept short on purpose so "who", "when", "how" stay out but "not" does too. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then than so as of at by for with about against between into through during before after ' +
    'above below to from up down in out on off over under again further once here there all any both each few more most ' +
    'other some such no nor only own same too very can will just should now is are was were be been being have has had ' +
    'having do does did doing would could might must shall may i me my we our you your he him his she her it its they them ' +
    'their what which who whom whose this that these those am when where why how s t d ll m re ve y yo wen whats what’s ' +
    'also said says say tell told get got mr mrs ms'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:[’'.][\p{L}\p{N}]+)*/gu;

/** Splits text into normalised word forms (lower case, no possessive), stop words included. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    let word = match[0].replace(/[’']s$/u, '').replace(/[’']/gu, '');
    // "U.S." style abbreviations become one word; other dotted runs keep their dots removed.
    if (!/^[\p{N}.]+$/u.test(word)) word = word.replace(/\./g, '');
    if (word) out.push(word);
  }
  return out;
}

/** Stem of one normalised word; numbers are kept as they are. */
export function stem(word: string): string {
  return /^\p{N}/u.test(word) ? word : stemmer(word);
}

/** Content terms: words minus stop words, stemmed. The unit of BM25 and of lexical overlap. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
