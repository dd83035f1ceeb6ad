/**
 * The real engine over the five seeds plus three articles written for the Discord tests, built once per
 * test file with the offline USE embedder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import { copySeeds } from '../../bench/lib/seed-corpus.js';
import { seedIndexWithUseVectors } from '../../bench/lib/seed-vectors.js';

/** An article whose answer sentence carries mass mentions and user, role and channel mentions. */
export const MENTION_ARTICLE = [
  'Quayside footbridge opening date set',
  '',
  'The harbour board posted a notice to @everyone and @here saying the Quayside footbridge will open to walkers on 14 March, signed by <@123456789012345678> for the <@&234567890123456789> crew in <#345678901234567890>.',
  'Engineers finished laying the deck of the footbridge in January after two years of work.',
  '',
].join('\n');
export const MENTION_QUESTION = 'When will the Quayside footbridge open?';

/** A long clause, varied so no two sentences are near-duplicates. */
function longSentence(topic: string, n: number): string {
  const details = Array.from({ length: 24 }, (_, i) => `the ${['north', 'south', 'east', 'west'][i % 4]} sluice number ${n * 100 + i} recorded ${(n + 1) * (i + 3)} centimetres of silt`).join(', ');
  return `During the Marrowfield reservoir drought ${topic}, inspectors reported that ${details}.`;
}

/** Several answer sentences, each over a thousand characters: together they cannot fit one message. */
export const LONG_ARTICLE = [
  'Marrowfield reservoir drought inspection',
  '',
  longSentence('in the first week', 1),
  longSentence('in the second week', 2),
  longSentence('in the third week', 3),
  longSentence('in the fourth week', 4),
  '',
].join('\n');
export const LONG_QUESTION = 'What did inspectors report during the Marrowfield reservoir drought?';

export interface TestEngine {
  engine: Engine;
  corpusDir: string;
  cleanup(): Promise<void>;
}

export async function buildTestEngine(): Promise<TestEngine> {
  const corpusDir = await copySeeds();
  await fs.writeFile(path.join(corpusDir, '100_quayside_footbridge.txt'), MENTION_ARTICLE);
  await fs.writeFile(path.join(corpusDir, '101_marrowfield_drought.txt'), LONG_ARTICLE);
  // The seeds' USE-lite vectors are cached already: only the two articles above are embedded at warm-up.
  const indexDir = await seedIndexWithUseVectors('verbatim-discord-index-');
  const engine = createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, EMBEDDER: 'use' }));
  await engine.warmUp();
  return {
    engine,
    corpusDir,
    cleanup: async () => {
      await engine.close();
      await fs.rm(corpusDir, { recursive: true, force: true });
      await fs.rm(indexDir, { recursive: true, force: true });
    },
  };
}
