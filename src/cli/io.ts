/**
 * Where one run of the `verbatim` command reads, writes and finds its settings. The binary passes the process's own
 * (`processIo`); tests pass in-memory streams, their own settings and a stop they trigger, so the command line runs
 * in-process with no child process and nothing of the test runner's process touched.
 */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The environment settings are read from (a .env file in the working folder fills what it lacks). */
  env: Readonly<Record<string, string | undefined>>;
  /** Starts listening for "stop" (SIGINT or SIGTERM for the process), for commands that run until told: `serve`. */
  listenForStop(): StopListener;
}

export interface StopListener {
  /** Resolves with what asked to stop (a signal name). */
  stopped: Promise<string>;
  /** Stops listening (after the command has closed what it had open). */
  release(): void;
}

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    listenForStop() {
      // `on`, not `once`: a `once` listener is gone before it runs, and the index write lock's own handler exits the
      // process when it finds itself the only listener (write-lock.ts); ours stays registered until released.
      let onSignal: (signal: NodeJS.Signals) => void = () => {};
      const stopped = new Promise<string>((resolve) => {
        onSignal = resolve;
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      return {
        stopped,
        release() {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        },
      };
    },
  };
}
