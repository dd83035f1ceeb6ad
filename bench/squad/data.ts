/**
 * SQuAD 2.0 dev (../shared/data/squad-v2-dev, read-only) as an open corpus: every paragraph becomes one article of
 * a JSONL corpus file the engine reads like any user's corpus; questions keep their gold paragraph and answers.
 */
import path from 'node:path';
import { z } from 'zod';
import { readJsonl } from '../lib/shared-data.js';
import { writeJsonlCorpus } from '../lib/jsonl-corpus.js';
import { seededSample } from '../lib/random.js';

const contextSchema = z.object({ context_id: z.string(), title: z.string(), context: z.string() });
const questionSchema = z.object({
  id: z.string(),
  context_id: z.string(),
  question: z.string(),
  answers: z.array(z.object({ text: z.string() })),
  is_impossible: z.boolean(),
});

export interface SquadContext {
  id: string;
  title: string;
  text: string;
}

export interface SquadQuestion {
  id: string;
  contextId: string;
  question: string;
  /** Every annotator's answer text (duplicates kept, as in the official file); empty when unanswerable. */
  answers: string[];
  impossible: boolean;
}

export interface SquadSet {
  contexts: SquadContext[];
  questions: SquadQuestion[];
}

export const CORPUS_FILE = 'squad.jsonl';
const SAMPLE_SEED = 2018;

export function readSquad(dataDir: string): SquadSet {
  const dir = path.join(dataDir, 'squad-v2-dev');
  const contexts = readJsonl<unknown>(path.join(dir, 'contexts.jsonl')).map((raw) => contextSchema.parse(raw));
  const questions = readJsonl<unknown>(path.join(dir, 'questions.jsonl')).map((raw) => questionSchema.parse(raw));
  return {
    contexts: contexts.map((c) => ({ id: c.context_id, title: c.title.replace(/_/g, ' '), text: c.context })),
    questions: questions.map((q) => ({
      id: q.id,
      contextId: q.context_id,
      question: q.question,
      answers: q.answers.map((a) => a.text),
      impossible: q.is_impossible,
    })),
  };
}

/**
 * The part of SQuAD a run uses: all paragraphs (or, for --quick, the paragraphs of the first `titles` Wikipedia
 * articles), and a fixed-seed sample of their questions when `sample` is set.
 */
export function selectSquad(set: SquadSet, options: { titles: number | null; sample: number | null }): SquadSet {
  let { contexts } = set;
  if (options.titles !== null) {
    const keep = new Set([...new Set(contexts.map((c) => c.title))].slice(0, options.titles));
    contexts = contexts.filter((c) => keep.has(c.title));
  }
  const ids = new Set(contexts.map((c) => c.id));
  const questions = set.questions.filter((q) => ids.has(q.contextId));
  return { contexts, questions: options.sample === null ? questions : seededSample(questions, options.sample, SAMPLE_SEED) };
}

/** Writes the corpus file, leaving it untouched when its content is already right (so the index stays current). */
export async function writeSquadCorpus(corpusDir: string, contexts: readonly SquadContext[]): Promise<void> {
  await writeJsonlCorpus(corpusDir, CORPUS_FILE, contexts);
}

/** The SQuAD paragraph id of an engine article id (`squad.jsonl#Normans#0` → `Normans#0`). */
export function contextIdOf(articleId: string): string {
  const prefix = `${CORPUS_FILE}#`;
  return articleId.startsWith(prefix) ? articleId.slice(prefix.length) : articleId;
}
