/** What the end-to-end suites share: one real engine (built once) and a bot for each suite. */
import type { TestEngine } from './corpus-fixture.js';
import type { ControlledEngine } from './engine-wrapper.js';
import type { Harness } from './harness.js';

export interface E2eEnv {
  built: TestEngine;
  engine: ControlledEngine;
  /** A bot with an answer channel (so it asks for MessageContent). */
  answers: Harness;
  /** A bot without one, listing articles three to a page. */
  commands: Harness;
}
