#!/usr/bin/env node
// The `verbatim` command: runs the compiled JavaScript in dist/ (built by `npm ci` / `npm install` through the
// `prepare` script, or by `npm run build`), so nothing is transpiled at start-up.
try {
  await import('../dist/cli/run.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/cli/run.js')) {
    process.stderr.write('error BUILD_MISSING: verbatim is not built (dist/cli/run.js is missing).\nhint: Run `npm run build` (or `npm ci`, which builds) in the verbatim folder.\n');
    process.exit(1);
  }
  throw error;
}
