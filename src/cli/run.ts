/** Entry point of the `verbatim` command. */
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv);
