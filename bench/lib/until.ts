/** Waiting in tests and benchmarks for something another process or a timer brings about. */

/** Polls `condition` every 20 ms until it holds; throws naming `what` after `timeoutMs` (a hang detector, not a target). */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
