// Test helper, loaded with `node --import`: appends the URL of every module the process loads to $MODULE_LOG,
// so a test can tell which parts of verbatim a command loaded (e.g. that `--help` never loads the engine).
import { register } from 'node:module';

register(new URL('./module-log-hooks.mjs', import.meta.url));
