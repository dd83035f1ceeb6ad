/**
 * The one text analyser shared by the BM25 index and answer scoring, so both agree on what a term is:
 * lower-cased, possessives dropped, stop words removed, lemmatised (wink-nlp: "met" → "meet",
 * "held" → "hold"), then Porter-stemmed. Changing what it produces changes the index: bump
 * INDEX_FORMAT_VERSION in manifest.ts with it.
 */
import { stemmer } from 'stemmer';
import { wink } from '../wink.js';

/** Lemmas out of context are enough for irregular forms. */
function lemma(word: string): string {
  const nlp = wink();
  // wink's typings give `its.lemma` an extra addons parameter that `out()` itself supplies.
  const out = nlp.readDoc(word).tokens().out(nlp.its.lemma as unknown as typeof nlp.its.value) as string[];
  const found = out.length === 1 && out[0] ? out[0].toLowerCase() : word;
  // Out of context a lemma can jump to another word ("better" → "good"); keep only those sharing the first letter, or known irregulars.
  return found !== word && !IRREGULAR_OK.test(word) && word[0] !== found[0] ? word : found;
}

/** Stems by word: a corpus repeats its words, and lemmatising plus stemming is the analyser's main cost. */
const stems = new Map<string, string>();

/** Words whose lemma may look unrelated and still be right: past tenses and participles of irregular verbs. */
const IRREGULAR_OK = /^(went|gone|was|were|been|is|are|am)$/;

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
  let found = stems.get(word);
  if (found === undefined) {
    found = /^\p{N}/u.test(word) ? word : stemmer(lemma(word));
    if (stems.size > 500_000) stems.clear();
    stems.set(word, found);
  }
  return found;
}

/** Content terms: words minus stop words, stemmed. The unit of BM25 and of lexical overlap. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
