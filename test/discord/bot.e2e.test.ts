/**
 * The Discord door end to end: the real discord.js client, started by startBot, against the fake Discord on
 * loopback, with the real engine over the seeds plus two test articles. The engine is built once here and
 * shared by every suite (building it is most of the time these tests take).
 */
import { afterAll, beforeAll } from 'vitest';
import { answersSuite } from './answers-suite.js';
import { commandsSuite, PAGE } from './commands-suite.js';
import { buildTestEngine } from './corpus-fixture.js';
import type { E2eEnv } from './e2e-env.js';
import { controlled } from './engine-wrapper.js';
import { Harness } from './harness.js';
import { serversSuite } from './servers-suite.js';

let env: E2eEnv | undefined;

beforeAll(async () => {
  const built = await buildTestEngine();
  const engine = controlled(built.engine);
  const [answers, commands] = await Promise.all([
    Harness.start({ engine: engine.engine, answerChannel: true }),
    Harness.start({ engine: engine.engine, articlesPageSize: PAGE }),
  ]);
  env = { built, engine, answers, commands };
});

afterAll(async () => {
  await Promise.all([env?.answers.stop(), env?.commands.stop()]);
  await env?.built.cleanup();
});

function shared(): E2eEnv {
  if (env === undefined) throw new Error('the end-to-end environment did not start');
  return env;
}

answersSuite(shared);
commandsSuite(shared);
serversSuite(shared);
