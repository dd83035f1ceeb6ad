/** Entry point of the `verbatim` command. */
import { runCli } from './main.js';

await runCli(process.argv);
