/** Where the corpus tests find the shared data (a fresh clone has shared/ beside the repo). */
import path from 'node:path';
import { REPO_ROOT } from '../../bench/lib/seed-corpus.js';

export { SEEDS_DIR, SEED_QA_FILE } from '../../bench/lib/seed-corpus.js';
export const BBC_DIR = path.resolve(REPO_ROOT, '../shared/data/bbc-news-summary');
