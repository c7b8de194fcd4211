#!/usr/bin/env node
// Runs in Node: the CLI's shim; all work is in src/cli/main.ts (bundled to dist/cli.js).
import { main, nodeIo } from '../dist/cli.js';

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2), nodeIo(new URL('..', import.meta.url).pathname));
