/**
 * A vitest reporter for `npm run test:slowest`: each test file's whole time in its worker (hooks such as beforeAll
 * included, which per-test durations leave out) and its import time, slowest first. Keeping `npm test` quick starts
 * from this list (docs/DESIGN.md, "Where a new test or figure goes").
 */
import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 15;

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules.map((module) => {
      const { duration, collectDuration } = module.diagnostic();
      return { file: module.relativeModuleId, run: duration / 1000, imports: collectDuration / 1000 };
    });
    rows.sort((a, b) => b.run + b.imports - (a.run + a.imports));
    const total = rows.reduce((sum, row) => sum + row.run + row.imports, 0);
    const lines = rows.slice(0, SHOWN).map((row) => `${row.run.toFixed(1).padStart(6)} s run ${row.imports.toFixed(1).padStart(5)} s import  ${row.file}`);
    process.stdout.write(`\nslowest test files (of ${rows.length}; ${total.toFixed(1)} s of worker time in all, shared by the workers):\n${lines.join('\n')}\n`);
  }
}
