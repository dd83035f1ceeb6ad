/**
 * The four question sets the answer step is trained and measured on, read from ../shared/data into one
 * shape: each question with its gold, the corpus it is asked against, the rule that says whether a
 * quoted sentence answers it, and the group (article or story) its cross-validation fold is drawn by.
 */
import path from 'node:path';
import { readJsonl } from '../lib/shared-data.js';
import { containsAnswer } from '../squad/metrics.js';
import { CORPUS_FILE, readSquad, writeSquadCorpus, type SquadContext } from '../squad/data.js';
import { writeJsonlCorpus } from '../lib/jsonl-corpus.js';
import { sentenceMatches } from './metrics.js';

export type SetName = 'seed' | 'bbc' | 'squad' | 'xquad';

export interface QaItem {
  set: SetName;
  id: string;
  question: string;
  kind: string;
  answerable: boolean;
  answers: string[];
  /** Gold sentences with the engine's id of their article. */
  evidence: Array<{ article: string; sentence: string }>;
  /** Questions of one group share a fold: a news story (its articles and re-runs), or a Wikipedia article. */
  group: string;
}

export interface QaCorpus {
  set: SetName;
  /** Folder the engine reads (made by `prepare` when generated). */
  corpusDir: string;
  indexDir: string;
  items: QaItem[];
  prepare(): Promise<void>;
}

interface NewsRecord {
  id: string;
  question: string;
  kind: string;
  answerable: boolean;
  answers: string[];
  evidence: Array<{ file: string; sentence: string }>;
  related?: string[];
}

/** Seed questions over the five seed articles (`seeds/`); the whole set is one fold of its own. */
export function seedCorpus(dataDir: string, cacheDir: string): QaCorpus {
  const records = readJsonl<NewsRecord>(path.join(dataDir, 'seed-qa', 'seed-qa.dev.jsonl'));
  return {
    set: 'seed',
    corpusDir: path.resolve('seeds'),
    indexDir: path.join(cacheDir, 'qa-seed-index'),
    items: records.map((r) => newsItem('seed', r, (file) => file, 'seed')),
    prepare: async () => {},
  };
}

/** bbc-qa over the whole BBC News Summary corpus, read as its user would: the folder of 2,225 article files. */
export function bbcCorpus(dataDir: string, cacheDir: string): QaCorpus {
  const records = readJsonl<NewsRecord>(path.join(dataDir, 'bbc-qa', 'bbc-qa.dev.jsonl'));
  const stories = storyGroups(records);
  return {
    set: 'bbc',
    corpusDir: path.join(dataDir, 'bbc-news-summary', 'articles'),
    indexDir: path.join(cacheDir, 'bbc-qa-index'),
    items: records.map((r) => newsItem('bbc', r, (file) => `${file}.txt`, stories.get(r.id)!)),
    prepare: async () => {},
  };
}

/** SQuAD 2.0 dev as an open corpus: every paragraph an article, half the questions unanswerable. */
export function squadCorpus(dataDir: string, cacheDir: string): QaCorpus {
  const set = readSquad(dataDir);
  const corpusDir = path.join(cacheDir, 'squad', 'corpus');
  return {
    set: 'squad',
    corpusDir,
    indexDir: path.join(cacheDir, 'squad', 'index'),
    items: set.questions.map((q) => wikiItem('squad', q.id, q.question, q.answers, q.contextId, !q.impossible)),
    prepare: () => writeSquadCorpus(corpusDir, set.contexts),
  };
}

/** XQuAD-en (SQuAD 1.1 paragraphs, all answerable): only the questions SQuAD 2.0 dev does not already hold. */
export function xquadCorpus(dataDir: string, cacheDir: string, squadIds: ReadonlySet<string>): QaCorpus {
  const dir = path.join(dataDir, 'xquad-en');
  const contexts = readJsonl<{ context_id: string; title: string; context: string }>(path.join(dir, 'contexts.jsonl'));
  const questions = readJsonl<{ id: string; context_id: string; question: string; answers: Array<{ text: string }> }>(path.join(dir, 'questions.jsonl'));
  const corpusDir = path.join(cacheDir, 'xquad', 'corpus');
  const records: SquadContext[] = contexts.map((c) => ({ id: c.context_id, title: c.title.replace(/_/g, ' '), text: c.context }));
  return {
    set: 'xquad',
    corpusDir,
    indexDir: path.join(cacheDir, 'xquad', 'index'),
    items: questions.filter((q) => !squadIds.has(q.id)).map((q) => wikiItem('xquad', q.id, q.question, q.answers.map((a) => a.text), q.context_id, true)),
    prepare: () => writeJsonlCorpus(corpusDir, CORPUS_FILE, records).then(() => {}),
  };
}

function newsItem(set: SetName, r: NewsRecord, articleOf: (file: string) => string, group: string): QaItem {
  return {
    set,
    id: r.id,
    question: r.question,
    kind: r.kind,
    answerable: r.answerable,
    answers: r.answers,
    evidence: r.evidence.map((e) => ({ article: articleOf(e.file), sentence: e.sentence })),
    group,
  };
}

/** An unanswerable question's paragraph is no evidence, but its Wikipedia article still names the fold group. */
function wikiItem(set: SetName, id: string, question: string, answers: string[], contextId: string, answerable: boolean): QaItem {
  return {
    set,
    id,
    question,
    kind: answerable ? 'factoid' : 'unanswerable',
    answerable,
    answers,
    evidence: answerable ? [{ article: `${CORPUS_FILE}#${contextId}`, sentence: '' }] : [],
    group: `wiki:${contextId.split('#')[0]}`,
  };
}

/**
 * Whether a quoted sentence answers: for the news sets, the rule bbc-qa's README fixes (it contains a gold
 * sentence of the same article, or lies inside one at half its length or more, or holds a gold answer span and
 * comes from an evidence article); for SQuAD and XQuAD, a gold answer inside a sentence of the gold paragraph.
 */
export function isHit(item: QaItem, article: string, sentence: string): boolean {
  if (item.set === 'squad' || item.set === 'xquad') {
    return item.evidence.some((e) => e.article === article) && item.answers.some((a) => containsAnswer(sentence, a));
  }
  return item.evidence.some(
    (e) =>
      e.article === article &&
      ((sentenceMatches(sentence, e.sentence) && (sentence.includes(e.sentence) || sentence.length * 2 >= e.sentence.length)) ||
        item.answers.some((a) => sentence.includes(a))),
  );
}

/**
 * Stories of bbc-qa: questions whose evidence or related articles overlap belong to one story (re-runs of a
 * story share sentences), so a story never has questions on both sides of a fold.
 */
function storyGroups(records: readonly NewsRecord[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? (parent.set(root, root), root);
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const r of records) {
    const node = `q:${r.id}`;
    find(node);
    for (const file of [...r.evidence.map((e) => e.file), ...(r.related ?? [])]) union(node, `a:${file}`);
  }
  return new Map(records.map((r) => [r.id, `story:${find(`q:${r.id}`)}`]));
}
