/**
 * Follow-up questions: a question asked right after another ("what about Kim?" after "What did Putin call
 * Xi?") borrows what it leaves out from the previous question. The rule, applied in this order:
 *   1. Ellipsis — "what about X", "how about X", "what of X", "and X" (nothing else): X replaces the last
 *      name in the previous question ("What did Putin call Kim?"); when the previous question names no one,
 *      X is added to it in brackets ("Who hosted the parade? (Kim)").
 *   2. Pronoun — a question with he/she/him/her/his/hers/they/them/their and no name of its own: the first
 *      pronoun becomes the first name of the previous question ("What did he say?" → "What did Putin say?";
 *      "his" → "Putin's").
 *   3. Anything else stands alone and is asked as written.
 * A "name" is a run of capitalised words that does not open the question.
 */

export type FollowUpRule = 'substitute' | 'append' | 'pronoun' | 'standalone';

export interface FollowUpResolution {
  /** The question to answer: standalone, with the context filled in. */
  question: string;
  rule: FollowUpRule;
}

const ELLIPSIS = /^(?:and\s+)?(?:what|how)\s+about\s+(.+?)\s*[?.!]*$|^what\s+of\s+(.+?)\s*[?.!]*$|^and\s+(.+?)\s*[?.!]*$/i;
const PRONOUNS: Record<string, 'name' | 'possessive'> = {
  he: 'name', she: 'name', him: 'name', her: 'name', they: 'name', them: 'name',
  his: 'possessive', hers: 'possessive', their: 'possessive', theirs: 'possessive',
};
/** Capitalised words that are not names (question openers, pronouns, months would be names anyway). */
const NOT_NAMES = new Set(['I', 'The', 'A', 'An']);

interface Name {
  text: string;
  start: number;
  end: number;
}

/** Runs of capitalised words after the first word. */
export function namesIn(question: string): Name[] {
  const names: Name[] = [];
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  let first = true;
  let run: Name | null = null;
  for (let m = word.exec(question); m !== null; m = word.exec(question)) {
    const isFirst = first;
    first = false;
    const capital = /^\p{Lu}/u.test(m[0]) && !NOT_NAMES.has(m[0]) && !isFirst;
    const adjacent = run !== null && /^\s+$/.test(question.slice(run.end, m.index));
    if (capital && run !== null && adjacent) {
      run.end = m.index + m[0].length;
      run.text = question.slice(run.start, run.end);
    } else if (capital) {
      if (run !== null) names.push(run);
      run = { text: m[0], start: m.index, end: m.index + m[0].length };
    } else if (run !== null) {
      names.push(run);
      run = null;
    }
  }
  if (run !== null) names.push(run);
  return names.map((n) => ({ ...n, text: n.text.replace(/[’']s$/, '') })).map((n) => ({ ...n, end: n.start + n.text.length }));
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function resolveFollowUp(previous: string, followUp: string): FollowUpResolution {
  const asked = tidy(followUp);
  const before = tidy(previous);
  const ellipsis = ELLIPSIS.exec(asked);
  if (ellipsis !== null) {
    const subject = (ellipsis[1] ?? ellipsis[2] ?? ellipsis[3] ?? '').trim();
    const last = namesIn(before).at(-1);
    if (last !== undefined) return { question: before.slice(0, last.start) + subject + before.slice(last.end), rule: 'substitute' };
    return { question: `${before} (${subject})`, rule: 'append' };
  }
  const first = namesIn(before)[0];
  if (first !== undefined && namesIn(asked).length === 0) {
    const pronoun = /\b(he|she|him|her|they|them|his|hers|their|theirs)\b/i.exec(asked);
    if (pronoun !== null) {
      const kind = PRONOUNS[pronoun[1]!.toLowerCase()]!;
      const replacement = kind === 'possessive' ? `${first.text}’s` : first.text;
      return { question: asked.slice(0, pronoun.index) + replacement + asked.slice(pronoun.index + pronoun[0].length), rule: 'pronoun' };
    }
  }
  return { question: asked, rule: 'standalone' };
}
