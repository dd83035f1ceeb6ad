/**
 * Ranking candidate sentences with the learned models, in two stages: a model over the cheap features
 * orders every candidate, then the best few get their entity features (the costly part: the entity
 * recogniser) and a second model over all features orders those. Both are fitted by `npm run train`.
 */
import { linearScorer, type LinearModelFile, type LinearScorer } from './linear-model.js';
import { CHEAP_FEATURES, SENTENCE_FEATURES, type SentenceEvidence } from './sentence-features.js';

export interface RankerFile {
  /** How many sentences (best by the first stage) the second stage re-ranks. */
  shortlist: number;
  stage1: LinearModelFile;
  stage2: LinearModelFile;
}

export interface Ranker {
  shortlist: number;
  stage1: LinearScorer;
  stage2: LinearScorer;
}

export interface RankedSentence extends SentenceEvidence {
  /** The second stage's logit for shortlisted sentences; the first stage's for the rest (ranked after them). */
  score: number;
  shortlisted: boolean;
}

export function loadRanker(file: RankerFile): Ranker {
  return {
    shortlist: file.shortlist,
    stage1: linearScorer(file.stage1, CHEAP_FEATURES, 'ranker stage 1'),
    stage2: linearScorer(file.stage2, SENTENCE_FEATURES, 'ranker stage 2'),
  };
}

/**
 * Best first. `addEntities` fills the entity features of a shortlisted row that lacks them. Ties keep a
 * stable order (article id, then sentence position) so the same question always gets the same answer.
 */
export function rankSentences(rows: readonly SentenceEvidence[], ranker: Ranker, addEntities: (row: SentenceEvidence) => void): RankedSentence[] {
  const first = rows.map((row) => ({ ...row, score: ranker.stage1(row.x), shortlisted: false }));
  first.sort(byScore);
  const shortlist = first.slice(0, ranker.shortlist);
  for (const row of shortlist) {
    if (!row.entitiesChecked) addEntities(row);
    row.score = ranker.stage2(row.x);
    row.shortlisted = true;
  }
  return [...shortlist.sort(byScore), ...first.slice(ranker.shortlist)];
}

function byScore(a: RankedSentence, b: RankedSentence): number {
  return b.score - a.score || a.article.id.localeCompare(b.article.id) || a.sentence.index - b.sentence.index;
}
